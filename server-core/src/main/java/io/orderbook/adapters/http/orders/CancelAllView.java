package io.orderbook.adapters.http.orders;

import java.util.List;

/** The answer to {@code DELETE /orders?market=...} ({@code CancelAllResult}): each order cancelled. */
record CancelAllView(String market, int cancelled, List<OrderStateView> orders) {
}
