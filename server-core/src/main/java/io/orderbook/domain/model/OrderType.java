package io.orderbook.domain.model;

/** How an order is priced. */
public enum OrderType {
    /** Executes at its limit price or better; the rest may rest in the book. */
    LIMIT,
    /** Executes immediately against the book at any price, sized by base quantity or by a quote amount. */
    MARKET,
    /** Post-only limit order: rejected if any part of it would take liquidity. */
    LIMIT_MAKER
}
