package io.orderbook.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.pipeline.RateLimitPolicy;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import io.orderbook.adapters.http.requestlog.RequestLogRoutes;
import io.orderbook.adapters.http.system.ReadinessCheck;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.DatabaseTarget;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.adapters.ratelimit.PerMinuteRateLimiter;
import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.adapters.requestlog.RequestLogWriter;
import io.orderbook.application.requestlog.RequestLogService;
import io.orderbook.bootstrap.embedded.EmbeddedKafka;
import io.orderbook.bootstrap.embedded.EmbeddedPostgres;
import io.orderbook.bootstrap.embedded.EmbeddedRedis;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * server-core put together: the composition root, wired by hand. From a {@link ServerConfig} it starts
 * embedded PostgreSQL and Redis when no external ones are configured (data under {@code DATA_DIR}), and an
 * embedded Kafka broker when a module first asks for Kafka without {@code KAFKA_BOOTSTRAP_SERVERS}, opens
 * the database (migrating it), connects Redis, and serves HTTP with the request pipeline: the given
 * authenticator, the Redis rate limiter, the asynchronous request log, readiness checks for the database
 * and Redis, Prometheus metrics, the request-log endpoints and the routes of plugged-in modules. (The request-log
 * retention is a scheduled job: see {@code JobsModule}.)
 *
 * <p>The same class runs standalone ({@link ServerMain}) and embedded in the workstation:
 * <pre>{@code
 * try (ServerCore core = ServerCore.builder(config)
 *         .module(infrastructure -> ServerModule.of(authenticator, List.of(routes), () -> {}))
 *         .build()
 *         .start()) {
 *     URI api = core.baseUri().resolve("/api/v1/health");
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops in dependency order: HTTP first (no new requests, in-flight ones finish), then the request log writer flushes, then modules and close hooks, the embedded Kafka
 * broker, the Redis client, the database, and last the other embedded engines. A running server also closes itself this way when
 * the JVM exits (SIGTERM, Ctrl-C, {@code System.exit}) without being closed, so an embedded PostgreSQL is
 * never left running and the last request log entries are written before the database stops.
 */
public final class ServerCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCore.class);

    /** The database the server creates and uses on the embedded PostgreSQL. */
    public static final String EMBEDDED_DATABASE = "orderbook";
    private static final Duration READINESS_PROBE_TIMEOUT = Duration.ofSeconds(1);

    private enum State { NEW, STARTED, CLOSED }

    private final ServerConfig config;
    private final Clock clock;
    private final String redisKeyPrefix;
    private final RequestAuthenticator authenticator;
    private final List<HttpRoutes> routes;
    private final List<Function<ServerInfrastructure, ServerModule>> moduleFactories;
    private final List<AutoCloseable> closeHooks;

    private State state = State.NEW;
    private EmbeddedPostgres embeddedPostgres;
    private EmbeddedRedis embeddedRedis;
    private EmbeddedKafka embeddedKafka;
    private Database database;
    private RedissonClient redisson;
    private RequestLogWriter requestLog;
    private HttpServer http;
    private ServerInfrastructure infrastructure;
    private final List<AutoCloseable> moduleClosers = new ArrayList<>();
    private final Thread closeAtJvmExit = new Thread(this::close, "server-core-jvm-exit");

    private ServerCore(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.redisKeyPrefix = b.redisKeyPrefix;
        this.authenticator = b.authenticator;
        this.routes = List.copyOf(b.routes);
        this.moduleFactories = List.copyOf(b.moduleFactories);
        this.closeHooks = List.copyOf(b.closeHooks);
    }

    /**
     * Starts configuring a server; nothing runs before {@link #start()}.
     *
     * @param config the server configuration
     * @return a builder with the defaults: UTC system clock, default Redis key prefix, no routes
     */
    public static Builder builder(ServerConfig config) {
        return new Builder(config);
    }

    /**
     * Starts the engines (when embedded), the database, Redis, the modules and HTTP; returns this.
     * When any step fails, what was started is closed again and the failure is thrown.
     *
     * @throws IllegalStateException when called twice or after {@link #close()}
     *
     * @return this server, running
     */
    public synchronized ServerCore start() {
        if (state != State.NEW) {
            throw new IllegalStateException("a ServerCore starts once; it is " + state);
        }
        state = State.STARTED;
        long started = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(closeAtJvmExit);
        try {
            database = Database.open(databaseTarget());
            redisson = RedisConnector.connect(redisUrl().toString(), redisKeyPrefix);
            PrometheusMeterRegistry meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            infrastructure = new ServerInfrastructure(config, database, redisson, meterRegistry, clock,
                    this::kafkaBootstrapServers);

            RequestLogRepository requestLogRepository = new RequestLogRepository(database);
            requestLog = RequestLogWriter.builder(requestLogRepository).meterRegistry(meterRegistry).build();

            List<HttpRoutes> allRoutes = new ArrayList<>();
            allRoutes.add(new RequestLogRoutes(new RequestLogService(requestLogRepository, clock)));
            allRoutes.addAll(routes);
            RequestAuthenticator chosenAuthenticator = authenticator;
            for (Function<ServerInfrastructure, ServerModule> factory : moduleFactories) {
                ServerModule module = Objects.requireNonNull(factory.apply(infrastructure), "a module factory returned null");
                moduleClosers.add(module.onClose());
                allRoutes.addAll(module.routes());
                if (module.authenticator().isPresent()) {
                    if (chosenAuthenticator != null) {
                        throw new IllegalStateException("two request authenticators were plugged in; a server has one");
                    }
                    chosenAuthenticator = module.authenticator().get();
                }
            }

            HttpServer.Builder server = HttpServer.builder()
                    .host(config.httpHost())
                    .port(config.httpPort())
                    .clock(clock)
                    .meterRegistry(meterRegistry)
                    .rateLimiter(new PerMinuteRateLimiter(redisson, meterRegistry),
                            new RateLimitPolicy(config.anonymousRequestsPerMinute(), config.userRequestsPerMinute()))
                    .requestLogSink(requestLog)
                    .readinessCheck(ReadinessCheck.of("database", this::probeDatabase))
                    .readinessCheck(ReadinessCheck.of("redis", this::probeRedis));
            if (chosenAuthenticator != null) {
                server.authenticator(chosenAuthenticator);
            } else {
                LOG.warn("No request authenticator is plugged in: every caller is anonymous and only public endpoints answer");
            }
            allRoutes.forEach(server::routes);
            http = server.build().start();

            LOG.info("server-core ready at {} in {} ms (database: {}, Redis: {}, Kafka: {})", baseUri().resolve("/api/v1"),
                    (System.nanoTime() - started) / 1_000_000, config.usesEmbeddedDatabase() ? "embedded" : "external",
                    config.usesEmbeddedRedis() ? "embedded" : "external",
                    embeddedKafka != null ? "embedded at " + embeddedKafka.bootstrapServers()
                            : config.kafka().bootstrapServers().orElse("unused"));
            return this;
        } catch (RuntimeException | Error e) {
            LOG.error("server-core failed to start; stopping what was started");
            stopAll();
            throw e;
        }
    }

    /**
     * The bound HTTP port (useful with port 0); -1 when not running.
     *
     * @return the port, or -1
     */
    public synchronized int port() {
        return http == null ? -1 : http.port();
    }

    /**
     * Where clients on this machine reach the server, e.g. {@code http://127.0.0.1:8080}.
     *
     * @return the base URI; a wildcard host is given as {@code 127.0.0.1}
     */
    public synchronized URI baseUri() {
        String host = config.httpHost();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /**
     * The running infrastructure, for embedding code and tests; only while started.
     *
     * @return the infrastructure
     * @throws IllegalStateException if the server is not running
     */
    public synchronized ServerInfrastructure infrastructure() {
        if (state != State.STARTED || infrastructure == null) {
            throw new IllegalStateException("ServerCore is not running");
        }
        return infrastructure;
    }

    /**
     * The request log writer, e.g. to watch its counters; only while started.
     *
     * @return the writer
     * @throws IllegalStateException if the server is not running
     */
    public synchronized RequestLogWriter requestLog() {
        if (state != State.STARTED || requestLog == null) {
            throw new IllegalStateException("ServerCore is not running");
        }
        return requestLog;
    }

    /** Stops everything this server started, in dependency order; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasStarted = state == State.STARTED;
        state = State.CLOSED;
        if (wasStarted) {
            long stopping = System.nanoTime();
            stopAll();
            LOG.info("server-core stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        }
    }

    private void stopAll() {
        state = State.CLOSED;
        if (Thread.currentThread() != closeAtJvmExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeAtJvmExit);
            } catch (IllegalStateException jvmAlreadyExiting) {
                // The hook is running or about to; close() is idempotent.
            }
        }
        if (http != null) step("HTTP server", http::stop);
        if (requestLog != null) step("request log writer", requestLog::close);
        for (AutoCloseable closer : moduleClosers.reversed()) step("module", closer);
        for (AutoCloseable hook : closeHooks.reversed()) step("close hook", hook);
        if (embeddedKafka != null) step("embedded Kafka", embeddedKafka::close);
        if (redisson != null) step("Redis client", () -> redisson.shutdown(0, 2, TimeUnit.SECONDS));
        if (database != null) step("database", database::close);
        if (embeddedRedis != null) step("embedded Redis", embeddedRedis::close);
        if (embeddedPostgres != null) step("embedded PostgreSQL", embeddedPostgres::close);
        http = null;
        requestLog = null;
        moduleClosers.clear();
        redisson = null;
        database = null;
        embeddedRedis = null;
        embeddedKafka = null;
        embeddedPostgres = null;
        infrastructure = null;
    }

    /** One shutdown step; a failure is logged and the remaining steps still run. */
    private static void step(String what, AutoCloseable action) {
        try {
            action.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the {}", what);
        } catch (Exception e) {
            LOG.warn("Could not stop the {} cleanly", what, e);
        }
    }

    private DatabaseTarget databaseTarget() {
        if (config.database().isPresent()) {
            return config.database().get().target();
        }
        // No library hook: closeAtJvmExit stops it after the request log is flushed.
        embeddedPostgres = EmbeddedPostgres.start(config.embeddedPostgresDir(), false);
        embeddedPostgres.createDatabaseIfMissing(EMBEDDED_DATABASE);
        return embeddedPostgres.target(EMBEDDED_DATABASE);
    }

    /** The configured cluster, or the embedded broker, started on first use (modules start during start()). */
    private synchronized String kafkaBootstrapServers() {
        if (config.kafka().bootstrapServers().isPresent()) {
            return config.kafka().bootstrapServers().get();
        }
        if (state != State.STARTED) {
            throw new IllegalStateException("ServerCore is not running");
        }
        if (embeddedKafka == null) {
            embeddedKafka = EmbeddedKafka.start(config.embeddedKafkaDir());
        }
        return embeddedKafka.bootstrapServers();
    }

    private URI redisUrl() {
        if (config.redisUrl().isPresent()) {
            return config.redisUrl().get();
        }
        embeddedRedis = EmbeddedRedis.start();
        return embeddedRedis.url();
    }

    private void probeDatabase() throws SQLException {
        Database current = database;
        if (current == null) throw new IllegalStateException("the database is closed");
        try (Connection connection = current.dataSource().getConnection()) {
            if (!connection.isValid((int) READINESS_PROBE_TIMEOUT.toSeconds())) {
                throw new SQLException("the database connection is not valid");
            }
        }
    }

    private void probeRedis() {
        RedissonClient current = redisson;
        if (current == null) throw new IllegalStateException("the Redis client is closed");
        if (!current.getRedisNodes(RedisNodes.SINGLE).pingAll(READINESS_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Redis does not answer PING");
        }
    }

    /** How to build a {@link ServerCore}; only the configuration is required. */
    public static final class Builder {
        private final ServerConfig config;
        private Clock clock = Clock.systemUTC();
        private String redisKeyPrefix = RedisConnector.DEFAULT_KEY_PREFIX;
        private RequestAuthenticator authenticator;
        private final List<HttpRoutes> routes = new ArrayList<>();
        private final List<Function<ServerInfrastructure, ServerModule>> moduleFactories = new ArrayList<>();
        private final List<AutoCloseable> closeHooks = new ArrayList<>();

        private Builder(ServerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The request authenticator; without one (and no module providing one) every caller is anonymous.
         *
         * @param authenticator the authenticator
         * @return this builder
         */
        public Builder authenticator(RequestAuthenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Adds a route group that needs nothing from the infrastructure.
         *
         * @param group the route group
         * @return this builder
         */
        public Builder routes(HttpRoutes group) {
            routes.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Adds a module, made once the database and Redis are up; it may provide the authenticator (at most
         * one module or {@link #authenticator} does). Modules are made in the order added and closed in reverse.
         *
         * @param factory makes the module from the running infrastructure; must not return null
         * @return this builder
         */
        public Builder module(Function<ServerInfrastructure, ServerModule> factory) {
            moduleFactories.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Something to close when the server stops, after HTTP and before the database; closed in reverse order.
         *
         * @param hook what to close
         * @return this builder
         */
        public Builder onClose(AutoCloseable hook) {
            closeHooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * The clock for request-log times and the modules; default the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Prefix of every Redis key; default {@value RedisConnector#DEFAULT_KEY_PREFIX}. Tests use their own.
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder redisKeyPrefix(String prefix) {
            this.redisKeyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * The configured server, not started.
         *
         * @return a new server; call {@link ServerCore#start()} to run it
         */
        public ServerCore build() {
            return new ServerCore(this);
        }
    }
}
