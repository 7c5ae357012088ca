package io.orderbook.adapters.http.requestlog;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.RequestState;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.application.requestlog.InvalidStatsRange;
import io.orderbook.application.requestlog.RequestLogAccessDenied;
import io.orderbook.application.requestlog.RequestLogCursor;
import io.orderbook.application.requestlog.RequestLogSearch;
import io.orderbook.application.requestlog.RequestLogService;
import io.orderbook.application.requestlog.RequestLogStatsQuery;
import io.orderbook.application.requestlog.RequestLogViewer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/request-logs} (search, newest first, page by page) and
 * {@code GET /api/v1/request-logs/stats} (per-minute counts and error rates) for any authenticated caller:
 * administrators see everything, others their own entries (see {@link RequestLogService}). Every query
 * parameter is checked and all mistakes are reported in one 400 {@code VALIDATION_FAILED}.
 */
public final class RequestLogRoutes implements HttpRoutes {

    static final String SEARCH_PATH = ApiPaths.V1 + "/request-logs";
    static final String STATS_PATH = ApiPaths.V1 + "/request-logs/stats";
    /** The query parameters of the search, as in the OpenAPI document; any other is refused. */
    static final List<String> SEARCH_PARAMETERS =
            List.of("apiKeyId", "userId", "status", "statusClass", "path", "from", "to", "limit", "cursor");
    /** The query parameters of the stats, as in the OpenAPI document; any other is refused. */
    static final List<String> STATS_PARAMETERS = List.of("apiKeyId", "userId", "from", "to");

    private final RequestLogService service;

    /**
     * Routes over the request log.
     *
     * @param service searches and counts the request log
     */
    public RequestLogRoutes(RequestLogService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(SEARCH_PATH, Access.READ, this::search)
                .get(STATS_PATH, Access.READ, this::stats);
    }

    private void search(Context ctx) {
        StrictQuery query = new StrictQuery(ctx, SEARCH_PARAMETERS);
        Optional<Long> apiKeyId = query.id("apiKeyId");
        Optional<Long> userId = query.id("userId");
        Optional<Integer> status = query.integer("status", 100, 599);
        Optional<int[]> statusClass = query.statusClass("statusClass");
        if (status.isPresent() && statusClass.isPresent()) {
            query.violations().add("statusClass", "give either status or statusClass, not both");
        }
        Optional<String> path = query.pathPrefix("path");
        Optional<Instant> from = query.instant("from");
        Optional<Instant> to = query.instant("to");
        query.checkOrder(from, to);
        int limit = query.integer("limit", 1, RequestLogService.MAX_PAGE_SIZE).orElse(RequestLogService.DEFAULT_PAGE_SIZE);
        Optional<RequestLogCursor> cursor = query.cursor("cursor");
        query.throwIfInvalid();

        Optional<Integer> statusFrom = status.or(() -> statusClass.map(range -> range[0]));
        Optional<Integer> statusTo = status.or(() -> statusClass.map(range -> range[1]));
        RequestLogSearch search = new RequestLogSearch(apiKeyId, userId, statusFrom, statusTo, path, from, to, limit, cursor);
        try {
            ctx.json(RequestLogViews.PageView.of(service.search(viewer(ctx), search)));
        } catch (RequestLogAccessDenied denied) {
            throw ApiProblem.forbidden(denied.getMessage());
        }
    }

    private void stats(Context ctx) {
        StrictQuery query = new StrictQuery(ctx, STATS_PARAMETERS);
        Optional<Long> apiKeyId = query.id("apiKeyId");
        Optional<Long> userId = query.id("userId");
        Optional<Instant> from = query.instant("from");
        Optional<Instant> to = query.instant("to");
        query.checkOrder(from, to);
        if (from.isPresent() && to.isPresent() && from.get().isBefore(to.get())
                && Duration.between(from.get(), to.get()).compareTo(RequestLogService.MAX_STATS_RANGE) > 0) {
            query.violations().add("from", "must be at most " + RequestLogService.MAX_STATS_RANGE.toDays() + " days before to");
        }
        query.throwIfInvalid();

        try {
            ctx.json(RequestLogViews.Stats.of(service.stats(viewer(ctx), new RequestLogStatsQuery(apiKeyId, userId, from, to))));
        } catch (RequestLogAccessDenied denied) {
            throw ApiProblem.forbidden(denied.getMessage());
        } catch (InvalidStatsRange e) {
            // Only one end given: the service fills in the other (to = now, from = an hour before to) and checks the range.
            throw ApiProblem.validation("from", e.getMessage());
        }
    }

    private static RequestLogViewer viewer(Context ctx) {
        return switch (RequestState.caller(ctx)) {
            case Caller.User user -> new RequestLogViewer(user.userId(), user.role() == Role.ADMIN);
            case Caller.ApiKey key -> new RequestLogViewer(key.userId(), key.role() == Role.ADMIN);
            // Access.READ routes never run for anonymous callers; refuse rather than show anything.
            case Caller.Anonymous anonymous -> throw ApiProblem.unauthenticated("This endpoint needs a bearer token or an API key.");
        };
    }
}
