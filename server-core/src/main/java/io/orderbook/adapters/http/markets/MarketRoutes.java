package io.orderbook.adapters.http.markets;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;
import static io.orderbook.adapters.http.identity.IdentityRequests.body;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.application.markets.MarketService;
import io.orderbook.application.markets.MarketView;
import java.util.Objects;

/**
 * {@code /markets} and {@code /assets}: everyone signed in reads markets (from the cache), books and recent trades;
 * administrators create assets and list, change, halt, resume and delist markets.
 */
public final class MarketRoutes implements HttpRoutes {

    static final String ASSETS = ApiPaths.V1 + "/assets";
    static final String MARKETS = ApiPaths.V1 + "/markets";
    static final String MARKET = MARKETS + "/{symbol}";
    static final int DEFAULT_BOOK_DEPTH = 50;
    static final int DEFAULT_TRADES = 100;

    private final MarketService markets;

    /**
     * Routes over the market service.
     *
     * @param markets reads and administers assets and markets
     */
    public MarketRoutes(MarketService markets) {
        this.markets = Objects.requireNonNull(markets, "markets");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(ASSETS, Access.READ, this::listAssets)
                .post(ASSETS, Access.ADMIN_WRITE, this::createAsset)
                .get(MARKETS, Access.READ, this::list)
                .post(MARKETS, Access.ADMIN_WRITE, this::create)
                .get(MARKET, Access.READ, this::get)
                .patch(MARKET, Access.ADMIN_WRITE, this::patch)
                .delete(MARKET, Access.ADMIN_WRITE, this::delete)
                .post(MARKET + "/halt", Access.ADMIN_WRITE, ctx -> setHalted(ctx, true))
                .post(MARKET + "/resume", Access.ADMIN_WRITE, ctx -> setHalted(ctx, false))
                .get(MARKET + "/book", Access.READ, this::book)
                .get(MARKET + "/trades", Access.READ, this::trades);
    }

    private void listAssets(Context ctx) {
        ctx.json(new ItemsResponse<>(markets.assets().stream().map(AssetResponse::of).toList()));
    }

    private void createAsset(Context ctx) {
        CreateAssetRequest request = body(ctx, CreateAssetRequest.class);
        AssetResponse created = AssetResponse.of(markets.createAsset(actor(ctx), request.code(), request.scale()));
        ctx.status(201).json(created);
    }

    private void list(Context ctx) {
        ctx.json(new ItemsResponse<>(markets.markets().stream().map(MarketResponse::of).toList()));
    }

    private void create(Context ctx) {
        CreateMarketRequest request = body(ctx, CreateMarketRequest.class);
        MarketView created = markets.createMarket(actor(ctx), request.toNewMarket());
        ctx.status(201).header("Location", MARKETS + "/" + created.symbol()).json(MarketResponse.of(created));
    }

    private void get(Context ctx) {
        ctx.json(MarketResponse.of(markets.market(ctx.pathParam("symbol"))));
    }

    private void patch(Context ctx) {
        PatchMarketRequest request = body(ctx, PatchMarketRequest.class);
        ctx.json(MarketResponse.of(markets.updateMarket(actor(ctx), ctx.pathParam("symbol"), request.toChanges())));
    }

    private void delete(Context ctx) {
        markets.deleteMarket(actor(ctx), ctx.pathParam("symbol"));
        ctx.status(204);
    }

    private void setHalted(Context ctx, boolean halted) {
        ctx.json(MarketResponse.of(markets.setHalted(actor(ctx), ctx.pathParam("symbol"), halted)));
    }

    private void book(Context ctx) {
        int depth = intParameter(ctx, "depth", DEFAULT_BOOK_DEPTH, MarketService.MAX_BOOK_DEPTH);
        ctx.json(OrderBookResponse.of(markets.book(ctx.pathParam("symbol"), depth)));
    }

    private void trades(Context ctx) {
        int limit = intParameter(ctx, "limit", DEFAULT_TRADES, MarketService.MAX_TRADES);
        ctx.json(MarketTradesResponse.of(markets.recentTrades(ctx.pathParam("symbol"), limit)));
    }

    /** An optional integer query parameter from 1 to {@code max}; 400 naming it otherwise. */
    private static int intParameter(Context ctx, String name, int defaultValue, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return defaultValue;
        }
        if (!text.isEmpty() && text.length() <= 4 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        }
        throw ApiProblem.validation(name, "must be an integer from 1 to " + max);
    }
}
