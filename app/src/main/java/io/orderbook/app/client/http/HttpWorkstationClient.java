package io.orderbook.app.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.Session;
import io.orderbook.app.client.WorkstationClient;
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
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The workstation's client for a remote server: JSON over HTTP and a WebSocket for the live streams. */
public final class HttpWorkstationClient implements WorkstationClient {

    private static final String ORDERS = "orders";
    private static final int PAGE = 500;

    private final JsonHttp http;
    private final Session session;
    private final URI serverUrl;
    private final HttpStreams streams;

    private HttpWorkstationClient(JsonHttp http, Session session, URI serverUrl) {
        this.http = http;
        this.session = session;
        this.serverUrl = serverUrl;
        this.streams = new HttpStreams(http);
    }

    /**
     * Logs in at the server and reads who the user is.
     *
     * @param serverUrl the server's base URL, e.g. {@code http://host:8080}
     * @param username  the login name
     * @param password  the password
     * @param clock     the clock used to renew the access token before it expires
     * @return a client for the logged-in user
     * @throws ClientException when the login is refused or the server cannot be reached
     */
    public static HttpWorkstationClient login(URI serverUrl, String username, String password, Clock clock) {
        JsonHttp http = new JsonHttp(serverUrl, clock);
        try {
            http.login(username, password);
            JsonNode user = http.get("auth/me", Map.of()).path("user");
            Session session = new Session(user.path("id").asLong(), user.path("username").asText(username),
                    user.path("role").asText("TRADER"));
            return new HttpWorkstationClient(http, session, serverUrl);
        } catch (ClientException | IllegalArgumentException e) {
            http.close();
            throw e;
        }
    }

