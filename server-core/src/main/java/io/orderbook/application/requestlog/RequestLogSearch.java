package io.orderbook.application.requestlog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reader looks for in the request log; every filter is optional and they combine with AND.
 *
 * @param apiKeyId   only requests made with this key
 * @param userId     only requests of this user (for a non-administrator it must be their own id)
 * @param statusFrom only statuses at or above this
 * @param statusTo   only statuses at or below this
 * @param pathPrefix only paths starting with this, taken literally
 * @param from       only requests at or after this instant
 * @param to         only requests before this instant
 * @param limit      entries per page, 1 to {@link RequestLogService#MAX_PAGE_SIZE}
 * @param cursor     where the previous page ended, or empty for the first page
 */
public record RequestLogSearch(Optional<Long> apiKeyId, Optional<Long> userId, Optional<Integer> statusFrom,
                               Optional<Integer> statusTo, Optional<String> pathPrefix, Optional<Instant> from,
                               Optional<Instant> to, int limit, Optional<RequestLogCursor> cursor) {

    /** Checks that no part is null, the limit is in range and the status and time ranges are not empty. */
    public RequestLogSearch {
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(statusFrom, "statusFrom");
        Objects.requireNonNull(statusTo, "statusTo");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > RequestLogService.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be from 1 to " + RequestLogService.MAX_PAGE_SIZE);
        }
        if (statusFrom.isPresent() != statusTo.isPresent()) {
            throw new IllegalArgumentException("a status range needs both ends");
        }
        if (statusFrom.isPresent() && statusFrom.get() > statusTo.get()) {
            throw new IllegalArgumentException("status range is empty");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /**
     * The first page of everything the reader may see, {@code limit} entries at a time.
     *
     * @param limit entries per page, 1 to {@link RequestLogService#MAX_PAGE_SIZE}
     * @return the search
     */
    public static RequestLogSearch all(int limit) {
        return new RequestLogSearch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit, Optional.empty());
    }

    /**
     * The same search continued after {@code next}.
     *
     * @param next the cursor of the page just read
     * @return the search for the following page
     */
    public RequestLogSearch after(RequestLogCursor next) {
        return new RequestLogSearch(apiKeyId, userId, statusFrom, statusTo, pathPrefix, from, to, limit, Optional.of(next));
    }
}
