package io.orderbook.application.orders;

/** Which side of a trade an order was on. */
public enum Liquidity {
    /** The order rested in the book and was traded against. */
    MAKER,
    /** The order traded against a resting order. */
    TAKER
}
