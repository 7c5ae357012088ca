package io.orderbook.adapters.http.markets;

/** The body of {@code POST /assets} ({@code AssetCreate}). */
public record CreateAssetRequest(String code, Integer scale) {
}
