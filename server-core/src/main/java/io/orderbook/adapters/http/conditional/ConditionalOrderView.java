package io.orderbook.adapters.http.conditional;

import java.time.Instant;

/**
 * A conditional order as the API shows it ({@code ConditionalOrder}); amounts as decimal strings, percentages in
 * percent. Parts that do not apply are null.
 *
 * @param id              the conditional order's id
 * @param userId          the owner's id
 * @param market          the market's symbol
 * @param kind            {@code STOP_LOSS}, {@code TAKE_PROFIT}, {@code TRAILING_STOP} or {@code TRIGGER}
 * @param side            the side of the order it places
 * @param orderType       the type of the order it places
 * @param triggerPrice    the price that fires it; for a trailing stop, null
 * @param limitPrice      the limit price of the order it places, for limit orders
 * @param trailingAmount  a trailing stop's distance as an amount in the quote asset
 * @param trailingPercent a trailing stop's distance in percent
 * @param trailingBest    the best price a trailing stop has followed so far
 * @param quantity        how much the placed order trades
 * @param ocoId           the other leg of its one-cancels-the-other pair
 * @param status          where it is in its life, e.g. {@code ARMED} or {@code FIRED}
 * @param reason          why it failed or was cancelled
 * @param firedPrice      the price that fired it
 * @param firedEventId    the price event that fired it
 * @param placedOrderId   the order it placed once fired
 * @param createdAt       when it was created
 * @param updatedAt       when it last changed
 * @param triggeredAt     when its trigger was reached
 */
public record ConditionalOrderView(long id, long userId, String market, String kind, String side, String orderType,
                                   String triggerPrice, String limitPrice, String trailingAmount,
                                   String trailingPercent, String trailingBest, QuantityView quantity, Long ocoId,
                                   String status, String reason, String firedPrice, String firedEventId,
                                   Long placedOrderId, Instant createdAt, Instant updatedAt, Instant triggeredAt) {

    /**
     * The quantity rule.
     *
     * @param rule    {@code BASE}, {@code QUOTE}, {@code BALANCE_PERCENT} or {@code FILLED_PERCENT}
     * @param value   the amount (in the base or quote asset) or the percentage
     * @param orderId for {@code FILLED_PERCENT}, the order whose filled quantity it is a percentage of
     */
    public record QuantityView(String rule, String value, Long orderId) {
    }
}
