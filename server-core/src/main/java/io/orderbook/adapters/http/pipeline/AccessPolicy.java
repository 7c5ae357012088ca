package io.orderbook.adapters.http.pipeline;

import io.orderbook.adapters.http.problem.ApiProblem;

/** Decides whether a caller may use a route of a given {@link Access}: the scope and role step of the pipeline. */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * Returns normally when allowed; throws 401 {@code UNAUTHENTICATED} when the route needs a caller and
     * there is none, and 403 {@code FORBIDDEN} when the caller's role or key scope is not enough.
     *
     * @param caller who is making the request
     * @param access what the route requires
     * @throws io.orderbook.adapters.http.problem.ApiProblem 401 or 403 when the caller may not use the route
     */
    public static void authorize(Caller caller, Access access) {
        if (access == Access.PUBLIC) return;
        if (caller instanceof Caller.Anonymous) {
            throw ApiProblem.unauthenticated("This endpoint needs a bearer token or an API key.");
        }
        boolean needsAdmin = access == Access.ADMIN_READ || access == Access.ADMIN_WRITE;
        boolean needsWrite = access == Access.WRITE || access == Access.ADMIN_WRITE;
        Role role = caller instanceof Caller.User user ? user.role() : ((Caller.ApiKey) caller).role();
        if (needsAdmin && role != Role.ADMIN) {
            throw ApiProblem.forbidden("This endpoint is for administrators.");
        }
        if (needsWrite && caller instanceof Caller.ApiKey key && key.scope() != KeyScope.READ_WRITE) {
            throw ApiProblem.forbidden("This API key is read-only.");
        }
    }
}
