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

    /** No restriction. */
    public static RequestLogFilter all() {
        return ALL;
    }

    public RequestLogFilter forApiKey(long id) {
        return new RequestLogFilter(Optional.of(id), userId, statusFrom, statusTo, pathPrefix, from, to);
    }

    public RequestLogFilter forUser(long id) {
        return new RequestLogFilter(apiKeyId, Optional.of(id), statusFrom, statusTo, pathPrefix, from, to);
    }

    public RequestLogFilter withStatus(int status) {
        return withStatusBetween(status, status);
    }

    /** Statuses from {@code low} to {@code high}, both included; e.g. 400 to 599 for all errors. */
    public RequestLogFilter withStatusBetween(int low, int high) {
        if (low > high) {
            throw new IllegalArgumentException("status range is empty: " + low + " > " + high);
        }
        return new RequestLogFilter(apiKeyId, userId, Optional.of(low), Optional.of(high), pathPrefix, from, to);
    }

    public RequestLogFilter withPathPrefix(String prefix) {
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, Optional.of(prefix), from, to);
    }

    /** Requests at or after {@code start} and before {@code end}. */
    public RequestLogFilter between(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("time range is empty: " + start + " is not before " + end);
        }
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, pathPrefix, Optional.of(start), Optional.of(end));
    }

    public RequestLogFilter since(Instant start) {
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, pathPrefix, Optional.of(start), to);
    }

    public RequestLogFilter before(Instant end) {
        return new RequestLogFilter(apiKeyId, userId, statusFrom, statusTo, pathPrefix, from, Optional.of(end));
    }
}
