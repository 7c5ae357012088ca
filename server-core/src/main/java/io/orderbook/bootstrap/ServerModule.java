package io.orderbook.bootstrap;

import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A capability plugged into {@link ServerCore} once the core's infrastructure is up: its HTTP routes,
 * perhaps the request authenticator, and what to close when the server stops. Made by a factory that
 * receives the {@link ServerInfrastructure}:
 *
 * <pre>{@code
 * ServerCore.builder(config).module(infrastructure -> {
 *     IdentityModule identity = new IdentityModule(infrastructure...);
 *     return ServerModule.of(identity.authenticator(), List.of(identity.routes()), identity::close);
 * })
 * }</pre>
 *
 * @param authenticator the request authenticator, if this module provides it; at most one module may
 * @param routes        the module's route groups
 * @param onClose       called once when the server stops, after HTTP has stopped and before the database
 *                      and Redis close
 */
public record ServerModule(Optional<RequestAuthenticator> authenticator, List<HttpRoutes> routes, AutoCloseable onClose) {

    /**
     * Checks that every component is present and copies the routes.
     *
     * @throws NullPointerException if a component is null or a route group is null
     */
    public ServerModule {
        Objects.requireNonNull(authenticator, "authenticator");
        routes = List.copyOf(routes);
        Objects.requireNonNull(onClose, "onClose");
    }

    /**
     * A module that authenticates requests and adds routes.
     *
     * @param authenticator the server's request authenticator
     * @param routes        the module's route groups
     * @param onClose       called once when the server stops
     * @return the module
     */
    public static ServerModule of(RequestAuthenticator authenticator, List<HttpRoutes> routes, AutoCloseable onClose) {
        return new ServerModule(Optional.of(authenticator), routes, onClose);
    }
}
