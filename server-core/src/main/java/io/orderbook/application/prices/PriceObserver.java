package io.orderbook.application.prices;

import java.util.List;

/**
 * Reacts to validated price events, for example by firing the conditional orders whose triggers they cross.
 *
 * <p>The price consumer commits its offsets only after {@link #onPrices} returns, so an implementation returns only
 * once the effects that a redelivery could not bring back are durable (work it finishes later must be resumed by
 * the implementation itself after a crash), and it must be idempotent: after a crash or rebalance the same events
 * (same {@link PriceTick#eventId()}) are delivered again.
 */
@FunctionalInterface
public interface PriceObserver {

    /**
     * Handles a batch of events in the order they were received; returns once what must survive a crash is durable.
     *
     * @param ticks the valid events of one batch
     */
    void onPrices(List<PriceTick> ticks);
}
