package io.orderbook.adapters.http.markets;

/** The body of {@code POST /assets} ({@code AssetCreate}). */
record CreateAssetRequest(String code, Integer scale) {
}
