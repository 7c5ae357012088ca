package io.orderbook.app.client.admin;

import java.time.Instant;

/**
 * Requests counted in one minute of the request log.
 *
 * @param errors       responses with status 400 or above
 * @param serverErrors responses with status 500 or above
 * @param errorRate    errors / requests, 0 to 1; 0 when there were none
 */
public record RequestMinute(Instant minute, long requests, long errors, long serverErrors, double errorRate,
                            double averageLatencyMillis) {
}
