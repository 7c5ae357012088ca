package io.orderbook.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.application.prices.PriceObserver;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The price-event benchmark as a test run, left out of the default build by its name (Surefire runs {@code *Test}):
 * <pre>
 * mvn -B -pl server-core -Ploadtest test -Dtest=PriceEventLoadRun [-Dloadtest.events=1000000 -Dloadtest.warmup=2000000 -Dloadtest.tokens=20 -Dloadtest.rate=60000
 *     -Dloadtest.partitions=1 -Dloadtest.maxPollRecords=2000]
 * </pre>
 * It runs the real broker (see {@link io.orderbook.testsupport.TestKafka}), PostgreSQL and Redis, with a trivial
 * observer: the figures are those of the consumer pipeline itself. To measure conditional orders, pass their engine
 * as the observer factory of {@link PriceEventBenchmark#run}. It asserts only that every event was observed, since
 * the figures depend on the machine.
 */
@Tag("loadtest")
class PriceEventLoadRun {

    @Test
    void pricesThroughTheBrokerIntoTheConsumer() throws InterruptedException {
        try (TestDatabase db = TestEngines.newDatabase(); TestRedis redis = TestEngines.newRedis()) {
            PriceEventBenchmark.Options options = PriceEventBenchmark.Options.fromSystemProperties();
            PriceEventBenchmark.Report report = PriceEventBenchmark.run(options, db.database(), redis.client(),
                    setup -> trivialObserver());
            System.out.println(report.format());
            assertThat(report.observed()).isEqualTo(options.events());
            assertThat(report.deadLettered()).isZero();
        }
    }

    private static PriceObserver trivialObserver() {
        return ticks -> {
        };
    }
}
