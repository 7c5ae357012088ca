package io.orderbook.adapters.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every HTTP request as {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds}),
 * tagged by method, route template, status and error code. Tags use the route template
 * ({@code /api/v1/api-keys/{id}}), never the raw path, so scanners cannot blow up the number of series.
 *
 * <p>Each timer is looked up once per series and then reused: building and registering a timer (tag list, meter id,
 * the registry's map) on every request cost more than the rest of the request log chain.
 */
final class HttpRequestMetrics {

    static final String TIMER = "http.server.requests";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Duration latency) {
        String method = ctx.req().getMethod();
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        var code = RequestState.errorCode(ctx);
        Series series = new Series(METHODS.contains(method) ? method : "OTHER",
                matched == null ? "UNMATCHED" : matched.path, ctx.statusCode(), code == null ? "NONE" : code.name());
        timers.computeIfAbsent(series, this::register).record(latency);
    }

    private Timer register(Series series) {
        return Timer.builder(TIMER)
                .description("HTTP requests served, by route template")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .tag("code", series.code())
                .register(registry);
    }

    /** One time series: its tag values. Route templates and codes are few, so the map stays small. */
    private record Series(String method, String route, int status, String code) {
    }
}
