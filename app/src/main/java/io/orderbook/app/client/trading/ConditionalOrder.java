package io.orderbook.app.client.trading;

import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order that waits for a price ({@code /conditional-orders}): a stop-loss, take-profit, trailing stop or
 * trigger that places its order when the market reaches {@code triggerPrice}.
 *
 * @param type          STOP_LOSS, TAKE_PROFIT, TRAILING_STOP or TRIGGER
 * @param trailingDelta for a trailing stop: how far the trigger follows the best price
 * @param price         the limit price of the order placed on trigger; null for a market order
 * @param status        e.g. PENDING, TRIGGERED, CANCELLED
 */
public record ConditionalOrder(long id, String market, String type, Side side, BigDecimal triggerPrice,
                               BigDecimal trailingDelta, BigDecimal price, BigDecimal quantity, String status,
                               Instant createdAt) {
}
