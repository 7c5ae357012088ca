package io.orderbook.adapters.http.conditional;

import static io.orderbook.loadtest.PriceEventBenchmark.epochMicros;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.application.conditional.ConditionalStatus;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.loadtest.PriceEventBenchmark;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's benchmark: price events through the real broker into the real consumer, whose observer is the
 * conditional-order service with {@value ConditionalLoadBook#ORDERS} armed orders over
 * {@value ConditionalLoadBook#MARKETS} markets ({@link ConditionalLoadBook}). Left out of the default build by its
 * name:
 * <pre>
 * mvn -B -pl server-core -Ploadtest test -Dtest=ConditionalPriceEventLoadRun [-Dloadtest.events=1000000 -Dloadtest.warmup=2000000
 *     -Dloadtest.rate=60000 -Dloadtest.partitions=1 -Dloadtest.maxPollRecords=2000 -Dloadtest.latencyLog=FILE]
 * </pre>
 * Events go to the markets in turn, each price within 20 USDT of a line. While warming up the line rises from 50,000
 * by 500 USDT, through {@value ConditionalLoadBook#WARMUP_ORDERS} near take-profits, so that the firing path (the
 * claim, the sequencer, the outcome) is compiled before it is measured, as in a server that has run for a while;
 * over the measured events it slides from 50,000 by 500 USDT down (1%), through each market's 50 near
 * stop-losses, so that those 1,000 orders fire spread over the run (the trailing stops are too far away to fire in
 * either phase): with 1,000,000 events about one event in 1,000
 * fires an order (0.1%), the other 99.9% only move the index (and the trailing stops' best prices). The figures:
 * events per second and event-to-observer latency for all events (from {@link PriceEventBenchmark}), and for the
 * events that fired, the event-to-order latency: from the event's timestamp, set when the producer sends it, to the
 * service's update of the fired order, which comes once the sequencer answered the order and the outcome is stored
 * (the owners have no funds, so the answer is a rejection and the order ends FAILED). Firing runs beside the
 * consumer, so that update may come after the consumer has gone on to later batches. With
 * {@code loadtest.latencyLog} the file gets, besides {@link PriceEventBenchmark}'s line per batch, one
 * {@code fired SENT LATENCY} line per measured firing (epoch µs, µs).
 */
@Tag("loadtest")
class ConditionalPriceEventLoadRun {

    private record Ack(String eventId, Instant at, ConditionalStatus status) {
    }

    @Test
    void conditionalOrdersFedThroughTheBroker() throws SQLException, InterruptedException {
        PriceEventBenchmark.Options options = PriceEventBenchmark.Options.fromSystemProperties();
        try (TestDatabase db = TestEngines.newDatabase(); TestRedis redis = TestEngines.newRedis()) {
            ConditionalLoadBook.installMarkets(db.database());
            ConditionalLoadBook.insertOrders(db.database());
            ConditionalLoadBook.insertWarmupOrders(db.database());
            try (ConditionalTestServer server = new ConditionalTestServer(db.database(), redis.client(),
                    TestClock.atSystemTime())) {
                // The module armed the orders at start, from the database.
                int armedAtStart = ConditionalLoadBook.ORDERS + ConditionalLoadBook.WARMUP_ORDERS;
                assertThat(server.module.service().armedCount()).isEqualTo(armedAtStart);
                Queue<Ack> acks = new ConcurrentLinkedQueue<>();
                server.module.service().onUpdate(order ->
                        acks.add(new Ack(order.firedEventId(), Instant.now(), order.status())));
                // When each measured event was sent (epoch micros), by its number: firing is asynchronous, so an
                // order's update is matched with its event after the run rather than within the event's batch.
                AtomicLongArray sentMicros = new AtomicLongArray(options.events());
                // When the observer returned for each measured event's batch: the crossed orders are claimed then.
                AtomicLongArray claimedMicros = new AtomicLongArray(options.events());
                PriceObserver conditional = server.module.priceObserver();
                // The consumer thread is the only one recording.
                // Observer time of batches that claimed something and of those that did not: [batches, nanos] each.
                long[] firing = new long[2];
                long[] quiet = new long[2];
                PriceObserver measured = ticks -> {
                    for (PriceTick tick : ticks) {
                        int number = measuredNumber(tick.eventId());
                        if (number >= 0) {
                            sentMicros.set(number, epochMicros(tick.timestamp()));
                        }
                    }
                    int armedBefore = server.module.service().armedCount();
                    long started = System.nanoTime();
                    conditional.onPrices(ticks);
                    long elapsed = System.nanoTime() - started;
                    long returned = epochMicros(Instant.now());
                    for (PriceTick tick : ticks) {
                        int number = measuredNumber(tick.eventId());
                        if (number >= 0) {
                            claimedMicros.set(number, returned);
                        }
                    }
                    long[] kind = server.module.service().armedCount() < armedBefore ? firing : quiet;
                    kind[0]++;
                    kind[1] += elapsed;
                };
                PriceEventBenchmark.Report report = PriceEventBenchmark.run(options, db.database(), redis.client(),
                        ConditionalLoadBook.symbols(), BigDecimal.valueOf(ConditionalLoadBook.START_PRICE_USDT),
                        SlidingPrices.class, setup -> measured);
                System.out.println(report.format());
                // Every claimed order is answered by the sequencer and finished; wait for the last updates.
                int claimed = armedAtStart - server.module.service().armedCount();
                server.module.service().awaitFirings();
                Histogram toOrder = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
                Histogram toClaim = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
                Histogram claimToOrder = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
                Set<String> firingEvents = new HashSet<>();
                Map<ConditionalStatus, Integer> outcomes = new HashMap<>();
                int firedWarmingUp = 0;
                for (Ack ack : acks) {
                    int number = measuredNumber(ack.eventId());
                    if (number < 0) {
                        firedWarmingUp++;
                        continue;
                    }
                    toOrder.recordValue(Math.max(0, epochMicros(ack.at()) - sentMicros.get(number)));
                    toClaim.recordValue(Math.max(0, claimedMicros.get(number) - sentMicros.get(number)));
                    claimToOrder.recordValue(Math.max(0, epochMicros(ack.at()) - claimedMicros.get(number)));
                    firingEvents.add(ack.eventId());
                    outcomes.merge(ack.status(), 1, Integer::sum);
                }
                assertThat(acks).hasSize(claimed);
                if (PriceEventBenchmark.latencyLogged()) {
                    StringBuilder lines = new StringBuilder();
                    for (Ack ack : acks) {
                        int number = measuredNumber(ack.eventId());
                        if (number >= 0) {
                            lines.append("fired ").append(sentMicros.get(number)).append(' ')
                                    .append(epochMicros(ack.at()) - sentMicros.get(number)).append('\n');
                        }
                    }
                    PriceEventBenchmark.appendToLatencyLog(lines);
                }
                long fired = toOrder.getTotalCount();
                System.out.printf("""
                                  %,d armed conditional orders over %d markets (%,d more fired while warming up); %,d fired by %,d of the measured events (%.2f%%), outcomes %s
                                  event-to-order latency ms (events that fired): p50 %.2f  p90 %.2f  p99 %.2f  max %.2f
                                    of which event to claim (the observer returned): p50 %.2f  p99 %.2f; claim to order (sequencer, outcome stored): p50 %.2f  p99 %.2f
                                  observer ms per batch (warm-up included): %d batches that claimed orders %.1f, %d that did not %.1f%n""",
                        ConditionalLoadBook.ORDERS, ConditionalLoadBook.MARKETS, firedWarmingUp, fired, firingEvents.size(),
                        100.0 * firingEvents.size() / report.observed(), outcomes,
                        toOrder.getValueAtPercentile(50) / 1000.0, toOrder.getValueAtPercentile(90) / 1000.0,
                        toOrder.getValueAtPercentile(99) / 1000.0, toOrder.getMaxValue() / 1000.0,
                        toClaim.getValueAtPercentile(50) / 1000.0, toClaim.getValueAtPercentile(99) / 1000.0,
                        claimToOrder.getValueAtPercentile(50) / 1000.0, claimToOrder.getValueAtPercentile(99) / 1000.0,
                        firing[0], firing[0] == 0 ? 0.0 : firing[1] / 1e6 / firing[0],
                        quiet[0], quiet[0] == 0 ? 0.0 : quiet[1] / 1e6 / quiet[0]);
                assertThat(report.observed()).isEqualTo(options.events());
                assertThat(report.deadLettered()).isZero();
                assertThat(fired).isPositive();
                assertThat(firedWarmingUp).isEqualTo(ConditionalLoadBook.WARMUP_ORDERS);
            }
        }
    }

    /** The number of a measured event ({@code <topic>-measured-<n>}), or -1 for a warm-up event. */
    private static int measuredNumber(String eventId) {
        int dash = eventId.lastIndexOf('-');
        if (dash < 9 || !eventId.startsWith("-measured", dash - 9)) {
            return -1;
        }
        return Integer.parseInt(eventId, dash + 1, eventId.length(), 10);
    }

    /**
     * Each market in turn at a line plus or minus up to 20 USDT: while warming up the line rises evenly from 50,000
     * by 500 USDT, through the near take-profits; over the measured events it slides from 50,000 down by 500, through
     * the near stop-losses.
     */
    static final class SlidingPrices implements PriceEventBenchmark.PriceFeed {
        private static final long SLIDE_CENTS = 500 * 100;
        private static final long NOISE_CENTS = 20 * 100;
        private final SplittableRandom random = new SplittableRandom(42);
        private final List<String> symbols;
        private final long startCents;

        SlidingPrices(List<String> symbols, BigDecimal startPrice) {
            this.symbols = symbols;
            this.startCents = startPrice.movePointRight(2).longValueExact();
        }

        @Override
        public PriceEventBenchmark.Priced next(boolean measured, int i, int events) {
            long move = SLIDE_CENTS * i / events;
            long cents = startCents + (measured ? -move : move) + random.nextLong(-NOISE_CENTS, NOISE_CENTS + 1);
            return new PriceEventBenchmark.Priced(symbols.get(i % symbols.size()), BigDecimal.valueOf(cents, 2));
        }
    }
}
