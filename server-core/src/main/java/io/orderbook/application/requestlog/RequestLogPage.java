package io.orderbook.application.requestlog;

import io.orderbook.adapters.persistence.RequestLogEntry;
import java.util.List;
import java.util.Optional;

/**
 * One page of request log entries, newest first.
 *
 * @param items the entries, at most the search's limit
 * @param next  where the following page starts, or empty on the last page
 */
public record RequestLogPage(List<RequestLogEntry> items, Optional<RequestLogCursor> next) {

    /** Copies the entries, so the page cannot change afterwards. */
    public RequestLogPage {
        items = List.copyOf(items);
    }
}
