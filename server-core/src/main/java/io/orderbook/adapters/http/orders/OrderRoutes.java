package io.orderbook.adapters.http.orders;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;
import static io.orderbook.adapters.http.identity.IdentityRequests.body;
import static io.orderbook.adapters.http.identity.IdentityRequests.optionalBody;
import static io.orderbook.adapters.http.identity.IdentityRequests.pathId;
import static io.orderbook.adapters.http.orders.TradingRequests.guarded;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.QueryParameters;
import io.orderbook.adapters.http.identity.PageParameters;
import io.orderbook.adapters.http.identity.PageResponse;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.NewOrder;
import io.orderbook.application.orders.OrderFilter;
import io.orderbook.application.orders.OrderOutcome;
import io.orderbook.application.orders.OrderRecord;
import io.orderbook.application.orders.OrderService;
import io.orderbook.application.orders.OrderStatus;
import io.orderbook.application.orders.Retry;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.model.Side;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code /orders}: users place, list, amend, cancel and close their own orders, and take other users' resting
 * orders; administrators also read everyone's. Each write answers only once its effects are durable, with the
 * order as the command left it plus the caller's fills and events ({@link OrderResultView}). An
 * {@code Idempotency-Key} makes a write safe to retry: the same key with the same request gets the stored first
 * answer (marked {@code Idempotent-Replayed: true}), with a different request 422 {@code IDEMPOTENCY_KEY_REUSED}.
 */
public final class OrderRoutes implements HttpRoutes {

    static final String ORDERS = ApiPaths.V1 + "/orders";
    static final String ORDER = ORDERS + "/{id}";

    private final OrderService orders;
    private final MarketCatalog catalog;
    private final OrderViews views;
    private final Clock clock;

