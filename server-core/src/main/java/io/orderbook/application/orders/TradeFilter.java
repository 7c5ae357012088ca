package io.orderbook.application.orders;

import java.time.Instant;

/**
 * Which of a user's trades to list; a null part does not filter.
 *
 * @param marketId only trades in this market
 * @param orderId  only trades of this order
 * @param from     trades executed at or after this time
 * @param to       trades executed before this time
 */
public record TradeFilter(Integer marketId, Long orderId, Instant from, Instant to) {

    /** Every trade. */
    public static final TradeFilter ALL = new TradeFilter(null, null, null, null);
}
