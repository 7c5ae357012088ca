package io.orderbook.application.orders;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Instant;

/**
 * An order as last made durable, in the engine's units (see {@link io.orderbook.domain.model.Market}).
 *
 * @param price          limit price; 0 for market orders
 * @param quantity       total base quantity as last amended, filled part included; 0 for a quote-sized market buy
 * @param quoteAmount    what a quote-sized market buy may spend, fees included; otherwise 0
 * @param expireAt       expiry of a GTD order, epoch milliseconds; null otherwise
 * @param endReason      why a CANCELLED or EXPIRED order ended; null otherwise
 * @param closingOrderId the opposite-side market order that closed this one, if any
 */
public record OrderRecord(long id, long userId, int marketId, String clientOrderId, Side side, OrderType type,
                          TimeInForce timeInForce, long price, long quantity, long quoteAmount, Long expireAt,
                          SelfTradePrevention stp, OrderStatus status, String endReason, long filledQuantity,
                          long openQuantity, boolean closed, Long closingOrderId, Instant createdAt,
                          Instant updatedAt) {
}
