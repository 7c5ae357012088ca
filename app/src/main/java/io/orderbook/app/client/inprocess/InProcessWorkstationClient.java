package io.orderbook.app.client.inprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.conditional.ConditionalOrderInput;
import io.orderbook.adapters.http.conditional.ConditionalOrderViews;
import io.orderbook.adapters.http.orders.OrderInput;
import io.orderbook.adapters.http.orders.OrderResultView;
import io.orderbook.adapters.http.orders.OrderViews;
import io.orderbook.adapters.http.orders.PlaceOrderRequest;
import io.orderbook.adapters.http.orders.TradingProblems;
import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.trading.AccountListener;
import io.orderbook.app.client.trading.Balance;
import io.orderbook.app.client.trading.Book;
import io.orderbook.app.client.trading.Candle;
import io.orderbook.application.marketdata.CandleInterval;
import io.orderbook.app.client.trading.ConditionalOrder;
import io.orderbook.app.client.trading.ConditionalOrderRequest;
import io.orderbook.app.client.trading.Fill;
import io.orderbook.app.client.trading.Market;
import io.orderbook.app.client.trading.MarketStats;
import io.orderbook.app.client.trading.Order;
import io.orderbook.app.client.trading.OrderRequest;
import io.orderbook.app.client.trading.OrderResult;
import io.orderbook.app.client.trading.PublicTrade;
import io.orderbook.application.conditional.ConditionalFilter;
import io.orderbook.application.conditional.ConditionalOrderService;
import io.orderbook.application.conditional.InvalidConditionalOrder;
import io.orderbook.application.conditional.NewConditionalOrder;
import io.orderbook.application.markets.MarketTrades;
import io.orderbook.application.markets.MarketView;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.NewOrder;
import io.orderbook.application.orders.OrderFilter;
import io.orderbook.application.orders.OrderOutcome;
import io.orderbook.application.orders.OrderRecord;
import io.orderbook.application.orders.OrderStatus;
import io.orderbook.application.orders.TradeFilter;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.domain.conditional.ConditionalKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.Session;
import io.orderbook.app.client.WorkstationClient;
import io.orderbook.application.auth.TokenPair;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.bootstrap.EmbeddedServer;
import java.util.function.Supplier;

/**
 * The workstation's client in embedded mode: it calls server-core's application services directly, acting as
 * the logged-in user (an {@link Actor}), and gets live updates from the sequencer. The login goes through the
 * same checks (password, throttle, disabled users) as over HTTP.
 */
public final class InProcessWorkstationClient implements WorkstationClient {

    /** The address in-process calls are attributed to (login throttle, allow-lists). */
    public static final String LOCAL_ADDRESS = "127.0.0.1";

    private final EmbeddedServer server;
    private final Session session;
    private final Actor actor;
    private final ObjectMapper json = JsonHttp.newObjectMapper();

    private InProcessWorkstationClient(EmbeddedServer server, Session session, Actor actor) {
        this.server = server;
        this.session = session;
        this.actor = actor;
    }

    /**
     * Logs in: checks the password with the server's authentication service and identifies the user.
     *
     * @param server   the running embedded server
     * @param username the login name
     * @param password the password
     * @return a client acting as that user
     * @throws ClientException when the login is refused (wrong password, throttled, disabled user)
     */
    public static InProcessWorkstationClient login(EmbeddedServer server, String username, String password) {
        Session session = call(() -> {
            TokenPair tokens = server.identity().auth().login(username, password, LOCAL_ADDRESS);
            AuthenticationResult result = server.identity().authenticator()
                    .authenticate(new PresentedCredentials.BearerToken(tokens.accessToken()), LOCAL_ADDRESS);
            if (!(result instanceof AuthenticationResult.Authenticated(Caller.User user))) {
                throw new ClientException(401, "UNAUTHENTICATED", "Login failed", "The session was refused",
                        List.of());
            }
            UserAccount account = server.identity().auth().me(user.userId());
            return new Session(account.id(), account.username(), account.role().name());
        });
        return new InProcessWorkstationClient(server, session,
                new Actor(session.userId(), UserRole.valueOf(session.role())));
    }

