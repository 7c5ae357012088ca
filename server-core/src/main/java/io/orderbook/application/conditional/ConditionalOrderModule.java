package io.orderbook.application.conditional;

import io.orderbook.adapters.conditional.RedisConditionalOrderChanges;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.conditional.ConditionalOrderRoutes;
import io.orderbook.adapters.http.conditional.ConditionalOrderViews;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.conditional.PostgresConditionalOrders;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.trading.TradingModule;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conditional orders wired for the composition root: the {@link ConditionalOrderService} over PostgreSQL, kept in
 * step with the other server instances through a Redis topic, its {@code /conditional-orders} routes, the owner's
 * WebSocket updates when an order fires or fails, and a timer that finishes interrupted firings and stores the
 * trailing stops' best prices. Give
 * {@link #priceObserver()} to the price consumer (and the price watcher).
 *
 * <pre>{@code
 * ConditionalOrderModule conditional = new ConditionalOrderModule(database, redisson, trading,
 *         ConditionalOrderModule.Settings.defaults(), clock);
 * HttpServer.builder().routes(conditional.routes())...
 * priceConsumer = new PriceConsumerModule(..., conditional.priceObserver());
 * }</pre>
 */
public final class ConditionalOrderModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConditionalOrderModule.class);

    private final ConditionalOrderService service;
    private final RedisConditionalOrderChanges changes;
    private final HttpRoutes routes;
    private final ScheduledExecutorService resumer;

    /**
     * When interrupted firings are finished.
     *
     * @param resumeLease    how long a claimed order may stay TRIGGERED (its firing interrupted) before another
     *                       attempt finishes it
     * @param resumeInterval how often interrupted firings are looked for; zero only at start
     */
    public record Settings(Duration resumeLease, Duration resumeInterval) {
        /** Checks that both are given. */
        public Settings {
            Objects.requireNonNull(resumeLease, "resumeLease");
            Objects.requireNonNull(resumeInterval, "resumeInterval");
        }

        /**
         * A 30 s lease, looked for every 5 s.
         *
         * @return a 30 s lease, looked for every 5 s
         */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(5));
        }
    }

    /**
     * Arms every ARMED conditional order from the database and finishes interrupted firings whose lease has passed.
     *
     * @param database where conditional orders are kept
     * @param redisson a client with the cluster's key prefix; the module does not shut it down
     * @param trading  the running trading module, whose order path, balances, markets and streams it uses
     * @param settings when interrupted firings are finished
     * @param clock    the server's clock
     */
    public ConditionalOrderModule(Database database, RedissonClient redisson, TradingModule trading, Settings settings,
                                  Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(trading, "trading");
        this.changes = new RedisConditionalOrderChanges(redisson);
        this.service = new ConditionalOrderService(new PostgresConditionalOrders(database.dataSource()),
                trading.orders(), trading.balances(), trading.markets(), changes, clock, settings.resumeLease());
        ConditionalOrderViews views = new ConditionalOrderViews(trading.markets());
        service.onUpdate(order -> trading.streams().tellUser(order.userId(),
                Map.of("type", "conditionalOrder", "conditionalOrder", views.view(order))));
        this.routes = new ConditionalOrderRoutes(service, trading.markets());
        service.start();
        service.resumeInterrupted();
        this.resumer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("conditional-resume")
                .daemon().factory());
        if (!settings.resumeInterval().isZero()) {
            long millis = settings.resumeInterval().toMillis();
            resumer.scheduleWithFixedDelay(this::resume, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * What fires conditional orders on price events; for the price consumer and the price watcher.
     *
     * @return what fires conditional orders on price events; for the price consumer and the price watcher
     */
    public PriceObserver priceObserver() {
        return service;
    }

    /**
     * The service: arming, listing, cancelling, firing.
     *
     * @return the service: arming, listing, cancelling, firing
     */
    public ConditionalOrderService service() {
        return service;
    }

    /**
     * {@code /conditional-orders} under {@code /api/v1}.
     *
     * @return {@code /conditional-orders} under {@code /api/v1}
     */
    public HttpRoutes routes() {
        return routes;
    }

    /** Stops the resume timer, the Redis subscription and placing; the database, Redis and trading stay open. */
    @Override
    public void close() {
        resumer.shutdownNow();
        try {
            service.persistTrailingBest();
        } catch (RuntimeException e) {
            LOG.warn("Could not store the trailing stops' best prices at close", e);
        }
        try {
            changes.close();
        } finally {
            service.close();
        }
    }

    private void resume() {
        try {
            service.resumeInterrupted();
            service.persistTrailingBest();
        } catch (RuntimeException e) {
            LOG.warn("Could not resume interrupted conditional-order firings; trying again later", e);
        }
    }
}
