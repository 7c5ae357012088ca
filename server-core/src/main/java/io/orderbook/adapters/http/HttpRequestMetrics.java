package io.orderbook.adapters.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * Times every HTTP request as {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds}),
 * tagged by method, route template, status and error code. Tags use the route template
 * ({@code /api/v1/api-keys/{id}}), never the raw path, so scanners cannot blow up the number of series.
 */
final class HttpRequestMetrics {

    static final String TIMER = "http.server.requests";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Duration latency) {
        String method = ctx.req().getMethod();
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        var code = RequestState.errorCode(ctx);
        Timer.builder(TIMER)
                .description("HTTP requests served, by route template")
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("route", matched == null ? "UNMATCHED" : matched.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .tag("code", code == null ? "NONE" : code.name())
                .register(registry)
                .record(latency);
    }
}
