package io.orderbook.application.requestlog;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.RequestLogEntry;
import io.orderbook.adapters.persistence.RequestLogFilter;
import io.orderbook.adapters.persistence.RequestLogMinute;
import io.orderbook.adapters.persistence.RequestLogRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading the request log: searching it page by page and counting requests per minute for charts.
 *
 * <p>Visibility: an administrator sees every entry and may filter by any user. Anyone else sees only
 * entries of their own user id (made with their bearer token or any of their keys, refused ones
 * included); asking for another user's entries is refused with {@link RequestLogAccessDenied} rather than
 * answered with an empty page, so a client's mistake is not mistaken for a quiet log. Filtering by an API
 * key that is not theirs simply finds nothing.
 */
public final class RequestLogService {

    /** Entries per page when a search gives no limit. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The most entries one page may hold. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The range a stats query covers when it gives no start. */
    public static final Duration DEFAULT_STATS_RANGE = Duration.ofHours(1);
    /** The longest stats range: a week is 10,080 minutes, still a reasonable chart and response. */
    public static final Duration MAX_STATS_RANGE = Duration.ofDays(7);

    private final RequestLogRepository repository;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param repository where the log is stored
     * @param clock      what "now" is, for stats ranges that end now
     */
    public RequestLogService(RequestLogRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One page of the entries the viewer may see that match the search, newest first.
     *
     * @param viewer who is reading, and whether they are an administrator
     * @param search what to look for
     * @return one page of entries
     * @throws RequestLogAccessDenied when a non-administrator asks for another user's entries
     */
    public RequestLogPage search(RequestLogViewer viewer, RequestLogSearch search) {
        RequestLogFilter filter = visibleTo(viewer, search.userId());
        if (search.apiKeyId().isPresent()) filter = filter.forApiKey(search.apiKeyId().get());
        if (search.statusFrom().isPresent()) filter = filter.withStatusBetween(search.statusFrom().get(), search.statusTo().orElseThrow());
        if (search.pathPrefix().isPresent()) filter = filter.withPathPrefix(search.pathPrefix().get());
        if (search.from().isPresent()) filter = filter.since(search.from().get());

        // The first page pins the newest entry it may show, so later pages continue the same snapshot.
        Instant end = search.to().orElseGet(clock::instant);
        long skip = 0;
        if (search.cursor().isPresent()) {
            RequestLogCursor cursor = search.cursor().get();
            Instant afterCursor = cursor.through().plus(1, ChronoUnit.MICROS);
            if (afterCursor.isBefore(end)) end = afterCursor;
            skip = cursor.skip();
        }
        if (search.from().isPresent() && !search.from().get().isBefore(end)) {
            return new RequestLogPage(List.of(), Optional.empty());
        }
        filter = filter.before(end);

        Page<RequestLogEntry> page = repository.find(filter, new PageRequest(skip, search.limit()));
        if (!page.hasNext() || page.items().isEmpty()) {
            return new RequestLogPage(page.items(), Optional.empty());
        }
        return new RequestLogPage(page.items(), Optional.of(nextCursor(page.items(), search.cursor(), skip)));
    }

    /**
     * Requests, errors and mean latency per minute over the query's range, for the entries the viewer may see.
     *
     * @param viewer who is reading, and whether they are an administrator
     * @param query  which requests and which range
     * @return one count per minute of the range
     * @throws RequestLogAccessDenied   when a non-administrator asks for another user's entries
     * @throws InvalidStatsRange       when the range is empty or longer than {@link #MAX_STATS_RANGE}
     */
    public RequestLogStats stats(RequestLogViewer viewer, RequestLogStatsQuery query) {
        Instant to = query.to().orElseGet(clock::instant);
        Instant from = query.from().orElseGet(() -> to.minus(DEFAULT_STATS_RANGE));
        if (!from.isBefore(to)) {
            throw new InvalidStatsRange("must be before to (which defaults to now)");
        }
        if (Duration.between(from, to).compareTo(MAX_STATS_RANGE) > 0) {
            throw new InvalidStatsRange("must be at most " + MAX_STATS_RANGE.toDays() + " days before to (which defaults to now)");
        }
        RequestLogFilter filter = visibleTo(viewer, query.userId()).between(from, to);
        if (query.apiKeyId().isPresent()) filter = filter.forApiKey(query.apiKeyId().get());
        List<RequestLogMinute> minutes = repository.countPerMinute(filter);
        return new RequestLogStats(from, to, minutes);
    }

    private static RequestLogFilter visibleTo(RequestLogViewer viewer, Optional<Long> requestedUser) {
        if (viewer.admin()) {
            return requestedUser.map(RequestLogFilter.all()::forUser).orElse(RequestLogFilter.all());
        }
        if (requestedUser.isPresent() && requestedUser.get() != viewer.userId()) {
            throw new RequestLogAccessDenied("Only administrators may read other users' request logs.");
        }
        return RequestLogFilter.all().forUser(viewer.userId());
    }

    /**
     * The cursor after {@code items}: at the oldest item's time, skipping the items at that time already
     * returned, counting those the previous cursor skipped when the whole page shared its time.
     */
    private static RequestLogCursor nextCursor(List<RequestLogEntry> items, Optional<RequestLogCursor> previous, long skipped) {
        Instant oldest = items.getLast().occurredAt();
        long atOldest = items.stream().filter(entry -> entry.occurredAt().equals(oldest)).count();
        boolean sameInstantAsBefore = previous.isPresent() && previous.get().through().equals(oldest);
        return new RequestLogCursor(oldest, (sameInstantAsBefore ? skipped : 0) + atOldest);
    }
}
