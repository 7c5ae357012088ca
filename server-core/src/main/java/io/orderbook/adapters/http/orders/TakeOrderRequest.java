package io.orderbook.adapters.http.orders;

/**
 * The body of {@code POST /orders/{id}/take} ({@code OrderTake}), which may be empty: how much of the resting
 * order to take (all that is open when absent), and the client's own id for the taking order.
 */
record TakeOrderRequest(String quantity, String clientOrderId) {

    static final TakeOrderRequest ALL = new TakeOrderRequest(null, null);
}
