package io.orderbook.app.client.admin;

import java.time.Instant;

/**
 * One recorded request; never holds a secret, a token or a body.
 *
 * @param latencyMillis from arrival to response, in milliseconds (a measurement, not an amount)
 * @param userId        the user whose credentials were presented, or null when anonymous
 * @param apiKeyId      the key presented, or null
 * @param errorCode     the problem code when the request failed, or null
 */
public record RequestLogEntry(long id, Instant time, String method, String path, int status, double latencyMillis,
                              Long userId, Long apiKeyId, String clientIp, String requestId, String errorCode) {
}
