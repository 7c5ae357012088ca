package io.orderbook.app.client.admin;

import java.util.List;

/**
 * One page of the request log, newest first.
 *
 * @param nextCursor pass to {@link RequestLogFilter#page} for the next page; null on the last page
 */
public record RequestLogPage(List<RequestLogEntry> items, String nextCursor) {

    public RequestLogPage {
        items = List.copyOf(items);
    }
}
