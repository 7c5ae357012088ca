package io.orderbook.adapters.http.balances;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;
import static io.orderbook.adapters.http.identity.IdentityRequests.body;
import static io.orderbook.adapters.http.orders.TradingRequests.guarded;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.identity.PageParameters;
import io.orderbook.adapters.http.identity.PageResponse;
import io.orderbook.adapters.http.orders.TradingProblems;
import io.orderbook.adapters.http.orders.TradingRequests;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.orders.AdjustmentOutcome;
import io.orderbook.application.orders.Asset;
import io.orderbook.application.orders.Balance;
import io.orderbook.application.orders.BalanceAdjustmentRecord;
import io.orderbook.application.orders.BalanceService;
import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.Retry;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.Ledger;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code /balances}: users read their own balances, straight from the matching engine between two commits
 * (exact and consistent across assets); administrators read anyone's, credit and debit them with an audit trail,
 * and list that trail.
 */
public final class BalanceRoutes implements HttpRoutes {

    static final String BALANCES = ApiPaths.V1 + "/balances";
    static final String ADJUSTMENTS = BALANCES + "/adjustments";

    private final BalanceService balances;
    private final MarketCatalog catalog;

    /**
     * Routes over the balance service.
     *
     * @param balances reads and adjusts balances
     * @param catalog  the markets, for asset codes and scales
     */
    public BalanceRoutes(BalanceService balances, MarketCatalog catalog) {
        this.balances = Objects.requireNonNull(balances, "balances");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(BALANCES, Access.READ, guarded(this::list))
                .get(ADJUSTMENTS, Access.ADMIN_READ, this::adjustments)
                .post(ADJUSTMENTS, Access.ADMIN_WRITE, guarded(this::adjust));
    }

    private void list(Context ctx) {
        Actor actor = actor(ctx);
        // Administrators may also read the fee account, user 0, which the usual id parameter does not accept.
        long userId = actor.isAdmin() && "0".equals(ctx.queryParam("userId")) ? Ledger.FEE_ACCOUNT
                : TradingRequests.ownerFilter(ctx, actor, false);
        ctx.json(new BalancesView(userId, balances.balances(userId).stream().map(BalanceRoutes::view).toList()));
    }

    private void adjust(Context ctx) {
        Actor admin = actor(ctx);
        AdjustBalanceRequest body = body(ctx, AdjustBalanceRequest.class);
        Violations violations = new Violations()
                .require("userId", body.userId())
                .require("asset", body.asset())
                .require("amount", body.amount())
                .require("reason", body.reason());
        violations.throwIfAny();
        if (body.userId() < 0 || !balances.accountExists(body.userId())) {
            violations.add("userId", "must be the id of an existing user, or 0 for the fee account");
        }
        if (body.reason().length() > CommandContext.MAX_REASON || body.reason().chars().anyMatch(Character::isISOControl)) {
            violations.add("reason", "must be at most " + CommandContext.MAX_REASON
                    + " characters without control characters");
        }
        violations.throwIfAny();
        Asset asset = catalog.assetByCode(body.asset()).orElseThrow(
                () -> ApiProblem.of(ErrorCode.UNKNOWN_ASSET, "There is no asset " + body.asset() + "."));
        DecimalAmount.Parsed amount = DecimalAmount.parse(body.amount(), asset.scale(), true);
        if (!amount.ok()) {
            throw ApiProblem.validation("amount", amount.error());
        }
        Retry retry = TradingRequests.retry(ctx, "POST /balances/adjustments\nuserId=" + body.userId() + "\nasset="
                + asset.id() + "\namount=" + amount.value() + "\nreason=" + body.reason());
        AdjustmentOutcome outcome = balances.adjust(admin, body.userId(), asset, amount.value(), body.reason(), retry);
        EngineEvent.BalanceAdjusted adjusted = outcome.adjusted().orElseThrow(() -> TradingProblems.of(outcome));
        if (outcome.replayed()) {
            ctx.header(TradingProblems.REPLAYED_HEADER, "true");
        }
        var context = outcome.result().context();
        ctx.status(201).json(new AdjustmentView(null, adjusted.userId(), asset.code(),
                DecimalAmount.format(adjusted.amount(), asset.scale()),
                DecimalAmount.format(adjusted.available(), asset.scale()), context.reason(), context.actorUserId(),
                Instant.ofEpochMilli(adjusted.timestamp())));
    }

    private void adjustments(Context ctx) {
        Long userId = io.orderbook.adapters.http.identity.IdentityRequests.queryId(ctx, "userId");
        ctx.json(PageResponse.of(balances.adjustments(userId, PageParameters.pageRequest(ctx)), this::view));
    }

    private AdjustmentView view(BalanceAdjustmentRecord row) {
        Asset asset = catalog.assetById(row.assetId()).orElse(new Asset(row.assetId(), "#" + row.assetId(), 0));
        return new AdjustmentView(row.id(), row.userId(), asset.code(), DecimalAmount.format(row.amount(), asset.scale()),
                DecimalAmount.format(row.availableAfter(), asset.scale()), row.reason(), row.actorUserId(),
                row.createdAt());
    }

    private static BalanceView view(Balance balance) {
        int scale = balance.asset().scale();
        return new BalanceView(balance.asset().code(), DecimalAmount.format(balance.available(), scale),
                DecimalAmount.format(balance.locked(), scale),
                DecimalAmount.format(balance.available() + balance.locked(), scale));
    }
}
