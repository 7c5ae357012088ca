package io.orderbook.adapters.http.trades;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.QueryParameters;
import io.orderbook.adapters.http.identity.IdentityRequests;
import io.orderbook.adapters.http.identity.PageParameters;
import io.orderbook.adapters.http.identity.PageResponse;
import io.orderbook.adapters.http.orders.OrderViews;
import io.orderbook.adapters.http.orders.TradingRequests;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.OrderHistory;
import io.orderbook.application.orders.TradeFilter;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code GET /trades}: the caller's own trades, newest first, each as the caller's side of it (order, side,
 * maker or taker, fee) and nothing of the other side. Administrators may name a user with {@code userId}.
 */
public final class TradeRoutes implements HttpRoutes {

    static final String TRADES = ApiPaths.V1 + "/trades";

    private final OrderHistory history;
    private final MarketCatalog catalog;
    private final OrderViews views;

    /**
     * Routes over the trade history.
     *
     * @param history the stored orders and trades
     * @param catalog the markets, for symbols and asset scales
     */
    public TradeRoutes(OrderHistory history, MarketCatalog catalog) {
        this.history = Objects.requireNonNull(history, "history");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.views = new OrderViews(catalog);
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(TRADES, Access.READ, this::list);
    }

    private void list(Context ctx) {
        Violations violations = new Violations();
        Integer marketId = TradingRequests.marketParam(ctx, catalog);
        Long orderId = IdentityRequests.queryId(ctx, "orderId");
        Instant from = QueryParameters.instant(ctx, "from", violations);
        Instant to = QueryParameters.instant(ctx, "to", violations);
        QueryParameters.checkRange(from, to, violations);
        violations.throwIfAny();
        long userId = TradingRequests.ownerFilter(ctx, actor(ctx), false);
        ctx.json(PageResponse.of(history.trades(userId, new TradeFilter(marketId, orderId, from, to),
                PageParameters.pageRequest(ctx)), views::fill));
    }
}
