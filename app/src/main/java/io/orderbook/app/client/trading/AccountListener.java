package io.orderbook.app.client.trading;

import java.util.List;

/**
 * Receives the logged-in user's live updates. Called on a client thread, never the FX thread; implementations
 * hand the update over quickly.
 */
public interface AccountListener {

    /**
     * Something happened to one of the user's orders.
     *
     * @param event what happened
     */
    default void orderEvent(OrderEvent event) {
    }

    /**
     * One of the user's orders traded.
     *
     * @param fill the user's side of the trade
     */
    default void fill(Fill fill) {
    }

    /**
     * The user's balances changed.
     *
     * @param balances the balances now, one per asset held
     */
    default void balances(List<Balance> balances) {
    }
}
