package io.orderbook.app.client.admin;

import java.util.List;

/**
 * One page of the request log, newest first.
 *
 * @param items      the page's requests
 * @param nextCursor pass to {@link RequestLogFilter#page} for the next page; null on the last page
 */
public record RequestLogPage(List<RequestLogEntry> items, String nextCursor) {

    /** Copies the items so that the page cannot change afterwards. */
    public RequestLogPage {
        items = List.copyOf(items);
    }
}
