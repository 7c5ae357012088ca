package io.orderbook.adapters.http.marketdata;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.QueryParameters;
import io.orderbook.adapters.http.markets.ItemsResponse;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.marketdata.Candle;
import io.orderbook.application.marketdata.CandleInterval;
import io.orderbook.application.marketdata.MarketDataStore;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.TradedMarket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Market data computed by the {@code market-stats} job, for anyone signed in: a market's candles
 * ({@code /markets/{symbol}/candles}) and 24-hour statistics ({@code /markets/{symbol}/stats}, and
 * {@code /markets/stats} for every market). Register before the market routes, so that {@code /markets/stats} is
 * not taken for a market symbol.
 */
public final class MarketDataRoutes implements HttpRoutes {

    static final String ALL_STATS = ApiPaths.V1 + "/markets/stats";
    static final String MARKET = ApiPaths.V1 + "/markets/{symbol}";
    static final int DEFAULT_CANDLES = 500;
    static final int MAX_CANDLES = 1000;

    private final MarketDataStore store;
    private final MarketCatalog catalog;
    private final Clock clock;

    /**
     * Routes over the stored market data.
     *
     * @param store   the candles and statistics
     * @param catalog the markets, for symbols and asset scales
     * @param clock   the time default candle ranges end at
     */
    public MarketDataRoutes(MarketDataStore store, MarketCatalog catalog, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(ALL_STATS, Access.READ, this::allStats)
                .get(MARKET + "/stats", Access.READ, this::stats)
                .get(MARKET + "/candles", Access.READ, this::candles);
    }

    private void allStats(Context ctx) {
        List<MarketStatsView> views = new ArrayList<>();
        store.allStats().forEach(stats -> catalog.byId(stats.marketId())
                .ifPresent(market -> views.add(MarketStatsView.of(market, stats))));
        ctx.json(new ItemsResponse<>(views));
    }

    private void stats(Context ctx) {
        TradedMarket market = market(ctx);
        ctx.json(store.stats(market.id()).map(stats -> MarketStatsView.of(market, stats))
                .orElseGet(() -> MarketStatsView.none(market)));
    }

    private void candles(Context ctx) {
        TradedMarket market = market(ctx);
        Violations violations = new Violations();
        String intervalText = ctx.queryParam("interval");
        CandleInterval interval = intervalText == null ? CandleInterval.ONE_MINUTE
                : CandleInterval.ofCode(intervalText).orElse(null);
        violations.check(interval != null, "interval", "must be one of 1m, 5m, 1h, 1d");
        int limit = QueryParameters.limit(ctx, DEFAULT_CANDLES, MAX_CANDLES, violations);
        Instant to = QueryParameters.instant(ctx, "to", violations);
        Instant from = QueryParameters.instant(ctx, "from", violations);
        violations.throwIfAny();
        if (to == null) {
            to = clock.instant();
        }
        if (from == null) {
            from = to.minus(interval.width().multipliedBy(limit));
        }
        if (!from.isBefore(to)) {
            throw ApiProblem.validation("from", "must be before to");
        }
        List<Candle> candles = store.candles(market.id(), interval, from, to, limit);
        ctx.json(new CandlesView(market.symbol(), interval.code(),
                candles.stream().map(candle -> CandlesView.CandleView.of(market, candle)).toList()));
    }

    private TradedMarket market(Context ctx) {
        String symbol = ctx.pathParam("symbol");
        return catalog.bySymbol(symbol).orElseThrow(() -> ApiProblem.of(ErrorCode.UNKNOWN_MARKET,
                "There is no market " + symbol + "."));
    }
}
