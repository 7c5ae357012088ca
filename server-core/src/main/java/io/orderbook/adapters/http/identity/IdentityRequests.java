package io.orderbook.adapters.http.identity;

import io.javalin.http.Context;
import io.orderbook.adapters.http.RequestState;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.users.Actor;

/** What the identity handlers read from a request besides its body: the acting user and resource ids. */
public final class IdentityRequests {

    private IdentityRequests() {
    }

    /**
     * The authenticated user behind the request. Only routes that need a caller call this, and the
     * pipeline has refused anonymous requests to them already; the check is a second line of defence.
     *
     * @param ctx the request
     * @return the user and role the request acts as (an API key acts as its owner)
     * @throws ApiProblem 401 if the request is anonymous
     */
    public static Actor actor(Context ctx) {
        return switch (RequestState.caller(ctx)) {
            case Caller.User user -> new Actor(user.userId(), UserRole.valueOf(user.role().name()));
            case Caller.ApiKey key -> new Actor(key.userId(), UserRole.valueOf(key.role().name()));
            case Caller.Anonymous anonymous -> throw ApiProblem.unauthenticated("This endpoint needs a bearer token or an API key.");
        };
    }

    /**
     * The JSON body as {@code type}; 400 when it is missing, not JSON, of the wrong shape, or the JSON
     * literal {@code null}. Read through {@code ctx.bodyAsClass}, which enforces the body-size limit.
     *
     * @param <T>  the body's type
     * @param ctx  the request
     * @param type the record the body is read into
     * @return the body, never null
     * @throws ApiProblem 400 if the body cannot be read as {@code type}
     */
    public static <T> T body(Context ctx, Class<T> type) {
        T body = ctx.bodyAsClass(type);
        if (body == null) throw ApiProblem.validation("body", "must be a JSON object");
        return body;
    }

    /**
     * Like {@link #body}, but an empty body gives {@code whenEmpty}: for operations whose every field is optional.
     *
     * @param <T>       the body's type
     * @param ctx       the request
     * @param type      the record the body is read into
     * @param whenEmpty what an empty or blank body stands for
     * @return the body, or {@code whenEmpty}
     * @throws ApiProblem 400 if a non-blank body cannot be read as {@code type}
     */
    public static <T> T optionalBody(Context ctx, Class<T> type, T whenEmpty) {
        return ctx.body().isBlank() ? whenEmpty : body(ctx, type);
    }

    /**
     * Reads a path parameter as an id.
     *
     * @param ctx  the request
     * @param name the path parameter, e.g. {@code id}
     * @return the id, at least 1
     * @throws ApiProblem 400 {@code VALIDATION_FAILED} if it is not a positive integer
     */
    public static long pathId(Context ctx, String name) {
        return positiveLong(ctx.pathParam(name), name);
    }

    /**
     * Reads an optional query parameter as an id.
     *
     * @param ctx  the request
     * @param name the query parameter, e.g. {@code userId}
     * @return the id, at least 1, or null when the parameter is absent
     * @throws ApiProblem 400 {@code VALIDATION_FAILED} if it is present and not a positive integer
     */
    public static Long queryId(Context ctx, String name) {
        String text = ctx.queryParam(name);
        return text == null ? null : positiveLong(text, name);
    }

    private static long positiveLong(String text, String name) {
        if (text != null && !text.isEmpty() && text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                long id = Long.parseLong(text);
                if (id >= 1) return id;
            } catch (NumberFormatException e) {
                // above Long.MAX_VALUE: answered below
            }
        }
        throw ApiProblem.validation(name, "must be a positive integer id");
    }
}
