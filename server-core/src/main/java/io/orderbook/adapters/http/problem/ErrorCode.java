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
