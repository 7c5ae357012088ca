package io.orderbook.adapters.http.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to an order command ({@code OrderResult}): the order it is about as the command left it, for a close
 * the market order that traded back what had filled, the caller's fills, and the engine's events about the
 * caller's orders, all computed from the durable result of the command.
 */
public record OrderResultView(OrderStateView order,
                              @JsonInclude(JsonInclude.Include.NON_NULL) OrderStateView closingOrder,
                              List<FillView> fills, List<OrderEventView> events) {
}
