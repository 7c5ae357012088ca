package io.orderbook.loadtest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderbook.adapters.kafka.PriceEventConsumer;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.prices.PriceBar;
import io.orderbook.application.prices.PriceModule;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.testsupport.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.redisson.api.RedissonClient;

/**
 * Feeds price events through the real broker into the real consumer pipeline ({@link PriceModule}: validation,
 * Redis, PostgreSQL, then the observer) and measures events per second and the event-to-observer latency: from
 * the event's timestamp, set when the producer sends it, to the moment the observer returned for its batch. The
 * producer runs in a process of its own ({@link PriceEventPublisher}), as a price feed would.
 *
 * <p>The observer is pluggable ({@link #run}'s factory), so the same run measures the conditional-order engine:
 * the factory receives the {@link Setup} (database, Redis, the tokens priced) to arm its orders before events flow.
 */
public final class PriceEventBenchmark {

    /** The file {@code -Dloadtest.latencyLog=FILE} names, or null. */
    private static final String LATENCY_LOG = System.getProperty("loadtest.latencyLog");

    private PriceEventBenchmark() {
    }

    /**
     * What to run.
     *
     * @param events         price events to publish
     * @param tokens         how many tokens they spread over (T00 ... T19 for 20)
     * @param partitions     partitions of the price topic
     * @param eventsPerSecond the producer's pace; 0 publishes as fast as it can
     * @param maxPollRecords the consumer's largest batch
     * @param warmupEvents   events sent first and not measured, so the JIT has compiled the consumer's path
     */
    public record Options(int events, int tokens, int partitions, int eventsPerSecond, int maxPollRecords,
                          int warmupEvents) {

        /**
         * From {@code -Dloadtest.events=1000000 -Dloadtest.tokens=20 -Dloadtest.partitions=1 -Dloadtest.rate=60000
         * -Dloadtest.maxPollRecords=2000 -Dloadtest.warmup=2000000}.
         */
        public static Options fromSystemProperties() {
            return new Options(Integer.getInteger("loadtest.events", 1_000_000), Integer.getInteger("loadtest.tokens", 20),
                    Integer.getInteger("loadtest.partitions", 1), Integer.getInteger("loadtest.rate", 60_000),
                    Integer.getInteger("loadtest.maxPollRecords", 2000), Integer.getInteger("loadtest.warmup", 2_000_000));
        }
    }

    /** The token and price of one published event. */
    public record Priced(String token, BigDecimal price) {
    }

    /**
     * Decides each published event's token and price, in the producer's process ({@link PriceEventPublisher}), which
     * creates it by its constructor taking the tokens ({@code List<String>}) and the start price
     * ({@code BigDecimal}). Called from the publishing thread only.
     */
    public interface PriceFeed {
        /**
         * The token and price of event {@code i} of {@code events} in a phase.
         *
         * @param measured false while warming up, true for the measured events
         */
        Priced next(boolean measured, int i, int events);
    }

    /** What an observer factory gets to prepare itself: where state lives and which tokens will be priced. */
    public record Setup(Database database, RedissonClient redisson, List<String> tokens, BigDecimal startPrice) {
    }

    /** The measured figures. */
    public record Report(Options options, long observed, double seconds, long deadLettered, long batches,
                         Histogram latencyMicros, String steps, String cpu) {

        public double eventsPerSecond() {
            return observed / seconds;
        }

        public String format() {
            return String.format("""
                    Price events through Kafka into the consumer (%d events after %d to warm up, %d tokens, %d partition(s), producer pace %s, max.poll.records %d):
                      observed %d events in %.2f s = %,.0f events/s; %d batches (%.0f events per batch); %d dead-lettered
                      event-to-observer latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f
                      mean ms per batch: %s
                      CPU ms per 1,000 events (until the history holds the last event): %s""",
                    options.events(), options.warmupEvents(), options.tokens(), options.partitions(),
                    options.eventsPerSecond() == 0 ? "unlimited" : options.eventsPerSecond() + "/s",
                    options.maxPollRecords(), observed, seconds, eventsPerSecond(), batches,
                    batches == 0 ? 0.0 : (double) observed / batches, deadLettered,
                    latencyMicros.getValueAtPercentile(50) / 1000.0, latencyMicros.getValueAtPercentile(90) / 1000.0,
                    latencyMicros.getValueAtPercentile(99) / 1000.0, latencyMicros.getValueAtPercentile(99.9) / 1000.0,
                    latencyMicros.getMaxValue() / 1000.0, steps, cpu);
        }
    }

