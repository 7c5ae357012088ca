package io.orderbook.app.client.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something that happened to one of the user's orders ({@code OrderEvent}); {@code type} is ACCEPTED,
 * PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, AMENDED or CLOSED, other parts appear where the event has them.
 */
public record OrderEvent(String type, long orderId, String market, String reason, BigDecimal price,
                         BigDecimal quantity, BigDecimal filledQuantity, BigDecimal openQuantity, Instant time) {
}
