package io.orderbook.adapters.http.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One engine event about one of the caller's orders ({@code OrderEvent}). {@code type} is ACCEPTED,
 * PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, AMENDED or CLOSED; the other parts appear where the event has
 * them.
 *
 * @param type           what happened, e.g. {@code FILLED}
 * @param orderId        the order's id
 * @param market         the market's symbol
 * @param reason         why a CANCELLED or EXPIRED order ended
 * @param price          the order's price on ACCEPTED (not for market orders) and AMENDED, in the quote asset
 * @param quantity       the order's quantity on ACCEPTED (unless sized by quote amount) and AMENDED, in the base asset
 * @param filledQuantity how much of the order has filled, decimal text in the base asset
 * @param openQuantity   how much of the order is still open, decimal text in the base asset
 * @param priorityKept   for an amendment, whether the order kept its place in the queue
 * @param closingOrderId for a close, the market order that traded back what had filled
 * @param time           when the event happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEventView(String type, long orderId, String market, String reason, String price, String quantity,
                             String filledQuantity, String openQuantity, Boolean priorityKept, Long closingOrderId,
                             Instant time) {
}
