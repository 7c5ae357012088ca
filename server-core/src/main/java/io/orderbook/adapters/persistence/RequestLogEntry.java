package io.orderbook.adapters.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One handled request as the request log keeps it. Never holds a secret or a token: identities appear only
 * as user and key ids.
 *
 * @param id            the row id, or 0 for an entry not yet stored
 * @param occurredAt    when the request arrived
 * @param method        the HTTP method
 * @param path          the request path without the query string
 * @param status        the HTTP status sent, 100 to 599
 * @param latencyMicros time from arrival to response, in microseconds
 * @param userId        the authenticated user, if any
 * @param apiKeyId      the API key used, if any
 * @param clientIp      the caller's address, if known
 * @param requestId     the request id also returned in a response header, if any
 * @param errorCode     the stable error code of a failed request, if any
 */
public record RequestLogEntry(long id, Instant occurredAt, String method, String path, int status, long latencyMicros,
                              Optional<Long> userId, Optional<Long> apiKeyId, Optional<String> clientIp,
                              Optional<String> requestId, Optional<String> errorCode) {

    /**
     * Checks the entry, so one bad entry cannot fail a whole batch at the database.
     *
     * @throws IllegalArgumentException if {@code status} is outside 100 to 599 or {@code latencyMicros} is negative
     */
    public RequestLogEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(errorCode, "errorCode");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
        }
        if (latencyMicros < 0) {
            throw new IllegalArgumentException("latencyMicros must not be negative, was " + latencyMicros);
        }
    }

    /**
     * A new entry to insert.
     *
     * @param occurredAt    when the request arrived
     * @param method        the HTTP method
     * @param path          the request path without the query string
     * @param status        the HTTP status sent, 100 to 599
     * @param latencyMicros time from arrival to response, in microseconds
     * @param userId        the authenticated user, or {@code null}
     * @param apiKeyId      the API key used, or {@code null}
     * @param clientIp      the caller's address, or {@code null}
     * @param requestId     the request id, or {@code null}
     * @param errorCode     the stable error code of a failed request, or {@code null}
     * @return an entry with id 0
     * @throws IllegalArgumentException if {@code status} or {@code latencyMicros} is out of range
     */
    public static RequestLogEntry of(Instant occurredAt, String method, String path, int status, long latencyMicros,
                                     Long userId, Long apiKeyId, String clientIp, String requestId, String errorCode) {
        return new RequestLogEntry(0, occurredAt, method, path, status, latencyMicros, Optional.ofNullable(userId),
                Optional.ofNullable(apiKeyId), Optional.ofNullable(clientIp), Optional.ofNullable(requestId),
                Optional.ofNullable(errorCode));
    }
}
