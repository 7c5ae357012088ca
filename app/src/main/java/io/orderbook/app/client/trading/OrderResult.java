package io.orderbook.app.client.trading;

import java.util.List;

/**
 * What an order command did ({@code OrderResult}): the order it is about as the command left it, for a close the
 * market order that traded back what had filled, and the user's fills.
 */
public record OrderResult(Order order, Order closingOrder, List<Fill> fills) {

    public OrderResult {
        fills = fills == null ? List.of() : List.copyOf(fills);
    }
}
