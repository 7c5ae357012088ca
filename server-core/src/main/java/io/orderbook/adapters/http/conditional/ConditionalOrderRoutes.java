package io.orderbook.adapters.http.conditional;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;
import static io.orderbook.adapters.http.identity.IdentityRequests.body;
import static io.orderbook.adapters.http.identity.IdentityRequests.pathId;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.identity.PageParameters;
import io.orderbook.adapters.http.identity.PageResponse;
import io.orderbook.adapters.http.markets.ItemsResponse;
import io.orderbook.adapters.http.orders.TradingRequests;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.conditional.ConditionalFilter;
import io.orderbook.application.conditional.ConditionalOrder;
import io.orderbook.application.conditional.ConditionalOrderService;
import io.orderbook.application.conditional.ConditionalStatus;
import io.orderbook.application.conditional.InvalidConditionalOrder;
import io.orderbook.application.conditional.NewConditionalOrder;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.users.Actor;
import java.util.List;
import java.util.Objects;

/**
 * {@code /conditional-orders}: users arm, list, read and cancel their own conditional orders (stop-loss,
 * take-profit, trailing stops, trigger orders, one-cancels-the-other pairs); administrators read everyone's. A
 * READ_ONLY API key may only read.
 */
public final class ConditionalOrderRoutes implements HttpRoutes {

    static final String CONDITIONAL_ORDERS = ApiPaths.V1 + "/conditional-orders";
    static final String CONDITIONAL_ORDER = CONDITIONAL_ORDERS + "/{id}";

    private final ConditionalOrderService service;
    private final MarketCatalog catalog;
    private final ConditionalOrderViews views;

    /**
     * Routes over the conditional order service.
     *
     * @param service arms, lists and cancels conditional orders
     * @param catalog the markets, for symbols and asset scales
     */
    public ConditionalOrderRoutes(ConditionalOrderService service, MarketCatalog catalog) {
        this.service = Objects.requireNonNull(service, "service");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.views = new ConditionalOrderViews(catalog);
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(CONDITIONAL_ORDERS, Access.READ, this::list)
                .post(CONDITIONAL_ORDERS, Access.WRITE, this::create)
                .get(CONDITIONAL_ORDER, Access.READ, this::get)
                .delete(CONDITIONAL_ORDER, Access.WRITE, this::cancel);
    }

    private void create(Context ctx) {
        Actor actor = actor(ctx);
        ConditionalOrderRequest body = body(ctx, ConditionalOrderRequest.class);
        List<NewConditionalOrder> legs = ConditionalOrderInput.legs(body, catalog);
        List<ConditionalOrder> created;
        try {
            created = service.create(actor.userId(), legs);
        } catch (InvalidConditionalOrder e) {
            String field = body.legs() == null || !e.field().startsWith("quantity") ? e.field() : "legs";
            throw ApiProblem.validation(field, e.getMessage());
        }
        ctx.header("Location", CONDITIONAL_ORDERS + "/" + created.getFirst().id());
        if (body.legs() == null) {
            ctx.status(201).json(views.view(created.getFirst()));
        } else {
            ctx.status(201).json(new ItemsResponse<>(created.stream().map(views::view).toList()));
        }
    }

    private void list(Context ctx) {
        Actor actor = actor(ctx);
        Violations violations = new Violations();
        Integer marketId = TradingRequests.marketParam(ctx, catalog);
        ConditionalStatus status = TradingRequests.enumParam(ctx, "status", ConditionalStatus.class, violations);
        violations.throwIfAny();
        Long owner = TradingRequests.ownerFilter(ctx, actor, true);
        ConditionalFilter filter = new ConditionalFilter(owner, marketId, status);
        ctx.json(PageResponse.of(service.list(actor, filter, PageParameters.pageRequest(ctx)), views::view));
    }

    private void get(Context ctx) {
        ConditionalOrder order = service.find(actor(ctx), pathId(ctx, "id"))
                .orElseThrow(ConditionalOrderRoutes::unknown);
        ctx.json(views.view(order));
    }

    private void cancel(Context ctx) {
        ConditionalOrderService.Cancellation cancellation = service.cancel(actor(ctx), pathId(ctx, "id"))
                .orElseThrow(ConditionalOrderRoutes::unknown);
        if (!cancellation.cancelled()) {
            throw ApiProblem.of(ErrorCode.CONFLICT, "The conditional order is no longer armed: it is "
                    + cancellation.order().status() + ".");
        }
        ctx.json(views.view(cancellation.order()));
    }

    /** 404 for a conditional order that does not exist or is not the caller's: the same answer on purpose. */
    private static ApiProblem unknown() {
        return ApiProblem.notFound("There is no such conditional order.");
    }
}
