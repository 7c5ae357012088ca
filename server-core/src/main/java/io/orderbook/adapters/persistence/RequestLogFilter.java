package io.orderbook.adapters.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * Which request log rows to read; every part is optional and the parts combine with AND.
 * Start from {@link #all()} and narrow: {@code RequestLogFilter.all().forUser(7).between(from, to)}.
 *
 * @param apiKeyId   only requests made with this key
 * @param userId     only requests of this user
 * @param statusFrom only statuses at or above this
 * @param statusTo   only statuses at or below this
 * @param pathPrefix only paths starting with this (taken literally, no wildcards)
 * @param from       only requests at or after this instant
 * @param to         only requests before this instant
 */
public record RequestLogFilter(Optional<Long> apiKeyId, Optional<Long> userId, Optional<Integer> statusFrom,
                               Optional<Integer> statusTo, Optional<String> pathPrefix, Optional<Instant> from,
                               Optional<Instant> to) {

    private static final RequestLogFilter ALL = new RequestLogFilter(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** {@return the filter without restriction, matching every row} */
    public static RequestLogFilter all() {
        return ALL;
    }

    /**
     * Narrows to one API key.
     *
     * @param id the key's id
     * @return a filter that also requires requests made with that key
     */
    public RequestLogFilter forApiKey(long id) {
        return new RequestLogFilter(Optional.of(id), userId, statusFrom, statusTo, pathPrefix, from, to);
    }

    /**
     * Narrows to one user.
     *
     * @param id the user's id
     * @return a filter that also requires requests of that user
     */
    public RequestLogFilter forUser(long id) {
        return new RequestLogFilter(apiKeyId, Optional.of(id), statusFrom, statusTo, pathPrefix, from, to);
    }

    /**
     * Narrows to one HTTP status.
     *
     * @param status the status, e.g. 404
     * @return a filter that also requires exactly that status
     */
    public RequestLogFilter withStatus(int status) {
        return withStatusBetween(status, status);
    }

    /**
     * Narrows to a range of HTTP statuses, e.g. 400 to 599 for all errors.
     *
     * @param low  the lowest status included
     * @param high the highest status included
     * @return a filter that also requires a status in the range
     * @throws IllegalArgumentException if {@code low > high}
     */
    public RequestLogFilter withStatusBetween(int low, int high) {
        if (low > high) {
            throw new IllegalArgumentException("status range is empty: " + low + " > " + high);
        }
        return new RequestLogFilter(apiKeyId, userId, Optional.of(low), Optional.of(high), pathPrefix, from, to);
    }

    /**
     * Narrows to paths starting with a prefix.
     *
     * @param prefix the start of the path, taken literally ({@code %} and {@code _} are no wildcards)
     * @return a filter that also requires the prefix
     */
    public RequestLogFilter withPathPrefix(String prefix) {
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, Optional.of(prefix), from, to);
    }

    /**
     * Narrows to a time range.
     *
     * @param start the first instant included
     * @param end   the first instant excluded; after {@code start}
     * @return a filter that also requires requests at or after {@code start} and before {@code end}
     * @throws IllegalArgumentException if {@code start} is not before {@code end}
     */
    public RequestLogFilter between(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("time range is empty: " + start + " is not before " + end);
        }
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, pathPrefix, Optional.of(start), Optional.of(end));
    }

    /**
     * Narrows to requests from an instant on.
     *
     * @param start the first instant included
     * @return a filter that also requires requests at or after {@code start}
     */
    public RequestLogFilter since(Instant start) {
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, pathPrefix, Optional.of(start), to);
    }

    /**
     * Narrows to requests before an instant.
     *
     * @param end the first instant excluded
     * @return a filter that also requires requests before {@code end}
     */
    public RequestLogFilter before(Instant end) {
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, pathPrefix, from, Optional.of(end));
    }
}
