package io.orderbook.loadtest;

import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.persistence.ApiKeyScope;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.apikeys.NewApiKey;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.KeyScope;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.bootstrap.ServerConfig;
import io.orderbook.bootstrap.ServerCore;
import io.orderbook.bootstrap.ServerInfrastructure;
import io.orderbook.bootstrap.ServerModule;
import io.orderbook.testsupport.TestAuthenticator;
import io.orderbook.testsupport.TestEngines;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Throughput of one authenticated read endpoint through the full request chain versus the same endpoint
 * with the chain off, in one run on one machine.
 *
 * <ul>
 *   <li><b>full</b>: a {@link ServerCore} (the real composition root) with the subject's authenticator, the
 *       Redis rate limiter and the asynchronous request log into PostgreSQL; the client sends the subject's
 *       credentials to {@code GET /api/v1/bench/ping} (access READ).</li>
 *   <li><b>bare</b>: an {@link HttpServer} with the same route as PUBLIC and no authenticator, rate limiter
 *       or request log; the client sends no credentials.</li>
 * </ul>
 * The handler only writes a constant JSON body, so the difference is the chain's cost. After one unreported
 * pass of each, phases alternate (bare, full, bare, full, ...) so a change in the machine's load affects
 * both alike; each phase also warms up before it counts. The load generator runs in the same JVM (see {@link HttpLoadGenerator}), so on a small
 * machine it competes with the server for CPU: compare the ratio, not the absolute figures, across machines.
 *
 * <p>Run with the test authenticator (a map lookup) by
 * {@code mvn -B -pl server-core test -Dtest=HttpThroughputLoadRun}; options are system properties
 * {@code loadtest.connections} (64), {@code loadtest.warmupSeconds} (5), {@code loadtest.seconds} (10) and
 * {@code loadtest.rounds} (2). To measure another authenticator (e.g. the identity module with a real API
 * key) call {@link #run(ServerConfig, Subject, Options)} with a {@link Subject} that installs it.
 */
public final class HttpThroughputBenchmark {

    public static final String PATH = "/api/v1/bench/ping";
    private static final String BODY = "{\"pong\":true}";

    /** What the full chain authenticates with: the module providing the authenticator, and the credentials to send. */
    public interface Subject {

        /** Called once the full-chain server's database and Redis are up; must provide the authenticator. */
        ServerModule install(ServerInfrastructure infrastructure);

        /**
         * Headers every full-chain request sends, e.g. {@code X-API-Key: <key>}; called after {@link #install}.
         * The key's rate limit must be far above the measured rate, or requests get 429 and count as failures.
         */
        Map<String, String> credentials();
    }

    /** How hard and how long to measure. */
    public record Options(int connections, Duration warmup, Duration measure, int rounds) {

        public Options {
            if (connections < 1 || rounds < 1) throw new IllegalArgumentException("connections and rounds must be positive");
            Objects.requireNonNull(warmup, "warmup");
            Objects.requireNonNull(measure, "measure");
        }

        /** From the {@code loadtest.*} system properties, with the defaults above. */
        public static Options fromSystemProperties() {
            return new Options(Integer.getInteger("loadtest.connections", 64),
                    Duration.ofSeconds(Integer.getInteger("loadtest.warmupSeconds", 5)),
                    Duration.ofSeconds(Integer.getInteger("loadtest.seconds", 10)),
                    Integer.getInteger("loadtest.rounds", 2));
        }
    }

    /** Both measurements of every round, and the request log's and rate limiter's view of the full runs. */
    public record Report(List<HttpLoadGenerator.Result> bare, List<HttpLoadGenerator.Result> full, Options options,
                         long requestLogWritten, long requestLogDropped, double rateLimitRedisCalls,
                         double rateLimitFallbacks, double loadBefore, double loadAfter) {

        public double bareRequestsPerSecond() {
            return bare.stream().mapToDouble(HttpLoadGenerator.Result::perSecond).average().orElse(0);
        }

        public double fullRequestsPerSecond() {
            return full.stream().mapToDouble(HttpLoadGenerator.Result::perSecond).average().orElse(0);
        }

        /** Full-chain throughput as a share of the bare throughput; the target is at least 0.8. */
        public double ratio() {
            return fullRequestsPerSecond() / bareRequestsPerSecond();
        }

        public long failures() {
            return bare.stream().mapToLong(HttpLoadGenerator.Result::failures).sum()
                    + full.stream().mapToLong(HttpLoadGenerator.Result::failures).sum();
        }

        public String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "GET %s, %d connections, %d round(s) of %d s, each after %d s warm-up, %d cores, load average %.2f -> %.2f%n",
                    PATH, options.connections(), options.rounds(), options.measure().toSeconds(), options.warmup().toSeconds(),
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
            for (int i = 0; i < bare.size(); i++) {
                out.append(String.format(Locale.ROOT, "  round %d: bare %,.0f req/s, full %,.0f req/s%n", i + 1,
                        bare.get(i).perSecond(), full.get(i).perSecond()));
            }
            out.append(String.format(Locale.ROOT, "bare (no auth, rate limit, request log): %,.0f req/s%n", bareRequestsPerSecond()));
            out.append(String.format(Locale.ROOT, "full chain (auth + Redis rate limit + request log): %,.0f req/s%n", fullRequestsPerSecond()));
            out.append(String.format(Locale.ROOT, "ratio full/bare: %.1f %% (target >= 80 %%)%n", ratio() * 100));
            out.append(String.format(Locale.ROOT, "non-200 responses: %d; request log: %,d written, %,d dropped; "
                    + "rate limit: %,.0f Redis calls, %,.0f local fallbacks%n",
                    failures(), requestLogWritten, requestLogDropped, rateLimitRedisCalls, rateLimitFallbacks));
            return out.toString();
        }
    }

    private HttpThroughputBenchmark() {
    }

    /** The route both servers serve: a constant body, so the chain's cost is what differs. */
    static HttpRoutes pingRoute(Access access) {
        return routes -> routes.get(PATH, access, ctx -> ctx.contentType("application/json").result(BODY));
    }

    /**
     * Measures the bare and the full chain, alternating, and returns both. {@code config} says where the
     * full chain's PostgreSQL and Redis are (embedded ones when not configured); its port should be 0.
     */
    public static Report run(ServerConfig config, Subject subject, Options options) throws InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (ServerCore full = ServerCore.builder(config)
                .redisKeyPrefix(TestEngines.uniqueKeyPrefix())
                .module(subject::install)
                .routes(pingRoute(Access.READ))
                .build()
                .start();
             HttpServer bare = HttpServer.builder().port(0).routes(pingRoute(Access.PUBLIC)).build().start()) {
            Map<String, String> credentials = subject.credentials();
            List<HttpLoadGenerator.Result> bareResults = new ArrayList<>();
            List<HttpLoadGenerator.Result> fullResults = new ArrayList<>();
            // One unreported pass of each first: the JIT compiles the server and the generator, pools fill.
            HttpLoadGenerator.run(bare.port(), PATH, Map.of(), options.connections(), options.warmup(), options.warmup());
            HttpLoadGenerator.run(full.port(), PATH, credentials, options.connections(), options.warmup(), options.warmup());
            for (int round = 0; round < options.rounds(); round++) {
                bareResults.add(HttpLoadGenerator.run(bare.port(), PATH, Map.of(), options.connections(), options.warmup(), options.measure()));
                fullResults.add(HttpLoadGenerator.run(full.port(), PATH, credentials, options.connections(), options.warmup(), options.measure()));
            }
            var meters = full.infrastructure().meterRegistry();
            return new Report(bareResults, fullResults, options, full.requestLog().written(), full.requestLog().dropped(),
                    meters.counter("rate.limit.redis.calls").count(), meters.counter("rate.limit.fallback").count(),
                    loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * The real identity module: a trader with a real READ_ONLY API key (its limit lifted far above the load), verified by
     * the production authenticator (key lookup with its credential cache, owner checks, last-use recording).
     */
    public static Subject identityModuleSubject() {
        return new Subject() {
            private volatile String key;

            @Override
            public ServerModule install(ServerInfrastructure infrastructure) {
                IdentityModule identity = new IdentityModule(infrastructure.database(), infrastructure.redisson(),
                        IdentityModule.Settings.defaults(infrastructure.jwtSecret().bytes()), infrastructure.clock());
                Actor admin = new Actor(0, UserRole.ADMIN);
                UserAccount trader = identity.users().create(admin, "bench-" + Long.toHexString(System.nanoTime()),
                        "benchmark trader password", UserRole.TRADER);
                key = identity.apiKeys().create(new Actor(trader.id(), UserRole.TRADER), new NewApiKey("bench",
                        ApiKeyScope.READ_ONLY, 100_000, Instant.now().plus(Duration.ofDays(1)), List.of())).plaintext();
                // The API caps a key at 100,000 a minute, which this load passes in seconds; lift the benchmark
                // key's own limit so the limiter still runs on every request but never refuses.
                infrastructure.database().runInTransaction(session -> session.createNativeMutationQuery(
                        "update api_keys set rate_limit_per_minute = 2000000000").executeUpdate());
                return ServerModule.of(identity.authenticator(), List.of(identity.routes()), identity::close);
            }

            @Override
            public Map<String, String> credentials() {
                return Map.of("X-API-Key", key);
            }
        };
    }

    /** The test authenticator with one API key whose limit no benchmark reaches. Tests only: the real one is the identity module's. */
    public static Subject testAuthenticatorSubject() {
        String key = "obw_bench_" + Long.toHexString(System.nanoTime());
        return new Subject() {
            @Override
            public ServerModule install(ServerInfrastructure infrastructure) {
                TestAuthenticator authenticator = new TestAuthenticator()
                        .apiKey(key, new Caller.ApiKey(1, Role.TRADER, 1, KeyScope.READ_ONLY, Integer.MAX_VALUE));
                return ServerModule.of(authenticator, List.of(), () -> { });
            }

            @Override
            public Map<String, String> credentials() {
                return Map.of("X-API-Key", key);
            }
        };
    }
}