    /**
     * Routes over the order service.
     *
     * @param orders  submits order commands and reads order history
     * @param catalog the markets, for symbols and asset scales
     * @param clock   the time a GTD expiry must lie after
     */
    public OrderRoutes(OrderService orders, MarketCatalog catalog, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.views = new OrderViews(catalog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(ORDERS, Access.READ, this::list)
                .post(ORDERS, Access.WRITE, guarded(this::place))
                .delete(ORDERS, Access.WRITE, guarded(this::cancelAll))
                .get(ORDER, Access.READ, this::get)
                .patch(ORDER, Access.WRITE, guarded(this::amend))
                .delete(ORDER, Access.WRITE, guarded(this::cancel))
                .post(ORDER + "/take", Access.WRITE, guarded(this::take))
                .post(ORDER + "/close", Access.WRITE, guarded(this::close));
    }

    private void place(Context ctx) {
        Actor actor = actor(ctx);
        PlaceOrderRequest body = body(ctx, PlaceOrderRequest.class);
        NewOrder order = OrderInput.newOrder(body, catalog, clock);
        Retry retry = TradingRequests.retry(ctx, OrderInput.canonical(order, body.clientOrderId()));
        OrderOutcome outcome = orders.place(actor.userId(), order, body.clientOrderId(), retry);
        answer(ctx, outcome, 201);
    }

    private void list(Context ctx) {
        Actor actor = actor(ctx);
        Violations violations = new Violations();
        Integer marketId = TradingRequests.marketParam(ctx, catalog);
        OrderStatus status = TradingRequests.enumParam(ctx, "status", OrderStatus.class, violations);
        Side side = TradingRequests.enumParam(ctx, "side", Side.class, violations);
        Instant from = QueryParameters.instant(ctx, "from", violations);
        Instant to = QueryParameters.instant(ctx, "to", violations);
        QueryParameters.checkRange(from, to, violations);
        String clientOrderId = ctx.queryParam("clientOrderId");
        violations.throwIfAny();
        Long owner = TradingRequests.ownerFilter(ctx, actor, true);
        OrderFilter filter = new OrderFilter(owner, marketId, status, side, clientOrderId, from, to);
        ctx.json(PageResponse.of(orders.list(actor, filter, PageParameters.pageRequest(ctx)), views::order));
    }

    private void get(Context ctx) {
        OrderRecord order = orders.find(actor(ctx), pathId(ctx, "id")).orElseThrow(TradingProblems::unknownOrder);
        ctx.json(views.order(order));
    }

    private void amend(Context ctx) {
        Actor actor = actor(ctx);
        long id = pathId(ctx, "id");
        AmendOrderRequest body = body(ctx, AmendOrderRequest.class);
        if (body.price() == null && body.quantity() == null) {
            throw ApiProblem.validation("body", "must set price, quantity or both");
        }
        // The order's market gives the scales; an ended order of the caller still goes to the sequencer, so that a
        // retry of an amendment that succeeded gets its stored answer rather than "not open".
        OrderRecord order = orders.own(actor.userId(), id).orElseThrow(TradingProblems::unknownOrder);
        TradedMarket market = views.market(order.marketId());
        Violations violations = new Violations();
        long price = order.price();
        long quantity = order.quantity();
        if (body.price() != null) {
            price = OrderInput.amount(body.price(), "price", market.quote().scale(), violations);
            if (price > 0 && price % market.market().tickSize() != 0) {
                violations.add("price", "must be a multiple of the tick size "
                        + views.quoteText(market, market.market().tickSize()));
            }
        }
        if (body.quantity() != null) {
            quantity = OrderInput.amount(body.quantity(), "quantity", market.base().scale(), violations);
            if (quantity > 0 && quantity % market.market().lotSize() != 0) {
                violations.add("quantity", "must be a multiple of the lot size "
                        + views.baseText(market, market.market().lotSize()));
            }
        }
        if (price > 0 && quantity > 0 && OrderInput.tooValuable(price, quantity, market.market().baseScale())) {
            violations.add("quantity", "makes the order's value too large");
        }
        violations.throwIfAny();
        Retry retry = TradingRequests.retry(ctx, "PATCH /orders/" + id + "\nprice="
                + (body.price() == null ? "" : price) + "\nquantity=" + (body.quantity() == null ? "" : quantity));
        answer(ctx, orders.amend(actor.userId(), id, price, quantity, retry), 200);
    }

    private void cancel(Context ctx) {
        Actor actor = actor(ctx);
        long id = pathId(ctx, "id");
        Retry retry = TradingRequests.retry(ctx, "DELETE /orders/" + id);
        answer(ctx, orders.cancel(actor.userId(), id, retry), 200);
    }

    private void take(Context ctx) {
        Actor actor = actor(ctx);
        long target = pathId(ctx, "id");
        TakeOrderRequest body = optionalBody(ctx, TakeOrderRequest.class, TakeOrderRequest.ALL);
        Violations violations = new Violations();
        long quantity = 0;
        if (body.quantity() != null) {
            // Only the market's lot and scale are looked at; nothing of the order's owner is read or revealed.
            TradedMarket market = views.market(orders.marketOf(target).orElseThrow(TradingProblems::unknownOrder));
            quantity = OrderInput.amount(body.quantity(), "quantity", market.base().scale(), violations);
            if (quantity > 0 && quantity % market.market().lotSize() != 0) {
                violations.add("quantity", "must be a multiple of the lot size "
                        + views.baseText(market, market.market().lotSize()));
            }
        }
        if (body.clientOrderId() != null && !TradingRequests.isValidClientOrderId(body.clientOrderId())) {
            violations.add("clientOrderId", "must be 1 to 64 visible ASCII characters");
        }
        violations.throwIfAny();
        Retry retry = TradingRequests.retry(ctx, "POST /orders/" + target + "/take\nquantity=" + quantity
                + "\nclientOrderId=" + body.clientOrderId());
        answer(ctx, orders.take(actor.userId(), target, quantity, body.clientOrderId(), retry), 200);
    }

    private void close(Context ctx) {
        Actor actor = actor(ctx);
        long id = pathId(ctx, "id");
        Retry retry = TradingRequests.retry(ctx, "POST /orders/" + id + "/close");
        answer(ctx, orders.close(actor.userId(), id, retry), 200);
    }

    /** Cancel-all is idempotent by nature (a repeat cancels what is open then), so it takes no Idempotency-Key. */
    private void cancelAll(Context ctx) {
        Actor actor = actor(ctx);
        String symbol = ctx.queryParam("market");
        if (symbol == null || symbol.isBlank()) {
            throw ApiProblem.validation("market", "is required: the symbol of the market to cancel your orders in");
        }
        TradedMarket market = TradingRequests.market(catalog, symbol);
        List<OrderOutcome> cancelled = orders.cancelAll(actor.userId(), market.id());
        ctx.json(new CancelAllView(market.symbol(), cancelled.size(),
                cancelled.stream().map(outcome -> views.state(outcome.order().orElseThrow())).toList()));
    }

    private void answer(Context ctx, OrderOutcome outcome, int status) {
        if (!outcome.succeeded()) {
            throw TradingProblems.of(outcome);
        }
        if (outcome.replayed()) {
            ctx.header(TradingProblems.REPLAYED_HEADER, "true");
        }
        if (status == 201) {
            ctx.header("Location", ORDERS + "/" + outcome.orderId());
        }
        ctx.status(status).json(views.result(outcome));
    }
}
