package io.orderbook.adapters.http.orders;

/**
 * The body of {@code PATCH /orders/{id}} ({@code OrderAmend}): a new price, a new total quantity (filled part
 * included), or both, as decimal strings; an absent one stays as it is.
 */
record AmendOrderRequest(String price, String quantity) {
}
