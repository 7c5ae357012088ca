package io.orderbook.loadtest;

import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The trading load test: places and cancels orders over real HTTP with API keys against a standalone server-core
 * ({@code ServerMain} in its own JVM) on a fresh PostgreSQL database, and prints orders per second, latency
 * percentiles and errors for two phases: maximum throughput (closed loop) and a fixed rate (open loop). Each
 * second in which a request started that took 250 ms or more is listed with its time (UTC), so that a stall can be
 * set beside the server's GC log or PostgreSQL's checkpoint log.
 *
 * <pre>
 * mvn -pl server-core -Ploadtest test-compile exec:exec [-Dloadtest.args="-Dloadtest.seconds=30 ..."]
 * </pre>
 *
 * <p>It uses the PostgreSQL on 127.0.0.1:5432 when one is running (a new database, dropped afterwards) and an
 * embedded one otherwise, and the Redis on 127.0.0.1:6379 (or an embedded one) - the same rules as the tests (see
 * {@link TestEngines}). The server is stopped with SIGTERM at the end; then the database is checked to hold at least
 * every order the server acknowledged. Options (system properties of this JVM):
 * <ul>
 *   <li>{@code loadtest.serverClasses} ({@code target/classes}) and {@code loadtest.serverClasspath} (required; the
 *       runtime dependencies, or {@code @file} holding them): the server's class path, no test code</li>
 *   <li>{@code loadtest.markets} (4), {@code loadtest.traders} (64)</li>
 *   <li>{@code loadtest.clients} (256): closed-loop clients; {@code loadtest.warmupSeconds} (120) before the first
 *       phase, {@code loadtest.phaseWarmupSeconds} (10) before a later one, {@code loadtest.seconds} (30) per phase</li>
 *   <li>{@code loadtest.rate} (3500) requests per second (about 2,000 of them new orders, the rest cancels) and
 *       {@code loadtest.rateConnections} (128) of the open loop</li>
 *   <li>{@code loadtest.phases} ({@code throughput,rate})</li>
 *   <li>{@code loadtest.serverJvmOptions} ({@code jvm.options}): the server's JVM options file, as {@code ./run server}
 *       uses it; empty for the JVM's defaults</li>
 *   <li>{@code loadtest.serverJvmArgs} (space-separated, after the file), e.g.
 *       {@code -XX:StartFlightRecording=filename=server.jfr}</li>
 *   <li>{@code loadtest.latencyLog}: a file to append every measured request to, as {@code phase start-ms latency-µs}
 *       lines, to see when the slow ones came</li>
 * </ul>
 */
public final class TradingLoad {

    private static final String ADMIN = "loadadmin";
    /** A request this slow is listed with the second it started in, to compare with the server's and PostgreSQL's logs. */
    private static final Duration SLOW = Duration.ofMillis(250);

    private TradingLoad() {
    }

    public static void main(String[] args) throws Exception {
        String classpath = System.getProperty("loadtest.serverClasses", "target/classes") + java.io.File.pathSeparator
                + serverClasspath(System.getProperty("loadtest.serverClasspath"));
        int markets = Integer.getInteger("loadtest.markets", 4);
        int traders = Integer.getInteger("loadtest.traders", 64);
        int clients = Integer.getInteger("loadtest.clients", 256);
        // The first phase warms the server up for long: its JIT compilers were still busy after 60 s (a quarter of
        // its CPU), which a server that runs for days no longer pays. Later phases only settle into their pace.
        Duration warmup = Duration.ofSeconds(Integer.getInteger("loadtest.warmupSeconds", 120));
        Duration phaseWarmup = Duration.ofSeconds(Integer.getInteger("loadtest.phaseWarmupSeconds", 10));
        Duration measure = Duration.ofSeconds(Integer.getInteger("loadtest.seconds", 30));
        int rate = Integer.getInteger("loadtest.rate", 3_500);
        int rateConnections = Integer.getInteger("loadtest.rateConnections", 128);
        List<String> phases = List.of(System.getProperty("loadtest.phases", "throughput,rate").split(","));
        // The server runs with a standalone server's JVM options (server-core/jvm.options), then any extra ones.
        List<String> jvmArgs = new ArrayList<>();
        String jvmOptions = System.getProperty("loadtest.serverJvmOptions", "jvm.options");
        if (!jvmOptions.isBlank()) {
            jvmArgs.add("@" + Path.of(jvmOptions).toAbsolutePath());
        }
        Arrays.stream(System.getProperty("loadtest.serverJvmArgs", "").split(" ")).filter(a -> !a.isBlank())
                .forEach(jvmArgs::add);
        Path workDir = Path.of(System.getProperty("loadtest.workDir", "target/loadtest"));
        Files.createDirectories(workDir);

        int exit = 0;
        try (TestDatabase database = TestEngines.newEmptyDatabase()) {
            String adminPassword = UUID.randomUUID().toString();
            Map<String, String> environment = new HashMap<>();
            environment.put("DATABASE_URL", database.target().jdbcUrl());
            database.target().user().ifPresent(user -> environment.put("DATABASE_USER", user));
            database.target().password().ifPresent(password -> environment.put("DATABASE_PASSWORD", password));
            environment.put("REDIS_URL", TestEngines.redisUrl().toString());
            environment.put("DATA_DIR", Files.createTempDirectory(workDir.toAbsolutePath(), "data").toString());
            environment.put("ADMIN_USERNAME", ADMIN);
            environment.put("ADMIN_PASSWORD", adminPassword);
            // The set-up logs in every trader from this one address, and the administrator makes a few hundred calls.
            environment.put("RATE_LIMIT_ANONYMOUS_PER_MINUTE", "100000");
            environment.put("RATE_LIMIT_USER_PER_MINUTE", "100000");

            System.out.printf(Locale.ROOT, "Starting server-core (ServerMain) on database %s; log in %s%n",
                    database.name(), workDir.resolve("server.log"));
            List<TradingLoadPhases.Phase> results = new ArrayList<>();
            double loadBefore = loadAverage();
            long acknowledged;
            try (StandaloneServer server = StandaloneServer.start(classpath, jvmArgs, environment,
                    workDir.resolve("server.log").toAbsolutePath());
                 Connection cpuAccount = connect(database)) {
                System.out.printf(Locale.ROOT, "Server pid %d on port %d; setting up %d markets and %d traders%n",
                        server.pid(), server.port(), markets, traders);
                TradingLoadSetup.Prepared prepared = new TradingLoadSetup(server.port())
                        .prepare(ADMIN, adminPassword, markets, traders);
                TradingLoadCpu cpu = new TradingLoadCpu(server.pid(), cpuAccount);
                TradingLoadPhases load = new TradingLoadPhases(server.port(), prepared.traders(), prepared.markets(),
                        cpu::snapshot);
                if (phases.contains("throughput")) {
                    System.out.printf(Locale.ROOT, "Phase 1: maximum throughput, %d clients, %d s warm-up + %d s%n",
                            clients, warmup.toSeconds(), measure.toSeconds());
                    results.add(load.closedLoop(clients, warmup, measure));
                }
                if (phases.contains("rate")) {
                    Duration settle = results.isEmpty() ? warmup : phaseWarmup;
                    System.out.printf(Locale.ROOT, "Phase 2: fixed rate %,d requests/s, %d connections, %d s warm-up + %d s%n",
                            rate, rateConnections, settle.toSeconds(), measure.toSeconds());
                    results.add(load.openLoop(rate, rateConnections, settle, measure));
                }
                acknowledged = load.acknowledgedPlaces();
            }
            double loadAfter = loadAverage();
            long stored = countOrders(database);
            System.out.println(report(results, markets, traders, loadBefore, loadAfter));
            for (TradingLoadPhases.Phase phase : results) {
                phase.stats().writeRequestLog(phase.name().split(" ")[0]);
            }
            System.out.printf(Locale.ROOT, "Durability: %,d orders acknowledged, %,d in the database after the server stopped%n",
                    acknowledged, stored);
            if (stored < acknowledged) {
                System.out.println("FAILED: the database holds fewer orders than were acknowledged");
                exit = 1;
            }
        }
        System.exit(exit);
    }

