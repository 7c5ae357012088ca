package io.orderbook.application.orders;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Instant;

/**
 * An order as last made durable, in the engine's units (see {@link io.orderbook.domain.model.Market}).
 *
 * @param id             the order's id, unique across markets
 * @param userId         the order's owner
 * @param marketId       the market it was placed in
 * @param clientOrderId  the id the client gave it, or null
 * @param side           buy or sell
 * @param type           limit or market
 * @param timeInForce    how long it may rest in the book
 * @param price          limit price; 0 for market orders
 * @param quantity       total base quantity as last amended, filled part included; 0 for a quote-sized market buy
 * @param quoteAmount    what a quote-sized market buy may spend, fees included; otherwise 0
 * @param expireAt       expiry of a GTD order, epoch milliseconds; null otherwise
 * @param stp            its self-trade prevention mode
 * @param status         where it is in its life (open, filled, cancelled...)
 * @param endReason      why a CANCELLED or EXPIRED order ended; null otherwise
 * @param filledQuantity total filled so far, base minor units
 * @param openQuantity   still open in the book, base minor units; 0 once the order has ended
 * @param closed         whether the order has been closed (reverted by an opposite-side market order)
 * @param closingOrderId the opposite-side market order that closed this one, if any
 * @param createdAt      when it was placed
 * @param updatedAt      when it last changed
 */
public record OrderRecord(long id, long userId, int marketId, String clientOrderId, Side side, OrderType type,
                          TimeInForce timeInForce, long price, long quantity, long quoteAmount, Long expireAt,
                          SelfTradePrevention stp, OrderStatus status, String endReason, long filledQuantity,
                          long openQuantity, boolean closed, Long closingOrderId, Instant createdAt,
                          Instant updatedAt) {
}
