package io.orderbook.app.client.trading;

import io.orderbook.application.orders.OrderStatus;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One of the user's orders ({@code Order}, or {@code OrderState} when a command reports it: then the parts the
 * command did not touch are null). Amounts in whole units.
 *
 * @param id             the order's id
 * @param market         the market symbol
 * @param clientOrderId  the user's own reference; may be null
 * @param side           buy or sell
 * @param type           limit, market or post-only limit
 * @param timeInForce    how long it may rest
 * @param price          the limit price; null for market orders
 * @param quantity       the total base quantity; null for a market buy sized by {@code quoteAmount}
 * @param quoteAmount    what a market buy may spend; otherwise null
 * @param status         where it is in its life (open, filled, cancelled, ...)
 * @param endReason      why it ended, once it has; otherwise null
 * @param filledQuantity how much has traded
 * @param openQuantity   how much still rests in the book
 * @param closed         whether it was closed (its fills traded back); null when not reported
 * @param closingOrderId the market order that closed it; otherwise null
 * @param createdAt      when it was placed
 * @param updatedAt      when it last changed
 */
public record Order(long id, String market, String clientOrderId, Side side, OrderType type, TimeInForce timeInForce,
                    BigDecimal price, BigDecimal quantity, BigDecimal quoteAmount, OrderStatus status,
                    String endReason, BigDecimal filledQuantity, BigDecimal openQuantity, Boolean closed,
                    Long closingOrderId, Instant createdAt, Instant updatedAt) {

    /**
     * Whether the order still rests in the book.
     *
     * @return true while its status is {@code OPEN}
     */
    public boolean isOpen() {
        return status == OrderStatus.OPEN;
    }
}
