package io.orderbook.adapters.http.prices;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.QueryParameters;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.adapters.persistence.prices.PostgresPriceHistory;
import io.orderbook.application.prices.LatestPrices;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Token prices from the price events, for anyone signed in: a token's latest price ({@code /prices/{token}}) and
 * its stored one-second bars ({@code /prices/{token}/bars}), for charts.
 */
public final class PriceRoutes implements HttpRoutes {

    static final String PRICE = ApiPaths.V1 + "/prices/{token}";
    static final int DEFAULT_BARS = 500;
    static final int MAX_BARS = 5000;
    /** The price events' token syntax (see {@code PriceEventReader}): no other token can have a price. */
    private static final Pattern TOKEN = Pattern.compile("[A-Z0-9]{1,16}(-[A-Z0-9]{1,16})?");

    private final LatestPrices latest;
    private final PostgresPriceHistory history;
    private final Clock clock;

    /**
     * Routes over the stored prices.
     *
     * @param latest  the latest price per token
     * @param history the bars per token and second
     * @param clock   the time default bar ranges end at
     */
    public PriceRoutes(LatestPrices latest, PostgresPriceHistory history, Clock clock) {
        this.latest = Objects.requireNonNull(latest, "latest");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(PRICE, Access.READ, this::latest)
                .get(PRICE + "/bars", Access.READ, this::bars);
    }

    private void latest(Context ctx) {
        String token = token(ctx);
        ctx.json(LatestPriceView.of(latest.latest(token).orElseThrow(() -> ApiProblem.notFound(
                "No price of " + token + " has been received."))));
    }

    private void bars(Context ctx) {
        String token = token(ctx);
        Violations violations = new Violations();
        int limit = QueryParameters.limit(ctx, DEFAULT_BARS, MAX_BARS, violations);
        Instant from = QueryParameters.instant(ctx, "from", violations);
        violations.throwIfAny();
        if (from == null) {
            // The last `limit` seconds, up to the current one: a full page of the newest bars.
            from = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(limit - 1L);
        }
        ctx.json(PriceBarsView.of(token, history.bars(token, from, limit), limit));
    }

    private static String token(Context ctx) {
        String token = ctx.pathParam("token");
        if (!TOKEN.matcher(token).matches()) {
            throw ApiProblem.validation("token", "must be an asset code or market symbol such as BTC or BTC-USDT");
        }
        return token;
    }
}
