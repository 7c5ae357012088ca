package io.orderbook.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.bootstrap.ServerConfig;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP benchmark as a test run, left out of the default build by its name (Surefire runs {@code *Test}):
 * <pre>
 * mvn -B -pl server-core test -Dtest=HttpThroughputLoadRun [-Dloadtest.seconds=10 -Dloadtest.connections=64 -Dloadtest.rounds=2]
 * </pre>
 * The full chain authenticates a real API key through the identity module ({@code -Dloadtest.testAuthenticator=true}
 * swaps in a map lookup). It uses the same PostgreSQL and Redis as the tests (see {@link TestEngines}) and prints both figures and
 * their ratio. It asserts only that every response was a 200, since throughput depends on the machine.
 */
@Tag("loadtest")
class HttpThroughputLoadRun {

    @TempDir
    Path dataDir;

    @Test
    void fullChainVersusBare() throws InterruptedException {
        try (TestDatabase db = TestEngines.newEmptyDatabase()) {
            ServerConfig config = ServerConfig.load(Optional.empty(), Map.of(
                    "DATABASE_URL", db.target().jdbcUrl(),
                    "DATABASE_USER", db.target().user().orElseThrow(),
                    "REDIS_URL", TestEngines.redisUrl().toString(),
                    "HTTP_PORT", "0",
                    "DATA_DIR", dataDir.toString()));
            HttpThroughputBenchmark.Report report = HttpThroughputBenchmark.run(config,
                    Boolean.getBoolean("loadtest.testAuthenticator")
                            ? HttpThroughputBenchmark.testAuthenticatorSubject()
                            : HttpThroughputBenchmark.identityModuleSubject(), HttpThroughputBenchmark.Options.fromSystemProperties());
            System.out.println(report.format());
            assertThat(report.failures()).isZero();
            assertThat(report.fullRequestsPerSecond()).isPositive();
        }
    }
}
