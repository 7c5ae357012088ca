package io.orderbook.adapters.http.conditional;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.application.conditional.ConditionalFilter;
import io.orderbook.application.conditional.ConditionalStatus;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.application.users.Actor;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link PriceObserver#onPrices} throughput with 100,000 armed conditional orders over 20 markets, few of which
 * cross per event: prices walk about 0.03% a step, kept within 1% of 50,000, and 1% of the orders (stop-losses
 * 0.2% to 0.8% below 50,000) sit where the walk reaches them ({@link ConditionalLoadBook}). Left out of the
 * default build by its name:
 * <pre>
 * mvn -B -pl server-core test -Dtest=ConditionalOrderLoadRun [-Dloadtest.events=200000 -Dloadtest.batch=500]
 * </pre>
 * Orders are written straight into PostgreSQL, the index is rebuilt from the database, then
 * events are fed in consumer-sized batches and one by one. Crossed orders really fire (their owners have no funds,
 * so they end FAILED through the sequencer). Prints the figures; asserts only that the index was built.
 */
@Tag("loadtest")
class ConditionalOrderLoadRun {
    static final int ORDERS = ConditionalLoadBook.ORDERS;
    static final int MARKETS = ConditionalLoadBook.MARKETS;

    @Test
    void onPricesThroughput() throws SQLException {
        int events = Integer.getInteger("loadtest.events", 200_000);
        int batch = Integer.getInteger("loadtest.batch", 500);
        try (TestDatabase db = TestEngines.newDatabase(); TestRedis redis = TestEngines.newRedis()) {
            ConditionalLoadBook.installMarkets(db.database());
            try (ConditionalTestServer server = new ConditionalTestServer(db.database(), redis.client(),
                    TestClock.atSystemTime())) {
                long start = System.nanoTime();
                ConditionalLoadBook.insertOrders(db.database());
                long inserted = System.nanoTime();
                server.module.service().rebuild();
                long rebuilt = System.nanoTime();
                assertThat(server.module.service().armedCount()).isEqualTo(ORDERS);
                System.out.printf("Inserted %,d conditional orders in %.1f s; index rebuilt from the database in %.2f s%n",
                        ORDERS, seconds(start, inserted), seconds(inserted, rebuilt));

                PriceObserver observer = server.module.priceObserver();
                Walk walk = new Walk(42);
                // Warm-up at the starting price, which crosses nothing.
                for (int i = 0; i < 20_000; i++) {
                    observer.onPrices(List.of(new PriceTick("w" + i, TradingTestServer.separateBook(1 + i % MARKETS)
                            .symbol(), new BigDecimal("50000.00"), Instant.EPOCH, "warm-up")));
                }
                int armedBefore = server.module.service().armedCount();
                long t0 = System.nanoTime();
                feed(observer, walk, events, batch);
                long t1 = System.nanoTime();
                int firedBatched = armedBefore - server.module.service().armedCount();
                System.out.printf("Batches of %d: %,d events in %.2f s = %,.0f events/s; %d orders crossed and fired%n",
                        batch, events, seconds(t0, t1), events / seconds(t0, t1), firedBatched);

                int single = Math.min(events, 50_000);
                long[] latencies = new long[single];
                armedBefore = server.module.service().armedCount();
                long t2 = System.nanoTime();
                for (int i = 0; i < single; i++) {
                    long s = System.nanoTime();
                    observer.onPrices(List.of(walk.next()));
                    latencies[i] = System.nanoTime() - s;
                }
                long t3 = System.nanoTime();
                Arrays.sort(latencies);
                int firedSingly = armedBefore - server.module.service().armedCount();
                System.out.printf("One by one: %,d events in %.2f s = %,.0f events/s; onPrices p50 %.1f us, p99 %.1f us,"
                                + " p99.9 %.1f ms, max %.1f ms; %d orders crossed and fired%n", single, seconds(t2, t3),
                        single / seconds(t2, t3), latencies[single / 2] / 1e3, latencies[(int) (single * 0.99)] / 1e3,
                        latencies[(int) (single * 0.999)] / 1e6, latencies[single - 1] / 1e6, firedSingly);
                long failed = server.module.service().list(new Actor(1, UserRole.ADMIN),
                        new ConditionalFilter(null, null, ConditionalStatus.FAILED), PageRequest.first(1)).total();
                System.out.printf("Conditional orders FAILED (unfunded) after firing: %d%n", failed);
            }
        }
    }

    private static void feed(PriceObserver observer, Walk walk, int events, int batch) {
        List<PriceTick> ticks = new ArrayList<>(batch);
        for (int i = 0; i < events; i++) {
            ticks.add(walk.next());
            if (ticks.size() == batch) {
                observer.onPrices(ticks);
                ticks = new ArrayList<>(batch);
            }
        }
        if (!ticks.isEmpty()) {
            observer.onPrices(ticks);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /** Prices of the 20 markets, each a random walk of up to about 0.03% a step, in cents. */
    private static final class Walk {
        private final SplittableRandom random;
        private final long[] cents = new long[MARKETS];
        private final String[] symbols = new String[MARKETS];
        private long next;

        Walk(long seed) {
            random = new SplittableRandom(seed);
            Arrays.fill(cents, 5_000_000);
            for (int i = 0; i < MARKETS; i++) {
                symbols[i] = TradingTestServer.separateBook(i + 1).symbol();
            }
        }

        PriceTick next() {
            int m = random.nextInt(MARKETS);
            long moved = cents[m] + random.nextLong(-1_500, 1_501);
            // Reflect at 1% from 50,000, so that the far triggers stay out of reach.
            cents[m] = Math.abs(moved - 5_000_000) > 50_000 ? cents[m] - (moved - cents[m]) : moved;
            return new PriceTick("e" + next++, symbols[m], BigDecimal.valueOf(cents[m], 2), Instant.EPOCH, "load");
        }
    }
}
