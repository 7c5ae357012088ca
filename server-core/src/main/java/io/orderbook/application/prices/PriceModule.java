package io.orderbook.application.prices;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.prices.PriceRoutes;
import io.orderbook.adapters.kafka.PriceEventConsumer;
import io.orderbook.adapters.kafka.PriceEventReader;
import io.orderbook.adapters.kafka.PriceSimulator;
import io.orderbook.adapters.kafka.SimulatedToken;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.prices.PostgresPriceHistory;
import io.orderbook.adapters.prices.PriceStoreWriter;
import io.orderbook.adapters.prices.RedisLatestPrices;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.api.RedissonClient;

/**
 * Price events wired for the composition root: the Kafka consumer of the price topic and, per poll batch of valid
 * events, the {@link PriceObserver} (conditional orders), then the stores, written beside the next batches: the
 * history in PostgreSQL (a bar per token and second) and the latest price per token in Redis
 * ({@link #latestPrices()}); a batch's offsets are committed once all three are done. Optionally the price simulator
 * feeding the topic.
 * {@link #routes()} serves both stores over HTTP.
 *
 * <pre>{@code
 * PriceModule prices = new PriceModule(settings, database, redisson, observer, meterRegistry, clock);
 * ... prices.latestPrices().latest("BTC") ...
 * prices.close();
 * }</pre>
 */
public final class PriceModule implements AutoCloseable {

    /**
     * How often the stores (the history and the latest prices) are written at most. Offsets are committed at most
     * every 100 ms, and only once the stores hold their events, so this delays no commit by more than one interval.
     */
    private static final Duration STORE_INTERVAL = Duration.ofMillis(50);

    private final RedisLatestPrices latest;
    private final PostgresPriceHistory history;
    private final PriceEventConsumer consumer;
    private final Optional<PriceSimulator> simulator;
    private final PriceStoreWriter storeWriter;
    private final HttpRoutes routes;

    /**
     * Price settings.
     *
     * @param consumer  the consumer: cluster, topics, group, where a new group starts
     * @param maxAge    events older than this are stale
     * @param simulator the simulator to run, if any
     */
    public record Settings(PriceEventConsumer.Settings consumer, Duration maxAge, Optional<Simulator> simulator) {
        /** Checks that every part is given. */
        public Settings {
            Objects.requireNonNull(consumer, "consumer");
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(simulator, "simulator");
        }
    }

    /**
     * The price simulator's settings; it publishes to the consumer's topic.
     *
     * @param tokens          what it prices
     * @param eventsPerSecond over all tokens
     * @param seed            fixes the random walk
     */
    public record Simulator(List<SimulatedToken> tokens, int eventsPerSecond, long seed) {
        /** Copies the tokens. */
        public Simulator {
            tokens = List.copyOf(tokens);
        }

        /**
         * A simulator with a random seed.
         *
         * @param tokens          what it prices
         * @param eventsPerSecond over all tokens
         * @return the settings
         */
        public static Simulator unseeded(List<SimulatedToken> tokens, int eventsPerSecond) {
            return new Simulator(tokens, eventsPerSecond, ThreadLocalRandom.current().nextLong());
        }
    }

    /**
     * Starts consuming (and simulating, when configured).
     *
     * @param settings the consumer's and simulator's settings
     * @param database where the history is stored
     * @param redisson a client with the cluster's key prefix; not shut down here
     * @param observer told of every batch of valid prices before it is stored; {@code ticks -> {}} for none
     * @param registry where the consumer's metrics go
     * @param clock    the server's clock, for staleness
     */
    public PriceModule(Settings settings, Database database, RedissonClient redisson, PriceObserver observer,
                       MeterRegistry registry, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(observer, "observer");
        this.latest = new RedisLatestPrices(redisson);
        this.history = new PostgresPriceHistory(database);
        this.routes = new PriceRoutes(latest, history, clock);
        Timer redisTime = stepTimer(registry, "latest");
        Timer historyTime = stepTimer(registry, "history");
        Timer observerTime = stepTimer(registry, "observer");
        // The latest prices go to Redis with the history, once per write of the batches queued meanwhile: once per
        // batch, Redis's client and server cost about 3 ms of CPU per 1,000 events at 50,000 events a second.
        this.storeWriter = new PriceStoreWriter(ticks -> {
            CompletableFuture<Long> latestStored = latest.recordAsync(ticks).toCompletableFuture();
            historyTime.record(() -> history.append(ticks));
            redisTime.record(latestStored::join);
        }, STORE_INTERVAL);
        PriceObserver pipeline = ticks -> observerTime.record(() -> observer.onPrices(ticks));
        // The stores are written beside the next batches; a batch is committed once both hold it.
        PriceEventConsumer.Archive archive = storeWriter::store;
        this.consumer = new PriceEventConsumer(settings.consumer(), new PriceEventReader(settings.maxAge(), clock),
                pipeline, archive, registry).start();
        this.simulator = settings.simulator().map(s -> new PriceSimulator(settings.consumer().bootstrapServers(),
                settings.consumer().topic(), s.tokens(), s.eventsPerSecond(), s.seed(), clock).start());
    }

    private static Timer stepTimer(MeterRegistry registry, String step) {
        return Timer.builder("price.batch.step").tag("step", step)
                .description("Time of one step of handling a batch of valid price events").register(registry);
    }

    /**
     * The latest price per token, shared by every server instance through Redis.
     *
     * @return the latest price per token, shared by every server instance through Redis
     */
    public LatestPrices latestPrices() {
        return latest;
    }

    /**
     * The stored price history: a bar per token and second.
     *
     * @return the stored price history
     */
    public PostgresPriceHistory history() {
        return history;
    }

    /**
     * {@code /prices} under {@code /api/v1}: the latest price and the one-second bars of a token.
     *
     * @return the routes, to add to the server's route group
     */
    public HttpRoutes routes() {
        return routes;
    }

    /** Stops the simulator, then the consumer (after the batch in hand). The database and Redis stay open. */
    @Override
    public void close() {
        try {
            simulator.ifPresent(PriceSimulator::close);
        } finally {
            consumer.close();
            storeWriter.close();
        }
    }
}
