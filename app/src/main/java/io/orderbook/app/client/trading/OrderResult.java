package io.orderbook.app.client.trading;

import java.util.List;

/**
 * What an order command did ({@code OrderResult}).
 *
 * @param order        the order the command is about, as the command left it
 * @param closingOrder for a close, the market order that traded back what had filled; otherwise null
 * @param fills        the user's fills the command caused; never null
 */
public record OrderResult(Order order, Order closingOrder, List<Fill> fills) {

    /** Treats missing fills as none and copies them so that the result cannot change afterwards. */
    public OrderResult {
        fills = fills == null ? List.of() : List.copyOf(fills);
    }
}
