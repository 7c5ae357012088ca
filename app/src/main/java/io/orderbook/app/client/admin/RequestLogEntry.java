package io.orderbook.app.client.admin;

import java.time.Instant;

/**
 * One recorded request; never holds a secret, a token or a body.
 *
 * @param id            the entry's id
 * @param time          when the request arrived
 * @param method        the HTTP method
 * @param path          the request path, without the query
 * @param status        the response's HTTP status
 * @param latencyMillis from arrival to response, in milliseconds (a measurement, not an amount)
 * @param userId        the user whose credentials were presented, or null when anonymous
 * @param apiKeyId      the key presented, or null
 * @param clientIp      the address the request came from
 * @param requestId     the request's {@code X-Request-Id}, to match it with server logs
 * @param errorCode     the problem code when the request failed, or null
 */
public record RequestLogEntry(long id, Instant time, String method, String path, int status, double latencyMillis,
                              Long userId, Long apiKeyId, String clientIp, String requestId, String errorCode) {
}