    /**
     * The server, for the admin screens' calls.
     *
     * @return the embedded server this client calls
     */
    public EmbeddedServer server() {
        return server;
    }

    /**
     * The logged-in user as the services' actor.
     *
     * @return the actor every call of this client is made as
     */
    public Actor actor() {
        return actor;
    }

    /**
     * Runs a service call, turning the server's {@link ApiProblem} into the same {@link ClientException} an HTTP
     * client would get for it.
     *
     * @param <T>         what the call returns
     * @param serviceCall the call to run on the caller's thread
     * @return what the call returned
     * @throws ClientException when the service refused the call with an {@link ApiProblem}
     */
    public static <T> T call(Supplier<T> serviceCall) {
        try {
            return serviceCall.get();
        } catch (ApiProblem problem) {
            throw toClientException(problem);
        }
    }

    private static ClientException toClientException(ApiProblem problem) {
        return new ClientException(problem.code().status(), problem.code().name(), problem.code().title(),
                problem.detail(), problem.errors().stream()
                        .map(e -> new ClientException.FieldError(e.field(), e.message())).toList());
    }

    @Override
    public List<Market> markets() {
        return call(() -> server.markets().service().markets().stream().map(InProcessWorkstationClient::market)
                .toList());
    }

    static Market market(MarketView m) {
        int baseScale = m.base().scale();
        int quoteScale = m.quote().scale();
        return new Market(m.symbol(), m.base().code(), m.quote().code(), baseScale, quoteScale,
                BigDecimal.valueOf(m.tickSize(), quoteScale), BigDecimal.valueOf(m.lotSize(), baseScale),
                BigDecimal.valueOf(m.minNotional(), quoteScale), BigDecimal.valueOf(m.makerFeePpm(), 6),
                BigDecimal.valueOf(m.takerFeePpm(), 6), m.halted());
    }

    @Override
    public Book book(String market, int depth) {
        return call(() -> {
            server.markets().service().market(market);
            return LocalStreams.book(server, market, depth);
        });
    }

    @Override
    public List<PublicTrade> trades(String market, int limit) {
        return call(() -> {
            MarketTrades trades = server.markets().service().recentTrades(market, limit);
            int baseScale = trades.market().base().scale();
            int quoteScale = trades.market().quote().scale();
            return trades.trades().stream().map(t -> new PublicTrade(market, t.id(),
                    BigDecimal.valueOf(t.price(), quoteScale), BigDecimal.valueOf(t.quantity(), baseScale),
                    t.takerSide(), t.executedAt())).toList();
        });
    }

    @Override
    public OrderResult place(OrderRequest order) {
        return call(() -> {
            PlaceOrderRequest body = new PlaceOrderRequest(order.market(), order.side(), order.type(),
                    order.timeInForce(), text(order.price()), text(order.quantity()), text(order.quoteAmount()), null,
                    null, order.clientOrderId());
            NewOrder parsed = OrderInput.newOrder(body, catalog(), Clock.systemUTC());
            return result(server.trading().orders().place(actor.userId(), parsed, order.clientOrderId(), null));
        });
    }

    @Override
    public OrderResult amend(long orderId, BigDecimal price, BigDecimal quantity) {
        return call(() -> {
            OrderRecord order = server.trading().orders().own(actor.userId(), orderId)
                    .orElseThrow(TradingProblems::unknownOrder);
            TradedMarket m = catalog().byId(order.marketId()).orElseThrow(TradingProblems::unknownOrder);
            long newPrice = price == null ? order.price() : minor(price, m.quote().scale(), "price");
            long newQuantity = quantity == null ? order.quantity() : minor(quantity, m.base().scale(), "quantity");
            return result(server.trading().orders().amend(actor.userId(), orderId, newPrice, newQuantity, null));
        });
    }

    @Override
    public OrderResult cancel(long orderId) {
        return call(() -> result(server.trading().orders().cancel(actor.userId(), orderId, null)));
    }

