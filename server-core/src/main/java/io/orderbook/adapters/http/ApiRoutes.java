package io.orderbook.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.orderbook.adapters.http.pipeline.Access;
import java.util.Objects;

/**
 * Where a capability declares its routes, each with the {@link Access} it requires, on Javalin's
 * route configuration. A GET route also answers HEAD with the same handler and access, so a HEAD
 * probe sees the real status (Javalin's implicit HEAD would answer 200 without running it).
 *
 * <p>Handlers read JSON bodies with {@code ctx.bodyAsClass(...)}: it enforces the body-size limit and
 * turns bad input into 400 problems. {@code ctx.bodyStreamAsClass(...)} would bypass the size limit.
 */
public final class ApiRoutes {

    private final RoutesConfig routes;

    ApiRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    /**
     * Adds a {@code GET} route. A HEAD request to the same path runs the same handler.
     *
     * @param path    the path, with {@code {name}} for path parameters
     * @param access  who may call it
     * @param handler the handler
     * @return this
     */
    public ApiRoutes get(String path, Access access, Handler handler) {
        routes.get(path, handler, required(access));
        routes.head(path, handler, access);
        return this;
    }

    /**
     * Adds a {@code POST} route.
     *
     * @param path    the path, with {@code {name}} for path parameters
     * @param access  who may call it
     * @param handler the handler
     * @return this
     */
    public ApiRoutes post(String path, Access access, Handler handler) {
        routes.post(path, handler, required(access));
        return this;
    }

    /**
     * Adds a {@code PUT} route.
     *
     * @param path    the path, with {@code {name}} for path parameters
     * @param access  who may call it
     * @param handler the handler
     * @return this
     */
    public ApiRoutes put(String path, Access access, Handler handler) {
        routes.put(path, handler, required(access));
        return this;
    }

    /**
     * Adds a {@code PATCH} route.
     *
     * @param path    the path, with {@code {name}} for path parameters
     * @param access  who may call it
     * @param handler the handler
     * @return this
     */
    public ApiRoutes patch(String path, Access access, Handler handler) {
        routes.patch(path, handler, required(access));
        return this;
    }

    /**
     * Adds a {@code DELETE} route.
     *
     * @param path    the path, with {@code {name}} for path parameters
     * @param access  who may call it
     * @param handler the handler
     * @return this
     */
    public ApiRoutes delete(String path, Access access, Handler handler) {
        routes.delete(path, handler, required(access));
        return this;
    }

    /**
     * Javalin's own route API, for what this class does not cover (WebSockets, server-sent events).
     * HTTP routes added here must still carry exactly one {@link Access} role, or the server refuses to start.
     *
     * @return Javalin's route configuration
     */
    public RoutesConfig javalin() {
        return routes;
    }

    private static Access required(Access access) {
        return Objects.requireNonNull(access, "every route must declare its Access");
    }
}
