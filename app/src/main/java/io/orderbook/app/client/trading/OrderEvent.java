package io.orderbook.app.client.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something that happened to one of the user's orders ({@code OrderEvent}); parts the event does not have are null.
 *
 * @param type           ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, AMENDED or CLOSED
 * @param orderId        the order it happened to
 * @param market         the order's market symbol
 * @param reason         why the order ended (cancelled or expired)
 * @param price          the order's limit price
 * @param quantity       the order's total quantity
 * @param filledQuantity how much of it has traded
 * @param openQuantity   how much of it still rests in the book
 * @param time           when it happened
 */
public record OrderEvent(String type, long orderId, String market, String reason, BigDecimal price,
                         BigDecimal quantity, BigDecimal filledQuantity, BigDecimal openQuantity, Instant time) {
}
