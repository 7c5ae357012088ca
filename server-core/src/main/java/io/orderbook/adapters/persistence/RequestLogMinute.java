package io.orderbook.adapters.persistence;

import java.time.Instant;

/**
 * Request counts of one minute, for charts.
 *
 * @param minute            the start of the minute
 * @param requests          all requests in that minute
 * @param clientErrors      requests answered with 4xx
 * @param serverErrors      requests answered with 5xx
 * @param averageLatencyMicros the mean latency in microseconds
 */
public record RequestLogMinute(Instant minute, long requests, long clientErrors, long serverErrors,
                               double averageLatencyMicros) {

    /** {@return the share of requests answered with an error status (4xx or 5xx), 0 to 1; 0 if there were none} */
    public double errorRate() {
        return requests == 0 ? 0 : (double) (clientErrors + serverErrors) / requests;
    }
}
