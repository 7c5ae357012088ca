package io.orderbook.adapters.http;

/**
 * A group of routes that a capability (health, API keys, orders, ...) plugs into the {@link HttpServer}.
 Every route states the {@link io.orderbook.adapters.http.pipeline.Access} it requires:
 *
 * <pre>{@code
 * HttpRoutes apiKeys = routes -> routes
 *         .get(ApiPaths.V1 + "/api-keys", Access.READ, handlers::list)
 *         .post(ApiPaths.V1 + "/api-keys", Access.WRITE, handlers::create);
 * }</pre>
 */
@FunctionalInterface
public interface HttpRoutes {

    /**
     * Declares this group's routes.
     *
     * @param routes where to declare them
     */
    void addTo(ApiRoutes routes);
}