    /**
     * The JSON helper, for the admin screens' calls.
     *
     * @return the logged-in HTTP helper this client uses
     */
    public JsonHttp http() {
        return http;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String serverDescription() {
        return serverUrl.toString();
    }

    @Override
    public List<Market> markets() {
        return http.convertList(http.get("markets", Map.of()).path("items"), n -> http.convert(n, Market.class));
    }

    @Override
    public Book book(String market, int depth) {
        return http.convert(http.get("markets/" + JsonHttp.segment(market) + "/book", Map.of("depth", depth)),
                Book.class);
    }

    @Override
    public List<PublicTrade> trades(String market, int limit) {
        JsonNode answer = http.get("markets/" + JsonHttp.segment(market) + "/trades", Map.of("limit", limit));
        return http.convertList(answer.path("trades"), n -> new PublicTrade(market, n.path("id").asLong(),
                new BigDecimal(n.path("price").asText()), new BigDecimal(n.path("quantity").asText()),
                Side.valueOf(n.path("takerSide").asText()), Instant.parse(n.path("executedAt").asText())));
    }

    @Override
    public OrderResult place(OrderRequest order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", order.market());
        body.put("side", order.side());
        body.put("type", order.type());
        if (order.timeInForce() != null) body.put("timeInForce", order.timeInForce());
        if (order.price() != null) body.put("price", order.price().toPlainString());
        if (order.quantity() != null) body.put("quantity", order.quantity().toPlainString());
        if (order.quoteAmount() != null) body.put("quoteAmount", order.quoteAmount().toPlainString());
        if (order.clientOrderId() != null) body.put("clientOrderId", order.clientOrderId());
        return result(http.post(ORDERS, body));
    }

    @Override
    public OrderResult amend(long orderId, BigDecimal price, BigDecimal quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (price != null) body.put("price", price.toPlainString());
        if (quantity != null) body.put("quantity", quantity.toPlainString());
        return result(http.patch(ORDERS + "/" + orderId, body));
    }

    @Override
    public OrderResult cancel(long orderId) {
        return result(http.delete(ORDERS + "/" + orderId, Map.of()));
    }

    @Override
    public int cancelAll(String market) {
        return http.delete(ORDERS, Map.of("market", market)).path("cancelled").asInt();
    }

    @Override
    public OrderResult take(long orderId, BigDecimal quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (quantity != null) body.put("quantity", quantity.toPlainString());
        return result(http.post(ORDERS + "/" + orderId + "/take", body));
    }

    @Override
    public OrderResult close(long orderId) {
        return result(http.post(ORDERS + "/" + orderId + "/close", null));
    }

    @Override
    public List<Order> openOrders() {
        return orders(Map.of("status", "OPEN", "limit", PAGE));
    }

    @Override
    public List<Order> orderHistory(int limit) {
        return orders(Map.of("limit", limit));
    }

    private List<Order> orders(Map<String, ?> query) {
        return http.convertList(http.get(ORDERS, query).path("items"), n -> http.convert(n, Order.class));
    }

    @Override
    public List<Fill> fills(int limit) {
        return http.convertList(http.get("trades", Map.of("limit", limit)).path("items"),
                n -> http.convert(n, Fill.class));
    }

    @Override
    public List<Balance> balances() {
        return http.convertList(http.get("balances", Map.of()).path("balances"), n -> http.convert(n, Balance.class));
    }

    @Override
    public Optional<List<Candle>> candles(String market, CandleInterval interval, int limit) {
        return optional(() -> {
            JsonNode answer = http.get("markets/" + JsonHttp.segment(market) + "/candles",
                    Map.of("interval", interval.code(), "limit", limit));
            JsonNode items = answer.has("candles") ? answer.path("candles") : answer.path("items");
            List<Candle> candles = new ArrayList<>(http.convertList(items.isMissingNode() ? answer : items,
                    n -> http.convert(n, Candle.class)));
            candles.sort(java.util.Comparator.comparing(Candle::openTime));
            return candles;
        });
    }

    @Override
    public Optional<List<MarketStats>> stats() {
        return optional(() -> {
            JsonNode answer = http.get("markets/stats", Map.of());
            JsonNode items = answer.has("items") ? answer.path("items") : answer;
            return http.convertList(items, n -> http.convert(n, MarketStats.class));
        });
    }

    @Override
    public List<ConditionalOrder> conditionalOrders() {
        // An administrator would get everyone's without the userId filter.
        JsonNode answer = http.get("conditional-orders", Map.of("userId", session.userId(), "limit", PAGE));
        return http.convertList(answer.path("items"), n -> http.convert(n, ConditionalOrder.class));
    }

    @Override
    public ConditionalOrder placeConditional(ConditionalOrderRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", request.market());
        body.put("kind", request.kind());
        body.put("side", request.side());
        body.put("orderType", request.orderType());
        if (request.triggerPrice() != null) body.put("triggerPrice", request.triggerPrice().toPlainString());
        if (request.limitPrice() != null) body.put("limitPrice", request.limitPrice().toPlainString());
        if (request.trailingAmount() != null) body.put("trailingAmount", request.trailingAmount().toPlainString());
        body.put("quantity", Map.of("rule", request.quantity().rule(), "value", request.quantity().value().toPlainString()));
        return http.convert(http.post("conditional-orders", body), ConditionalOrder.class);
    }

    @Override
    public void cancelConditional(long id) {
        http.delete("conditional-orders/" + id, Map.of());
    }

    @Override
    public AutoCloseable onBook(String market, Consumer<Book> listener) {
        return streams.onBook(market, listener);
    }

    @Override
    public AutoCloseable onTrades(String market, Consumer<PublicTrade> listener) {
        return streams.onTrades(market, listener);
    }

    @Override
    public AutoCloseable onAccount(AccountListener listener) {
        return streams.onAccount(listener);
    }

    private OrderResult result(JsonNode answer) {
        Order order = http.convert(answer.path("order"), Order.class);
        Order closing = answer.hasNonNull("closingOrder") ? http.convert(answer.path("closingOrder"), Order.class) : null;
        return new OrderResult(order, closing, http.convertList(answer.path("fills"), n -> http.convert(n, Fill.class)));
    }

    /** Whether a refusal means the server has no such route (an older server), not a refused request. */
    private static boolean missingRoute(ClientException e) {
        return "NOT_FOUND".equals(e.code()) || e.status() == 405 || e.status() == 501;
    }

    private static <T> Optional<T> optional(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (ClientException e) {
            if (missingRoute(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        streams.close();
        http.close();
    }
}
