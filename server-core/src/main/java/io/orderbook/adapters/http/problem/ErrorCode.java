package io.orderbook.adapters.http.problem;

import java.util.Locale;

/**
 * The stable, machine-readable error codes of the API. Clients branch on {@code code}; the HTTP status
 * and title belong to the code and never vary between occurrences, with one exception: a rare
 * protocol error raised by Jetty itself (408, 505, ...) is {@link #BAD_REQUEST} with Jetty's status.
 */
public enum ErrorCode {
    /** The request is well-formed but fields are missing or invalid; {@code errors} lists them. */
    VALIDATION_FAILED(400, "Validation failed"),
    /** The body is not valid JSON or does not fit the expected shape. */
    MALFORMED_JSON(400, "Malformed JSON"),
    /** The request is wrong in another way, including protocol errors raised by Jetty with their own status. */
    BAD_REQUEST(400, "Bad request"),
    /** No credentials, or credentials that are not valid. */
    UNAUTHENTICATED(401, "Authentication required"),
    /** The bearer token has expired: get a new one with the refresh token. */
    TOKEN_EXPIRED(401, "Access token expired"),
    /** The API key is genuine but past its expiry; regenerate it with a new expiry. */
    API_KEY_EXPIRED(401, "API key expired"),
    /** The API key is genuine but was revoked. */
    API_KEY_REVOKED(401, "API key revoked"),
    /** Authenticated, but the role or key scope does not allow this, or the address is outside the key's allow-list. */
    FORBIDDEN(403, "Forbidden"),
    /** No resource at this path, or none with this id that the caller may see. */
    NOT_FOUND(404, "Not found"),
    /** The path exists but not with this HTTP method. */
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    /** The request conflicts with the current state, e.g. a name already taken or a row changed meanwhile. */
    CONFLICT(409, "Conflict"),
    /** The body exceeds the size limit. */
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    /** The request line exceeds the size limit. */
    URI_TOO_LONG(414, "URI too long"),
    /** A body that is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    /** The caller's request budget for this minute is used up; {@code Retry-After} says when it refills. */
    RATE_LIMITED(429, "Too many requests"),
    /** Too many failed logins for this username or from this address; {@code Retry-After} says when to try again. */
    LOGIN_THROTTLED(429, "Too many failed logins"),
    /** The request headers exceed the size limit. */
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
    /** The quantity is not positive, or an amendment does not exceed what has filled. */
    INVALID_QUANTITY(400, "Invalid quantity"),
    /** The quantity is not a multiple of the market's lot size. */
    QUANTITY_NOT_LOT_MULTIPLE(400, "Quantity not a multiple of the lot size"),
    /** The price is not positive. */
    INVALID_PRICE(400, "Invalid price"),
    /** The price is not a multiple of the market's tick size. */
    PRICE_NOT_TICK_MULTIPLE(400, "Price not a multiple of the tick size"),
    /** A market order was given a price. */
    PRICE_NOT_ALLOWED(400, "Price not allowed"),
    /** A quote amount on anything but a market buy. */
    QUOTE_AMOUNT_NOT_ALLOWED(400, "Quote amount not allowed"),
    /** The order's value is below the market's minimum. */
    BELOW_MIN_NOTIONAL(400, "Order value below the minimum"),
    /** An amount or value is beyond what the engine can represent. */
    AMOUNT_TOO_LARGE(400, "Amount too large"),
    /** The time in force does not fit the order type. */
    INVALID_TIME_IN_FORCE(400, "Invalid time in force"),
    /** An expiry on an order that is not GTD, or a GTD order without one. */
    INVALID_EXPIRE_TIME(400, "Invalid expiry time"),
    /** The order's expiry time has already passed. */
    EXPIRE_TIME_IN_PAST(400, "Expiry time in the past"),
    /** A balance adjustment of zero. */
    INVALID_AMOUNT(400, "Invalid amount"),
    /** The available balance does not cover the order's reservation or the debit. */
    INSUFFICIENT_FUNDS(422, "Insufficient funds"),
    /** A post-only ({@code LIMIT_MAKER}) order would trade at once. */
    POST_ONLY_WOULD_TAKE(409, "Post-only order would take liquidity"),
    /** The book cannot fill the whole fill-or-kill order now. */
    FOK_NOT_FILLABLE(409, "Fill-or-kill order not fillable"),
    /** The book has nothing to trade against. */
    NO_LIQUIDITY(409, "No liquidity"),
    /** The order to take is the caller's own. */
    CANNOT_TAKE_OWN_ORDER(409, "Cannot take own order"),
    /** The order has already been closed. */
    ALREADY_CLOSED(409, "Order already closed"),
    /** The market is halted and accepts no new orders. */
    MARKET_HALTED(409, "Market halted"),
    /** The caller already has an order with this client order id. */
    DUPLICATE_CLIENT_ORDER_ID(409, "Duplicate client order id"),
    /** The Idempotency-Key was already used for a different request. */
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    /** A server fault; the response carries a request id to quote when reporting it. */
    INTERNAL(500, "Internal error"),
    /** The server or something it needs is unavailable right now; retry later (a trading command with the same Idempotency-Key). */
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

    /** {@return the HTTP status every response with this code has} */
    public int status() {
        return status;
    }

    /** {@return the RFC 9457 {@code title}: a short summary, the same for every occurrence} */
    public String title() {
        return title;
    }

    /** {@return the RFC 9457 {@code type}, e.g. {@code urn:orderbook:problem:validation-failed}} */
    public String type() {
        return type;
    }
}
