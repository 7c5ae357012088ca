package io.orderbook.app.client.admin;

import java.time.Instant;

/**
 * Requests counted in one minute of the request log.
 *
 * @param minute       the minute's start
 * @param requests     requests received in it
 * @param errors       responses with status 400 or above
 * @param serverErrors responses with status 500 or above
 * @param errorRate    errors / requests, 0 to 1; 0 when there were none
 * @param averageLatencyMillis the mean time from arrival to response, in milliseconds; 0 without requests
 */
public record RequestMinute(Instant minute, long requests, long errors, long serverErrors, double errorRate,
                            double averageLatencyMillis) {
}
