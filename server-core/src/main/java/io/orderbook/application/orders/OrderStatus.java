package io.orderbook.application.orders;

/** Where an order stands; the values stored in {@code orders.status}. */
public enum OrderStatus {
    /** Resting in its book, possibly partly filled. */
    OPEN,
    /** Fully filled, or a market buy that spent its quote amount. */
    FILLED,
    /** Cancelled by its owner or by closing it. */
    CANCELLED,
    /** Ended without its owner: nothing more to trade against, its expiry time, or self-trade prevention. */
    EXPIRED
}
