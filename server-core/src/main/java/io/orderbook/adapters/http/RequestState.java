package io.orderbook.adapters.http;

import io.javalin.http.Context;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.problem.ErrorCode;
import java.time.Instant;

/** Typed access to what the edge attaches to each request: its id, its caller, its start and its error code. */
public final class RequestState {

    private static final String REQUEST_ID = "orderbook.requestId";
    private static final String CALLER = "orderbook.caller";
    private static final String LOGGED_CALLER = "orderbook.loggedCaller";
    private static final String STARTED_AT = "orderbook.startedAt";
    private static final String STARTED_NANOS = "orderbook.startedNanos";
    private static final String ERROR_CODE = "orderbook.errorCode";

    private RequestState() {
    }

    /** The request id, also sent back as {@code X-Request-Id}; null only before the edge has seen the request. */
    static String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID);
    }

    /**
     * Who is calling.
     *
     * @param ctx the request
     * @return the authenticated caller; {@link Caller#ANONYMOUS} until authentication has run, and on public
     *         routes without credentials
     */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /** The error code of the problem response, or null when the request succeeded. */
    static ErrorCode errorCode(Context ctx) {
        return ctx.attribute(ERROR_CODE);
    }

    static void begin(Context ctx, String requestId, Instant startedAt, long startedNanos) {
        ctx.attribute(REQUEST_ID, requestId);
        ctx.attribute(STARTED_AT, startedAt);
        ctx.attribute(STARTED_NANOS, startedNanos);
    }

    /**
     * Sets the authenticated caller. Only the request pipeline should call this.
     *
     * @param ctx    the request
     * @param caller who the credentials identify
     */
    public static void authenticated(Context ctx, Caller caller) {
        ctx.attribute(CALLER, caller);
        ctx.attribute(LOGGED_CALLER, caller);
    }

    /**
     * Sets whose credentials a refused request presented, for the request log only; {@link #caller}
     * stays anonymous. Only the request pipeline should call this.
     *
     * @param ctx        the request
     * @param identified whose credentials were refused
     */
    public static void identifiedButRefused(Context ctx, Caller identified) {
        ctx.attribute(LOGGED_CALLER, identified);
    }

    /** The caller to write into the request log: the authenticated one, or the one whose credentials were refused. */
    static Caller loggedCaller(Context ctx) {
        Caller caller = ctx.attribute(LOGGED_CALLER);
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /**
     * Sets the error code the request log records for this request.
     *
     * @param ctx  the request
     * @param code the code of the problem answered
     */
    public static void failedWith(Context ctx, ErrorCode code) {
        ctx.attribute(ERROR_CODE, code);
    }

    static Instant startedAt(Context ctx) {
        return ctx.attribute(STARTED_AT);
    }

    static Long startedNanos(Context ctx) {
        return ctx.attribute(STARTED_NANOS);
    }
}
