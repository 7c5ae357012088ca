package io.orderbook.app.client.admin;

import java.time.Instant;

/**
 * What to look for in the request log; a null field does not filter. Administrators see every request,
 * other users their own.
 *
 * @param apiKeyId    requests made with this key
 * @param userId      requests made by this user
 * @param status      one exact status, such as 404
 * @param statusClass a class of statuses, {@code "2xx"} to {@code "5xx"}; not together with {@code status}
 * @param pathPrefix  paths starting with this, taken literally (starts with {@code /})
 * @param from        at or after this instant
 * @param to          before this instant
 * @param limit       entries per page, 1 to 500
 * @param cursor      where the previous page ended, as {@link RequestLogPage#nextCursor} gave it
 */
public record RequestLogFilter(Long apiKeyId, Long userId, Integer status, String statusClass, String pathPrefix,
                               Instant from, Instant to, int limit, String cursor) {

    /** Entries per page when the screen does not choose. */
    public static final int DEFAULT_LIMIT = 100;

    /**
     * A filter for the newest requests of everything the caller may see.
     *
     * @return a filter with nothing set and {@link #DEFAULT_LIMIT} entries per page
     */
    public static RequestLogFilter newest() {
        return new RequestLogFilter(null, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    /**
     * Continues this filter on the next page.
     *
     * @param nextCursor the cursor the previous page returned
     * @return the same filter starting at that cursor
     */
    public RequestLogFilter page(String nextCursor) {
        return new RequestLogFilter(apiKeyId, userId, status, statusClass, pathPrefix, from, to, limit, nextCursor);
    }
}
