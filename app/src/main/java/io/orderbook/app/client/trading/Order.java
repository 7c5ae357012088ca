package io.orderbook.app.client.trading;

import io.orderbook.application.orders.OrderStatus;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One of the user's orders ({@code Order}, or {@code OrderState} when a command reports it: then the parts the
 * command did not touch are null). Amounts in whole units; {@code price} is null for market orders.
 */
public record Order(long id, String market, String clientOrderId, Side side, OrderType type, TimeInForce timeInForce,
                    BigDecimal price, BigDecimal quantity, BigDecimal quoteAmount, OrderStatus status,
                    String endReason, BigDecimal filledQuantity, BigDecimal openQuantity, Boolean closed,
                    Long closingOrderId, Instant createdAt, Instant updatedAt) {

    /** Whether the order still rests in the book. */
    public boolean isOpen() {
        return status == OrderStatus.OPEN;
    }
}
