package io.orderbook.app.client.trading;

import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order that waits for a price ({@code ConditionalOrder} of {@code /conditional-orders}): a stop-loss,
 * take-profit, trailing stop or trigger that places its order when the market reaches the trigger. Parts that do
 * not apply are null.
 *
 * @param id              the conditional order's id
 * @param market          the market symbol
 * @param kind            STOP_LOSS, TAKE_PROFIT, TRAILING_STOP or TRIGGER
 * @param side            the side of the order placed when it fires
 * @param orderType       the order placed when it fires: LIMIT or MARKET
 * @param triggerPrice    the price that fires it; null for a trailing stop, whose trigger follows the price
 * @param limitPrice      that order's limit price
 * @param trailingAmount  a trailing stop's distance from the best price, in the quote asset
 * @param trailingPercent a trailing stop's distance in percent
 * @param quantity        how much the placed order trades
 * @param status          ARMED, TRIGGERED (firing), FIRED, FAILED or CANCELLED
 * @param reason          why it failed or was cancelled
 * @param placedOrderId   the order placed when it fired
 * @param createdAt       when it was armed
 * @param triggeredAt     when it fired
 */
public record ConditionalOrder(long id, String market, String kind, Side side, String orderType,
                               BigDecimal triggerPrice, BigDecimal limitPrice, BigDecimal trailingAmount,
                               BigDecimal trailingPercent, Quantity quantity, String status, String reason,
                               Long placedOrderId, Instant createdAt, Instant triggeredAt) {

    /**
     * A quantity rule.
     *
     * @param rule  BASE, QUOTE, BALANCE_PERCENT or FILLED_PERCENT
     * @param value the amount, or the percentage
     */
    public record Quantity(String rule, BigDecimal value) {
    }
}
