package io.orderbook.adapters.http.pipeline;

import io.javalin.security.RouteRole;

/**
 * The access a route requires; every route declares exactly one, as its Javalin route role:
 * {@code routes.get("/api/v1/api-keys", handler, Access.READ)}. A route without one refuses to start.
 */
public enum Access implements RouteRole {
    /** Anyone, also without credentials (health, login). Anonymous callers are rate limited per IP. */
    PUBLIC,
    /** Any authenticated caller, whatever its key scope. */
    READ,
    /** An authenticated caller allowed to change things: a bearer token, or an API key with READ_WRITE scope. */
    WRITE,
    /** An authenticated ADMIN, reading. */
    ADMIN_READ,
    /** An authenticated ADMIN allowed to change things (bearer token or READ_WRITE key). */
    ADMIN_WRITE
}
