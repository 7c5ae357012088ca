package io.orderbook.adapters.http.system;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.pipeline.Access;
import java.util.Objects;

/** {@code GET /api/v1/metrics}: every meter of the registry in the Prometheus text format, for scraping. */
public final class MetricsRoutes implements HttpRoutes {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Access access;

    /**
     * The metrics route over {@code registry}.
     *
     * @param registry the meters to expose
     * @param access   who may scrape: {@link Access#PUBLIC} on a private network, {@link Access#ADMIN_READ} otherwise
     */
    public MetricsRoutes(PrometheusMeterRegistry registry, Access access) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(ApiPaths.V1 + "/metrics", access, ctx -> ctx.contentType(CONTENT_TYPE).result(registry.scrape()));
    }
}
