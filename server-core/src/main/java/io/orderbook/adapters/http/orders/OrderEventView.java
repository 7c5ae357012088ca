package io.orderbook.adapters.http.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One engine event about one of the caller's orders ({@code OrderEvent}). {@code type} is ACCEPTED,
 * PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, AMENDED or CLOSED; the other parts appear where the event has
 * them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEventView(String type, long orderId, String market, String reason, String price, String quantity,
                             String filledQuantity, String openQuantity, Boolean priorityKept, Long closingOrderId,
                             Instant time) {
}
