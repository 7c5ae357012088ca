package io.orderbook.domain.model;

/** The side of an order: a buy spends the quote asset, a sell spends the base asset. */
public enum Side {
    BUY,
    SELL;

    /** The side an order of this side trades against. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
