package io.orderbook.adapters.http;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.security.RouteRole;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.RateLimitPolicy;
import io.orderbook.adapters.http.pipeline.RateLimiter;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import io.orderbook.adapters.http.pipeline.RequestLogSink;
import io.orderbook.adapters.http.pipeline.RequestPipeline;
import io.orderbook.adapters.http.system.HealthRoutes;
import io.orderbook.adapters.http.system.MetricsRoutes;
import io.orderbook.adapters.http.system.OpenApiRoutes;
import io.orderbook.adapters.http.system.ReadinessCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of server-core: Javalin 7 on Jetty 12 with virtual threads, JSON by {@link ApiJson},
 * errors as problem+json, a request id on every request, the request pipeline in front of every known
 * route, and the health, metrics and OpenAPI endpoints. Capabilities plug in as {@link HttpRoutes}.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.builder().port(0).routes(apiKeyRoutes).authenticator(authenticator).build().start();
 * int port = server.port();
 * server.stop();
 * }</pre>
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin javalin;
    private final HealthRoutes health;
    private final PrometheusMeterRegistry meterRegistry;
    // Javalin's own port() throws before start (Jetty has no connector yet), so remember the bound port.
    private volatile int boundPort = -1;

    private HttpServer(Builder b) {
        this.meterRegistry = b.meterRegistry != null ? b.meterRegistry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.health = new HealthRoutes(b.readinessChecks, b.readinessTimeout);
        ApiJson json = new ApiJson();
        ProblemResponses problems = new ProblemResponses(json);
        RequestLifecycle lifecycle = new RequestLifecycle(b.clock, b.maxRequestBodyBytes,
                new HttpRequestMetrics(meterRegistry), Optional.ofNullable(b.requestLogSink));
        RequestPipeline pipeline = new RequestPipeline(Optional.ofNullable(b.authenticator),
                Optional.ofNullable(b.rateLimiter), b.rateLimitPolicy);
        List<HttpRoutes> routeGroups = new ArrayList<>();
        routeGroups.add(health);
        routeGroups.add(new MetricsRoutes(meterRegistry, b.metricsAccess));
        routeGroups.add(new OpenApiRoutes());
        routeGroups.addAll(b.routes);

        this.javalin = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = b.maxRequestBodyBytes;
            cfg.http.prefer405over404 = true;
            cfg.http.generateEtags = false;
            // Javalin copies each answer into Jetty's (pooled) output buffer through a buffer of this size, allocated
            // per response; its default, Jetty's 32 KiB, was half of the server's allocation for answers under 1 KiB.
            cfg.http.responseBufferSize = 4_096;
            cfg.jetty.host = b.host;
            cfg.jetty.port = b.port;
            cfg.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler(json)));
            cfg.jsonMapper(json);
            cfg.router.javaLangErrorHandler(problems::writeError);
            cfg.events.handlerAdded(HttpServer::requireAccessRole);
            cfg.requestLogger.http(lifecycle::complete);
            // A WebSocket upgrade is a request too: it gets a request id, and one request-log entry with status
            // 101 (or the refusal) once the upgrade is answered.
            cfg.routes.wsBeforeUpgrade(lifecycle::begin);
            cfg.requestLogger.ws(ws -> ws.onUpgrade(lifecycle::complete));
            cfg.routes.before(lifecycle::begin);
            cfg.routes.beforeMatched(pipeline::admit);
            problems.install(cfg.routes);
            ApiRoutes apiRoutes = new ApiRoutes(cfg.routes);
            routeGroups.forEach(group -> group.addTo(apiRoutes));
        });
    }

    /** {@return a builder with every setting at its default and no routes of its own} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this server
     * @throws IllegalStateException if the server was already started
     * @throws RuntimeException from Jetty when the port cannot be bound, e.g. because it is taken
     */
    public synchronized HttpServer start() {
        if (boundPort != -1) throw new IllegalStateException("already started");
        if (LoggerFactory.getLogger("org.eclipse.jetty.http.HttpParser").isDebugEnabled()) {
            LOG.warn("DEBUG logging of org.eclipse.jetty prints raw request headers, including Authorization and "
                    + "X-API-Key values: set the org.eclipse.jetty logger to INFO outside local debugging");
        }
        javalin.start();
        boundPort = javalin.port();
        return this;
    }

    /** {@return the port actually bound, also when 0 (a free port) was requested; -1 before {@link #start} and after {@link #stop}} */
    public int port() {
        return boundPort;
    }

    /** {@return the registry behind {@code /api/v1/metrics}; other components may register their meters in it} */
    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** Stops accepting requests, finishes the ones in flight (Jetty's graceful stop) and releases the port. */
    public synchronized void stop() {
        javalin.stop();
        health.close();
        boundPort = -1;
    }

    /** Same as {@link #stop()}, for try-with-resources. */
    @Override
    public void close() {
        stop();
    }

    // Routes added through ApiRoutes.javalin() bypass its Access parameter: a route without an Access role
    // would be reachable without any decision about who may call it.
    private static void requireAccessRole(HandlerMetaInfo route) {
        if (!route.getHttpMethod().isHttpMethod()) return;
        long accessRoles = route.getRoles().stream().filter(role -> role instanceof Access).count();
        if (accessRoles != 1) {
            throw new IllegalStateException("Route " + route.getHttpMethod() + " " + route.getPath()
                    + " must declare exactly one Access role, e.g. routes.get(path, handler, Access.READ); it has "
                    + route.getRoles().stream().map(RouteRole::toString).toList());
        }
    }

    /** Settings of an {@link HttpServer}; everything but the routes has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxRequestBodyBytes = 64 * 1024;
        private Clock clock = Clock.systemUTC();
        private PrometheusMeterRegistry meterRegistry;
        private Access metricsAccess = Access.PUBLIC;
        private final List<ReadinessCheck> readinessChecks = new ArrayList<>();
        private Duration readinessTimeout = Duration.ofSeconds(2);
        private final List<HttpRoutes> routes = new ArrayList<>();
        private RequestAuthenticator authenticator;
        private RateLimiter rateLimiter;
        private RateLimitPolicy rateLimitPolicy = new RateLimitPolicy(60, 600);
        private RequestLogSink requestLogSink;

        private Builder() {
        }

        /**
         * Sets the interface to bind; default {@code 127.0.0.1}.
         *
         * @param host a host name or address; {@code 0.0.0.0} serves remote clients
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Sets the port to bind; default 8080.
         *
         * @param port 1 to 65535, or 0 for a free port (read it back with {@link HttpServer#port()})
         * @return this builder
         * @throws IllegalArgumentException if the port is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535");
            this.port = port;
            return this;
        }

        /**
         * Sets the largest request body accepted; default 64 KiB.
         *
         * @param bytes the limit in bytes, positive; larger bodies are refused with 413 {@code PAYLOAD_TOO_LARGE}
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder maxRequestBodyBytes(long bytes) {
            if (bytes < 1) throw new IllegalArgumentException("maxRequestBodyBytes must be positive");
            this.maxRequestBodyBytes = bytes;
            return this;
        }

        /**
         * Sets the clock for request-log timestamps; default the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the registry to expose and to record HTTP timers in; default a new one.
         *
         * @param registry the registry, shared with components that register their own meters
         * @return this builder
         */
        public Builder meterRegistry(PrometheusMeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Sets who may read {@code /api/v1/metrics}; default {@link Access#PUBLIC}, for scrapers on a private network.
         *
         * @param access the access the metrics route requires
         * @return this builder
         */
        public Builder metricsAccess(Access access) {
            this.metricsAccess = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * Adds a check that {@code GET /api/v1/health} runs; the server is ready when every check passes.
         *
         * @param check the check
         * @return this builder
         */
        public Builder readinessCheck(ReadinessCheck check) {
            readinessChecks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * Sets how long readiness checks may take together before they count as TIMEOUT; default 2 s.
         *
         * @param timeout the time limit
         * @return this builder
         */
        public Builder readinessTimeout(Duration timeout) {
            this.readinessTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Adds a group of routes; call once per capability.
         *
         * @param group the routes
         * @return this builder
         */
        public Builder routes(HttpRoutes group) {
            routes.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Sets who checks credentials; without one every caller is anonymous.
         *
         * @param authenticator the authenticator
         * @return this builder
         */
        public Builder authenticator(RequestAuthenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Sets the rate limiter and the limits for callers without a key of their own; without one nothing is limited.
         *
         * @param limiter the limiter
         * @param policy  the per-minute limits of users and of anonymous callers
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter limiter, RateLimitPolicy policy) {
            this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
            this.rateLimitPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets where each handled request is recorded; without one nothing is recorded.
         *
         * @param sink the request log's writer
         * @return this builder
         */
        public Builder requestLogSink(RequestLogSink sink) {
            this.requestLogSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Configures the server; it does not bind the port until {@link HttpServer#start()}.
         *
         * @return the server, not started
         */
        public HttpServer build() {
            return new HttpServer(this);
        }
    }
}
