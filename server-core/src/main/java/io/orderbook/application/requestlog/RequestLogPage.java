package io.orderbook.application.requestlog;

import io.orderbook.adapters.persistence.RequestLogEntry;
import java.util.List;
import java.util.Optional;

/**
 * One page of request log entries, newest first.
 *
 * @param next where the following page starts, or empty on the last page
 */
public record RequestLogPage(List<RequestLogEntry> items, Optional<RequestLogCursor> next) {

    public RequestLogPage {
        items = List.copyOf(items);
    }
}
