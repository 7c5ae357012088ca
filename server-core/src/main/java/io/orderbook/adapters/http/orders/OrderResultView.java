package io.orderbook.adapters.http.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to an order command ({@code OrderResult}): the order it is about as the command left it, for a close
 * the market order that traded back what had filled, the caller's fills, and the engine's events about the
 * caller's orders, all computed from the durable result of the command.
 *
 * @param order        the order the command is about, as the command left it
 * @param closingOrder for a close, the market order that traded back what had filled; omitted otherwise
 * @param fills        the caller's fills caused by the command
 * @param events       the engine's events about the caller's orders
 */
public record OrderResultView(OrderStateView order,
                              @JsonInclude(JsonInclude.Include.NON_NULL) OrderStateView closingOrder,
                              List<FillView> fills, List<OrderEventView> events) {
}