    static String report(List<TradingLoadPhases.Phase> phases, int markets, int traders, double loadBefore,
                         double loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nTrading load: %d markets, %d traders with API keys, %d cores, "
                + "load average %.2f -> %.2f%n", markets, traders, Runtime.getRuntime().availableProcessors(),
                loadBefore, loadAfter));
        out.append(String.format(Locale.ROOT, "| %-38s | %9s | %9s | %7s | %7s | %7s | %7s | %6s |%n",
                "phase", "orders/s", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
        out.append("|").append("-".repeat(40)).append("|").append("-".repeat(11)).append("|").append("-".repeat(11))
                .append(("|" + "-".repeat(9)).repeat(4)).append("|").append("-".repeat(8)).append("|\n");
        for (TradingLoadPhases.Phase phase : phases) {
            out.append(String.format(Locale.ROOT, "| %-38s | %,9.0f | %,9.0f | %7.1f | %7.1f | %7.1f | %7.1f | %6d |%n",
                    phase.name(), phase.ordersPerSecond(), phase.requestsPerSecond(), phase.millis(50),
                    phase.millis(90), phase.millis(99), phase.latencies().getMaxValue() / 1e6, phase.stats().errors()));
        }
        for (TradingLoadPhases.Phase phase : phases) {
            PhaseStats stats = phase.stats();
            out.append(String.format(Locale.ROOT, "%s: %,d resting + %,d crossing orders, %,d cancels (%,d found "
                    + "the order already filled) in %.1f s", phase.name(), stats.acknowledged(OrderFlow.Kind.RESTING),
                    stats.acknowledged(OrderFlow.Kind.CROSSING), stats.acknowledged(OrderFlow.Kind.CANCEL),
                    stats.lateCancels(), phase.measured().toNanos() / 1e9));
            if (stats.errors() > 0) out.append("; errors by status ").append(stats.errorsByStatus());
            out.append('\n');
            out.append("  ").append(phase.usage().perThousandRequests(stats.acknowledgedRequests(),
                    phase.measured().toNanos() / 1e9)).append('\n');
            for (String sample : stats.errorSamples()) out.append("  e.g. ").append(sample).append('\n');
            SortedMap<Long, Long> slow = stats.slowSeconds(SLOW);
            if (!slow.isEmpty()) {
                out.append("  seconds (UTC, by start) with a request of ").append(SLOW.toMillis()).append(" ms or more:");
                slow.forEach((second, nanos) -> out.append(String.format(Locale.ROOT, " %s %,.0f ms;",
                        LocalTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC), nanos / 1e6)));
                out.append('\n');
            }
        }
        out.append("orders/s = acknowledged (201) new orders per second; req/s adds the cancels. Latency is per request,\n"
                + "from the intended send time in the open loop (no coordinated omission).\n");
        return out.toString();
    }

    private static String serverClasspath(String option) throws IOException {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("set loadtest.serverClasspath to the server's runtime class path (or @file)");
        }
        return option.startsWith("@") ? Files.readString(Path.of(option.substring(1))).strip() : option;
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.target().jdbcUrl(), database.target().user().orElse(null),
                database.target().password().orElse(null));
    }

    private static long countOrders(TestDatabase database) throws SQLException {
        try (Connection connection = connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
