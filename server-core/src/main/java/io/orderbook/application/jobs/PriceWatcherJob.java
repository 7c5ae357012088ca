package io.orderbook.application.jobs;

import io.orderbook.application.prices.LatestPrices;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Hands the latest price of every token to the price observer again, so that a trigger armed after the event that
 * crossed it still fires (the observer is idempotent per event, so seeing a price twice is harmless).
 */
final class PriceWatcherJob implements JobTask {

    private final LatestPrices latestPrices;
    private final PriceObserver observer;

    /**
     * A job that re-feeds {@code latestPrices} to {@code observer}.
     *
     * @param latestPrices the latest price per token
     * @param observer     the conditional orders' price observer
     */
    public PriceWatcherJob(LatestPrices latestPrices, PriceObserver observer) {
        this.latestPrices = Objects.requireNonNull(latestPrices, "latestPrices");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public String run(Instant fireTime) {
        List<PriceTick> latest = List.copyOf(latestPrices.all().values());
        if (!latest.isEmpty()) {
            observer.onPrices(latest);
        }
        return "re-checked " + latest.size() + (latest.size() == 1 ? " price" : " prices");
    }
}
