package io.orderbook.application.requestlog;

import io.orderbook.adapters.persistence.RequestLogMinute;
import java.time.Instant;
import java.util.List;

/**
 * Requests per minute over a time range, every minute included (with zeros when quiet), oldest first.
 *
 * @param from the start of the range (inclusive)
 * @param to   the end of the range (exclusive)
 */
public record RequestLogStats(Instant from, Instant to, List<RequestLogMinute> minutes) {

    public RequestLogStats {
        minutes = List.copyOf(minutes);
    }
}
