package io.orderbook.application.requestlog;

import io.orderbook.adapters.persistence.RequestLogMinute;
import java.time.Instant;
import java.util.List;

/**
 * Requests per minute over a time range, every minute included (with zeros when quiet), oldest first.
 *
 * @param from    the start of the range (inclusive)
 * @param to      the end of the range (exclusive)
 * @param minutes one count per minute of the range, oldest first
 */
public record RequestLogStats(Instant from, Instant to, List<RequestLogMinute> minutes) {

    /** Copies the minutes, so the stats cannot change afterwards. */
    public RequestLogStats {
        minutes = List.copyOf(minutes);
    }
}
