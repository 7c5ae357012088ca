package io.orderbook.adapters.http.problem;

import java.util.Locale;

/**
 * The stable, machine-readable error codes of the API. Clients branch on {@code code}; the HTTP status
 * and title belong to the code and never vary between occurrences, with one exception: a rare
 * protocol error raised by Jetty itself (408, 505, ...) is {@link #BAD_REQUEST} with Jetty's status.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Validation failed"),
    MALFORMED_JSON(400, "Malformed JSON"),
    BAD_REQUEST(400, "Bad request"),
    UNAUTHENTICATED(401, "Authentication required"),
    /** The bearer token has expired: get a new one with the refresh token. */
    TOKEN_EXPIRED(401, "Access token expired"),
    /** The API key is genuine but past its expiry; regenerate it with a new expiry. */
    API_KEY_EXPIRED(401, "API key expired"),
    /** The API key is genuine but was revoked. */
    API_KEY_REVOKED(401, "API key revoked"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RATE_LIMITED(429, "Too many requests"),
    /** Too many failed logins for this username or from this address; {@code Retry-After} says when to try again. */
    LOGIN_THROTTLED(429, "Too many failed logins"),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    // Trading: one code per way the matching engine or the sequencer can refuse a client's command
    // (see adapters.http.orders.TradingProblems). 400 = the request itself is wrong, 404 = what it names does not
    // exist (for this caller), 409 = it conflicts with the current state of a market or order, 422 = well-formed
    // but the account cannot carry it out.
    /** No live market with that symbol or id. */
    UNKNOWN_MARKET(404, "Unknown market"),
    /** No asset with that code or id. */
    UNKNOWN_ASSET(404, "Unknown asset"),
    /** No order with that id that the caller may act on; another user's order looks exactly like a missing one. */
    UNKNOWN_ORDER(404, "Unknown order"),
    /** The caller's own order exists but has ended (or, for a close, has nothing left to close). */
    ORDER_NOT_OPEN(409, "Order not open"),
    INVALID_QUANTITY(400, "Invalid quantity"),
    QUANTITY_NOT_LOT_MULTIPLE(400, "Quantity not a multiple of the lot size"),
    INVALID_PRICE(400, "Invalid price"),
    PRICE_NOT_TICK_MULTIPLE(400, "Price not a multiple of the tick size"),
    PRICE_NOT_ALLOWED(400, "Price not allowed"),
    QUOTE_AMOUNT_NOT_ALLOWED(400, "Quote amount not allowed"),
    BELOW_MIN_NOTIONAL(400, "Order value below the minimum"),
    AMOUNT_TOO_LARGE(400, "Amount too large"),
    INVALID_TIME_IN_FORCE(400, "Invalid time in force"),
    INVALID_EXPIRE_TIME(400, "Invalid expiry time"),
    EXPIRE_TIME_IN_PAST(400, "Expiry time in the past"),
    INVALID_AMOUNT(400, "Invalid amount"),
    /** The available balance does not cover the order's reservation or the debit. */
    INSUFFICIENT_FUNDS(422, "Insufficient funds"),
    POST_ONLY_WOULD_TAKE(409, "Post-only order would take liquidity"),
    FOK_NOT_FILLABLE(409, "Fill-or-kill order not fillable"),
    NO_LIQUIDITY(409, "No liquidity"),
    CANNOT_TAKE_OWN_ORDER(409, "Cannot take own order"),
    ALREADY_CLOSED(409, "Order already closed"),
    MARKET_HALTED(409, "Market halted"),
    /** The caller already has an order with this client order id. */
    DUPLICATE_CLIENT_ORDER_ID(409, "Duplicate client order id"),
    /** The Idempotency-Key was already used for a different request. */
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    /** Problem types are URNs: stable identifiers that do not pretend to be web pages. */
    public static final String TYPE_PREFIX = "urn:orderbook:problem:";

    private final int status;
    private final String title;
    private final String type;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
        this.type = TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The RFC 9457 {@code type}, e.g. {@code urn:orderbook:problem:validation-failed}. */
    public String type() {
        return type;
    }
}