    /**
     * Publishes {@link Options#events()} events and waits until the observer has seen them all (or two minutes
     * passed without progress).
     */
    public static Report run(Options options, Database database, RedissonClient redisson,
                             Function<Setup, PriceObserver> observerFactory) throws InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < options.tokens(); i++) {
            tokens.add(String.format("T%02d", i));
        }
        BigDecimal startPrice = new BigDecimal("100.00");
        return run(options, database, redisson, tokens, startPrice, WanderingPrices.class, observerFactory);
    }

    /**
     * As {@link #run(Options, Database, RedissonClient, Function)}, for the given tokens priced by the feed.
     */
    public static Report run(Options options, Database database, RedissonClient redisson, List<String> tokens,
                             BigDecimal startPrice, Class<? extends PriceFeed> feed,
                             Function<Setup, PriceObserver> observerFactory)
            throws InterruptedException {
        PriceObserver observer = observerFactory.apply(new Setup(database, redisson, tokens, startPrice));

        String topic = TestKafka.createTopic(TestKafka.uniqueName("load-prices"), options.partitions());
        String deadLetters = TestKafka.createTopic(topic + ".dlq", 1);
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong observed = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicLong lastObservedNanos = new AtomicLong();
        AtomicReference<PriceTick> lastTick = new AtomicReference<>();
        BatchLog batchLog = new BatchLog();
        // The observer thread is the only writer of the histogram and the batch log.
        PriceObserver measured = ticks -> {
            Instant called = Instant.now();
            observer.onPrices(ticks);
            Instant now = Instant.now();
            long slowest = 0;
            for (PriceTick tick : ticks) {
                long micros = Math.max(0, Duration.between(tick.timestamp(), now).toNanos() / 1000);
                latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                slowest = Math.max(slowest, micros);
            }
            batchLog.add(called, now, ticks.size(), slowest);
            batches.incrementAndGet();
            observed.addAndGet(ticks.size());
            lastObservedNanos.set(System.nanoTime());
            if (!ticks.isEmpty()) {
                lastTick.set(ticks.getLast());
            }
        };

        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PriceEventConsumer.Settings consumer = new PriceEventConsumer.Settings(TestKafka.bootstrapServers(), topic,
                deadLetters, TestKafka.uniqueName("load-group"), PriceEventConsumer.StartFrom.EARLIEST,
                options.maxPollRecords(), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1));
        try (PriceModule module = new PriceModule(new PriceModule.Settings(consumer, Duration.ofMinutes(1),
                Optional.empty()), database, redisson, measured, metrics, Clock.systemUTC());
             PriceEventPublisher.Running producer = PriceEventPublisher.start(TestKafka.bootstrapServers(), topic,
                     feed, startPrice, tokens)) {
            // Let the consumer join its group before timing starts.
            producer.join();
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (deadLettered(metrics) < 1 && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }

            if (options.warmupEvents() > 0) {
                producer.publish("warm-up", false, options.warmupEvents(), options.eventsPerSecond());
                awaitObserved(observed, options.warmupEvents());
                // The observer is idle now: every warm-up event was seen.
                latency.reset();
                batchLog.clear();
                observed.set(0);
                batches.set(0);
            }
            Map<String, double[]> before = stepTotals(metrics);
            ComponentCpu cpu = new ComponentCpu(producer.pid());
            Map<String, Long> cpuBefore = cpu.snapshot();
            long started = System.nanoTime();
            producer.publish("measured", true, options.events(), options.eventsPerSecond());
            awaitObserved(observed, options.events());
            double seconds = (lastObservedNanos.get() - started) / 1e9;
            batchLog.write();
            // The history is written beside the consumer and may lag behind: count its CPU up to the last row.
            awaitHistory(database, lastTick.get());
            String cpuUsed = ComponentCpu.perThousandEvents(cpuBefore, cpu.snapshot(), observed.get(),
                    (System.nanoTime() - started) / 1e9);
            return new Report(options, observed.get(), seconds, deadLettered(metrics) - 1, batches.get(), latency,
                    steps(before, stepTotals(metrics)), cpuUsed);
        }
    }

    /**
     * Each measured batch's observer call and return (epoch µs), size and slowest event-to-observer latency (µs),
     * written to the latency log (one {@code batch CALLED RETURNED EVENTS SLOWEST} line each), to see when the slow
     * events came and where the consumer thread was meanwhile. Written by the observer thread only, and read once it
     * is idle.
     */
    private static final class BatchLog {
        private static final int COLUMNS = 4;
        private long[] rows = new long[LATENCY_LOG == null ? 0 : COLUMNS * 65_536];
        private int size;

        void add(Instant called, Instant returned, int events, long slowestMicros) {
            if (LATENCY_LOG == null) {
                return;
            }
            if (size + COLUMNS > rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            rows[size++] = epochMicros(called);
            rows[size++] = epochMicros(returned);
            rows[size++] = events;
            rows[size++] = slowestMicros;
        }

        void clear() {
            size = 0;
        }

        void write() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < size; i += COLUMNS) {
                text.append("batch");
                for (int column = 0; column < COLUMNS; column++) {
                    text.append(' ').append(rows[i + column]);
                }
                text.append('\n');
            }
            appendToLatencyLog(text);
        }
    }

    /** Whether {@code -Dloadtest.latencyLog=FILE} asks for the latency log. */
    public static boolean latencyLogged() {
        return LATENCY_LOG != null;
    }

    /** Appends lines to the latency log, if one was asked for. */
    public static void appendToLatencyLog(CharSequence lines) {
        if (LATENCY_LOG == null || lines.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(LATENCY_LOG), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency log " + LATENCY_LOG, e);
        }
    }

    /** Microseconds since the epoch, the unit of the latency log and of the runs' latencies. */
    public static long epochMicros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    /** Waits until the observer has seen {@code count} events, or nothing moved for two minutes. */
    private static void awaitObserved(AtomicLong observed, long count) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long lastCount = -1;
        while (observed.get() < count) {
            Thread.sleep(5);
            long now = observed.get();
            if (now != lastCount) {
                lastCount = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(2)) {
                return;
            }
        }
    }

    /**
     * Waits until the history holds the last observed event (the writer stores batches in the order it gets them,
     * so every earlier one is stored too): its bar closes with it or a later event. Two minutes at most. One
     * primary-key lookup per look, so that the wait adds little PostgreSQL time to the CPU being measured.
     */
    private static void awaitHistory(Database database, PriceTick last) throws InterruptedException {
        PriceBar.Point lastPoint = PriceBar.of(last).close();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (var connection = database.dataSource().getConnection();
                 var select = connection.prepareStatement("""
                         select close_at, close_event_id from price_bars where token = ? and bucket_start = ?""")) {
                select.setString(1, last.token());
                select.setTimestamp(2, java.sql.Timestamp.from(PriceBar.of(last).second()));
                try (var found = select.executeQuery()) {
                    if (found.next() && !found.getTimestamp(1).toInstant().isBefore(lastPoint.at())) {
                        return;
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot look up the price history", e);
            }
            Thread.sleep(100);
        }
    }

    /** Per step of a batch (and the whole batch): how many, and their total milliseconds. */
    private static Map<String, double[]> stepTotals(SimpleMeterRegistry metrics) {
        Map<String, double[]> totals = new TreeMap<>();
        for (var timer : metrics.find("price.batch.step").timers()) {
            totals.put(timer.getId().getTag("step"), new double[]{timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)});
        }
        var batch = metrics.find("price.batch.duration").timer();
        if (batch != null) {
            totals.put("whole batch", new double[]{batch.count(), batch.totalTime(TimeUnit.MILLISECONDS)});
        }
        return totals;
    }

    /** The mean milliseconds of each step between two readings. */
    private static String steps(Map<String, double[]> before, Map<String, double[]> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((step, total) -> {
            double[] earlier = before.getOrDefault(step, new double[2]);
            double count = total[0] - earlier[0];
            text.append(step).append(String.format(" %.2f  ", count == 0 ? 0.0 : (total[1] - earlier[1]) / count));
        });
        return text.toString().strip();
    }

    private static long deadLettered(SimpleMeterRegistry metrics) {
        return (long) metrics.find("price.events").tag("outcome", "malformed").counters().stream()
                .mapToDouble(c -> c.count()).sum()
                + (long) metrics.find("price.events").tag("outcome", "stale").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Each token in turn, its price wandering by up to 5 cents an event from the start. */
    static final class WanderingPrices implements PriceFeed {
        private final SplittableRandom random = new SplittableRandom(1);
        private final List<String> tokens;
        private final long[] cents;

        WanderingPrices(List<String> tokens, BigDecimal startPrice) {
            this.tokens = tokens;
            this.cents = new long[tokens.size()];
            Arrays.fill(cents, startPrice.movePointRight(2).longValueExact());
        }

        @Override
        public Priced next(boolean measured, int i, int events) {
            int t = i % tokens.size();
            cents[t] = Math.max(1, cents[t] + random.nextInt(-5, 6));
            return new Priced(tokens.get(t), BigDecimal.valueOf(cents[t], 2).setScale(2, RoundingMode.UNNECESSARY));
        }
    }
}
