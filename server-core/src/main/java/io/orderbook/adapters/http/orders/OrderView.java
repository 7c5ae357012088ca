package io.orderbook.adapters.http.orders;

import io.orderbook.application.orders.OrderStatus;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Instant;

/**
 * An order as stored ({@code Order}): amounts as decimal strings in whole units. {@code price} is null for market
 * orders, {@code quantity} for market buys sized by {@code quoteAmount}, which is null otherwise.
 */
record OrderView(long id, long userId, String market, String clientOrderId, Side side, OrderType type,
                        TimeInForce timeInForce, String price, String quantity, String quoteAmount, Instant expireAt,
                        SelfTradePrevention stp, OrderStatus status, String endReason, String filledQuantity,
                        String openQuantity, boolean closed, Long closingOrderId, Instant createdAt,
                        Instant updatedAt) {
}
