package io.orderbook.domain.model;

/** The side of an order: a buy spends the quote asset, a sell spends the base asset. */
public enum Side {
    /** Buys the base asset, paying the quote asset. */
    BUY,
    /** Sells the base asset for the quote asset. */
    SELL;

    /**
     * The side an order of this side trades against.
     *
     * @return {@code SELL} for {@code BUY} and {@code BUY} for {@code SELL}
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