    @Override
    public int cancelAll(String market) {
        return call(() -> {
            TradedMarket m = catalog().bySymbol(market).orElseThrow(() -> TradingProblems.unknownMarket(market));
            return server.trading().orders().cancelAll(actor.userId(), m.id()).size();
        });
    }

    @Override
    public OrderResult take(long orderId, BigDecimal quantity) {
        return call(() -> {
            long minor = 0;
            if (quantity != null) {
                int marketId = server.trading().orders().marketOf(orderId).orElseThrow(TradingProblems::unknownOrder);
                TradedMarket m = catalog().byId(marketId).orElseThrow(TradingProblems::unknownOrder);
                minor = minor(quantity, m.base().scale(), "quantity");
            }
            return result(server.trading().orders().take(actor.userId(), orderId, minor, null, null));
        });
    }

    @Override
    public OrderResult close(long orderId) {
        return call(() -> result(server.trading().orders().close(actor.userId(), orderId, null)));
    }

    @Override
    public List<Order> openOrders() {
        return orders(OrderStatus.OPEN, PageRequest.MAX_LIMIT);
    }

    @Override
    public List<Order> orderHistory(int limit) {
        return orders(null, limit);
    }

    private List<Order> orders(OrderStatus status, int limit) {
        return call(() -> {
            OrderFilter filter = new OrderFilter(actor.userId(), null, status, null, null, null, null);
            return server.trading().orders().list(actor, filter, new PageRequest(0, limit)).items().stream()
                    .map(o -> json.convertValue(views().order(o), Order.class)).toList();
        });
    }

    @Override
    public List<Fill> fills(int limit) {
        return call(() -> server.orderHistory().trades(actor.userId(), TradeFilter.ALL, new PageRequest(0, limit))
                .items().stream().map(t -> json.convertValue(views().fill(t), Fill.class)).toList());
    }

    @Override
    public List<Balance> balances() {
        return call(() -> LocalStreams.balances(server, actor.userId()));
    }

    /** The candles the {@code market-stats} job has stored, as {@code GET /markets/{symbol}/candles} gives them. */
    @Override
    public Optional<List<Candle>> candles(String market, CandleInterval interval, int limit) {
        return Optional.of(call(() -> {
            TradedMarket m = catalog().bySymbol(market).orElseThrow(() -> TradingProblems.unknownMarket(market));
                        Instant to = Instant.now();
            Instant from = to.minus(interval.width().multipliedBy(limit));
            int quote = m.quote().scale();
            int base = m.base().scale();
            return server.marketData().candles(m.id(), interval, from, to, limit).stream()
                    .map(c -> new Candle(c.openTime(), BigDecimal.valueOf(c.open(), quote),
                            BigDecimal.valueOf(c.high(), quote), BigDecimal.valueOf(c.low(), quote),
                            BigDecimal.valueOf(c.close(), quote), BigDecimal.valueOf(c.volume(), base)))
                    .toList();
        }));
    }

    /** The 24-hour statistics the {@code market-stats} job has computed, as {@code GET /markets/stats} gives them. */
    @Override
    public Optional<List<MarketStats>> stats() {
        return Optional.of(call(() -> server.marketData().allStats().stream()
                .flatMap(s -> catalog().byId(s.marketId()).stream().map(m -> {
                    int quote = m.quote().scale();
                    BigDecimal last = s.last().isPresent() ? BigDecimal.valueOf(s.last().getAsLong(), quote) : null;
                    BigDecimal change = s.change().isPresent() ? BigDecimal.valueOf(s.change().getAsLong(), quote) : null;
                    BigDecimal percent = change != null && s.open().isPresent() && s.open().getAsLong() > 0
                            ? change.movePointRight(2).divide(BigDecimal.valueOf(s.open().getAsLong(), quote), 2,
                                    java.math.RoundingMode.HALF_EVEN)
                            : null;
                    return new MarketStats(m.symbol(), last, change, percent,
                            BigDecimal.valueOf(s.volume(), m.base().scale()));
                })).toList()));
    }

    /** The user's own conditional orders, newest first, as {@code GET /conditional-orders?userId=} gives them. */
    @Override
    public List<ConditionalOrder> conditionalOrders() {
        return call(() -> conditional().list(actor, new ConditionalFilter(actor.userId(), null, null),
                        new PageRequest(0, PageRequest.MAX_LIMIT)).items().stream()
                .map(this::conditionalOrder).toList());
    }

    /** Checked by the same input rules as {@code POST /conditional-orders}, then armed for the user. */
    @Override
    public ConditionalOrder placeConditional(ConditionalOrderRequest request) {
        return call(() -> {
            ConditionalKind kind;
            try {
                kind = ConditionalKind.valueOf(request.kind());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.validation("kind", "must be one of STOP_LOSS, TAKE_PROFIT, TRAILING_STOP, TRIGGER");
            }
            var body = new io.orderbook.adapters.http.conditional.ConditionalOrderRequest(request.market(), kind,
                    request.side(), request.orderType(), text(request.triggerPrice()), text(request.limitPrice()),
                    text(request.trailingAmount()), null,
                    new io.orderbook.adapters.http.conditional.ConditionalOrderRequest.QuantityRequest(
                            request.quantity().rule(), text(request.quantity().value()), null),
                    null);
            List<NewConditionalOrder> legs = ConditionalOrderInput.legs(body, catalog());
            try {
                return conditionalOrder(conditional().create(actor.userId(), legs).getFirst());
            } catch (InvalidConditionalOrder e) {
                throw ApiProblem.validation(e.field(), e.getMessage());
            }
        });
    }

    /** Cancels an armed conditional order of the user's: 404 when it is not theirs, 409 when no longer armed. */
    @Override
    public void cancelConditional(long id) {
        call(() -> {
            var cancellation = conditional().cancel(actor, id)
                    .orElseThrow(() -> ApiProblem.notFound("There is no such conditional order."));
            if (!cancellation.cancelled()) {
                throw ApiProblem.of(ErrorCode.CONFLICT, "The conditional order is no longer armed: it is "
                        + cancellation.order().status() + ".");
            }
            return null;
        });
    }

    private ConditionalOrderService conditional() {
        return server.conditional().service();
    }

    /** The order as the HTTP API shows it, read into the client's form. */
    private ConditionalOrder conditionalOrder(io.orderbook.application.conditional.ConditionalOrder order) {
        return json.convertValue(new ConditionalOrderViews(catalog()).view(order), ConditionalOrder.class);
    }

    @Override
    public AutoCloseable onBook(String market, Consumer<Book> listener) {
        return LocalStreams.of(server).onBook(market, listener);
    }

    @Override
    public AutoCloseable onTrades(String market, Consumer<PublicTrade> listener) {
        return LocalStreams.of(server).onTrades(market, listener);
    }

    @Override
    public AutoCloseable onAccount(AccountListener listener) {
        return LocalStreams.of(server).onAccount(actor.userId(), listener);
    }

    private MarketCatalog catalog() {
        return server.trading().markets();
    }

    private OrderViews views() {
        return new OrderViews(catalog());
    }

    /** The answer as the HTTP edge gives it; a refusal is the same problem the HTTP edge answers with. */
    private OrderResult result(OrderOutcome outcome) {
        if (!outcome.succeeded()) {
            throw TradingProblems.of(outcome);
        }
        OrderResultView view = views().result(outcome);
        return new OrderResult(json.convertValue(view.order(), Order.class),
                view.closingOrder() == null ? null : json.convertValue(view.closingOrder(), Order.class),
                view.fills().stream().map(f -> json.convertValue(f, Fill.class)).toList());
    }

    private static long minor(BigDecimal amount, int scale, String field) {
        try {
            if (amount.signum() <= 0) {
                throw ApiProblem.validation(field, "must be positive");
            }
            return amount.setScale(scale, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw ApiProblem.validation(field, "has more decimals than the asset (" + scale + ") or is too large");
        }
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    static ApiProblem unknownMarket(String symbol) {
        return TradingProblems.unknownMarket(symbol);
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String serverDescription() {
        return "embedded (" + server.baseUri() + ")";
    }

    @Override
    public void close() {
        // The embedded server outlives sessions; Connector closes it when the workstation exits.
    }
}
