package io.orderbook.adapters.http.conditional;

import static io.orderbook.adapters.http.orders.TradingTestServer.BTC;
import static io.orderbook.adapters.http.orders.TradingTestServer.USDT;
import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.adapters.persistence.conditional.PostgresConditionalOrders;
import io.orderbook.application.conditional.ConditionalOrder;
import io.orderbook.application.conditional.ConditionalOrderModule;
import io.orderbook.application.conditional.ConditionalOrderStore;
import io.orderbook.application.conditional.NewConditionalOrder;
import io.orderbook.application.orders.NewOrder;
import io.orderbook.application.orders.OrderOutcome;
import io.orderbook.application.orders.Retry;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.domain.conditional.ConditionalKind;
import io.orderbook.domain.conditional.QuantityRule;
import io.orderbook.domain.conditional.TrailingOffset;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Conditional orders fired by price events through {@link PriceObserver#onPrices}, against real PostgreSQL, Redis
 * and the real sequencer: every kind at its price, every quantity rule, funds checked when firing, one-cancels-the-
 * other, and exactly one placed order per firing whatever is repeated (ticks, instances, a crash after the claim).
 * Each test trades in a book of its own, with a maker resting a bid at 49,900 and an ask at 50,100.
 */
class ConditionalOrderFiringTest {
    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    static final int BOOKS = 20;
    @AutoClose static final ConditionalTestServer server = start();
    static final AtomicInteger books = new AtomicInteger();

    private static ConditionalTestServer start() {
        TradingTestServer.installMarkets(db.database(), BOOKS);
        return new ConditionalTestServer(db.database(), redis.client(), clock);
    }

    /** A book of its own, with a maker's bid at 49,900 and ask at 50,100 (10 BTC each). */
    static String book() {
        int n = books.incrementAndGet();
        assertThat(n).isLessThanOrEqualTo(BOOKS);
        String symbol = TradingTestServer.separateBook(n).symbol();
        Trader maker = funded("maker", "1000000", "100");
        rest(maker, symbol, "BUY", "49900", "10");
        rest(maker, symbol, "SELL", "50100", "10");
        return symbol;
    }

    static int marketIdOf(String book) {
        for (int n = 1; n <= BOOKS; n++) {
            if (TradingTestServer.separateBook(n).symbol().equals(book)) {
                return TradingTestServer.separateBook(n).id();
            }
        }
        throw new IllegalArgumentException(book);
    }

    static Trader funded(String name, String usdt, String btc) {
        Trader trader = server.trading.trader(name);
        if (!usdt.equals("0")) {
            server.trading.deposit(trader, USDT, usdt);
        }
        if (!btc.equals("0")) {
            server.trading.deposit(trader, BTC, btc);
        }
        return trader;
    }

    static long rest(Trader trader, String market, String side, String price, String quantity) {
        HttpResponse<String> response = server.trading.request("POST", "/orders").as(trader)
                .json(Map.of("market", market, "side", side, "type", "LIMIT", "price", price, "quantity", quantity))
                .send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).at("/order/id").asLong();
    }

    static Map<String, Object> order(String market, String kind, String side, Map<String, Object> quantity,
                                     Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", market);
        body.put("kind", kind);
        body.put("side", side);
        body.put("quantity", quantity);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static Map<String, Object> base(String value) {
        return Map.of("rule", "BASE", "value", value);
    }

    static JsonNode create(Trader trader, Map<String, Object> body) {
        HttpResponse<String> response = server.request("POST", "/conditional-orders").as(trader).json(body).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** A one-cancels-the-other pair selling 0.5: a stop-loss at 45,000 and a take-profit at 55,000; its legs. */
    static JsonNode stopLossAndTakeProfit(Trader trader, String book) {
        Map<String, Object> body = Map.of("market", book, "legs", List.of(
                Map.of("kind", "STOP_LOSS", "side", "SELL", "triggerPrice", "45000", "quantity", base("0.5")),
                Map.of("kind", "TAKE_PROFIT", "side", "SELL", "triggerPrice", "55000", "quantity", base("0.5"))));
        return create(trader, body).get("items");
    }

    static JsonNode get(Trader trader, long id) {
        HttpResponse<String> response = server.request("GET", "/conditional-orders/" + id).as(trader).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static JsonNode placed(Trader trader, JsonNode conditional) {
        HttpResponse<String> response = server.trading.request("GET", "/orders/" + conditional.get("placedOrderId").asLong())
                .as(trader).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static PriceTick tick(String token, String price) {
        return new PriceTick(UUID.randomUUID().toString(), token, new BigDecimal(price), clock.instant(), "test");
    }

    static void feed(String token, String... prices) {
        for (String price : prices) {
            deliver(server.module, List.of(tick(token, price)));
        }
    }

    /** Hands the ticks to an instance and waits until the orders they claimed are placed: firing is asynchronous. */
    static void deliver(ConditionalOrderModule instance, List<PriceTick> ticks) {
        instance.priceObserver().onPrices(ticks);
        instance.service().awaitFirings();
    }

    static int ordersOf(Trader trader) {
        return json(server.trading.request("GET", "/orders").as(trader).send()).get("items").size();
    }

    @Test
    void aStopLossSellsAtMarketOnceThePriceFallsToItsTrigger() {
        String book = book();
        Trader trader = funded("stop", "0", "1");
        long id = create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "49000")).get("id").asLong();
        feed(book, "49500", "49000.01");
        assertThat(get(trader, id).get("status").asText()).isEqualTo("ARMED");
        feed(book, "49000");
        JsonNode fired = get(trader, id);
        assertThat(fired.get("status").asText()).isEqualTo("FIRED");
        assertThat(fired.get("firedPrice").asText()).isEqualTo("49000.000000");
        JsonNode order = placed(trader, fired);
        assertThat(order.get("type").asText()).isEqualTo("MARKET");
        assertThat(order.get("side").asText()).isEqualTo("SELL");
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
        assertThat(order.get("filledQuantity").asText()).isEqualTo("0.10000000");
        assertThat(order.get("clientOrderId").asText()).isEqualTo("cond-" + id);
    }

    @Test
    void aTakeProfitPlacesItsLimitOrderOnceThePriceRisesToItsTrigger() {
        String book = book();
        Trader trader = funded("profit", "0", "1");
        long id = create(trader, order(book, "TAKE_PROFIT", "SELL", base("0.2"), "triggerPrice", "52000",
                "orderType", "LIMIT", "limitPrice", "51900")).get("id").asLong();
        feed(book, "51999.99");
        assertThat(get(trader, id).get("status").asText()).isEqualTo("ARMED");
        feed(book, "52500");
        JsonNode order = placed(trader, get(trader, id));
        assertThat(order.get("type").asText()).isEqualTo("LIMIT");
        assertThat(order.get("price").asText()).isEqualTo("51900.000000");
        assertThat(order.get("status").asText()).isEqualTo("OPEN");
        assertThat(order.get("quantity").asText()).isEqualTo("0.20000000");
    }

    @Test
    void aTrailingStopByPercentFollowsTheHighestPriceAndFiresThatFarBelowIt() {
        String book = book();
        feed(book, "50000");
        Trader trader = funded("trail", "0", "1");
        long id = create(trader, order(book, "TRAILING_STOP", "SELL", base("0.1"), "trailingPercent", "2"))
                .get("id").asLong();
        assertThat(get(trader, id).get("trailingBest").asText()).isEqualTo("50000.000000");
        // Up to 52,000: the trigger follows to 50,960. 49,100 would have fired at the start; it no longer needs to.
        feed(book, "51000", "52000", "51500", "50961");
        assertThat(get(trader, id).get("status").asText()).isEqualTo("ARMED");
        // The best price so far is stored, so that a restarted instance trails on from 52,000.
        assertThat(server.module.service().persistTrailingBest()).isPositive();
        assertThat(get(trader, id).get("trailingBest").asText()).isEqualTo("52000.000000");
        ConditionalOrderModule restarted = server.anotherInstance(ConditionalOrderModule.Settings.defaults());
        // From the best price at arming (50,000) the trigger would be 49,000; from the stored 52,000 it is 50,960.
        deliver(restarted, List.of(tick(book, "50960")));
        assertThat(get(trader, id).get("status").asText()).isEqualTo("FIRED");
        feed(book, "50960");
        JsonNode fired = get(trader, id);
        assertThat(fired.get("status").asText()).isEqualTo("FIRED");
        assertThat(fired.get("firedPrice").asText()).isEqualTo("50960.000000");
    }

    @Test
    void moreTrailingStopsThanOneTransactionSavesAreAllStored() {
        String book = book();
        int marketId = marketIdOf(book);
        feed(book, "50000");
        server.module.service().persistTrailingBest(); // what earlier tests left moved
        // 1,200 stops, more than one save's 1,000 (and a user may have at most 1,000 armed).
        List<Long> ids = new java.util.ArrayList<>();
        for (Trader trader : List.of(funded("trails-a", "0", "1"), funded("trails-b", "0", "1"))) {
            for (int i = 0; i < 600; i++) {
                NewConditionalOrder stop = new NewConditionalOrder(marketId, ConditionalKind.TRAILING_STOP, Side.SELL,
                        OrderType.MARKET, null, null, TrailingOffset.PERCENT, 10_000L, new QuantityRule.BaseQuantity(100_000));
                ids.add(server.module.service().create(trader.id(), List.of(stop)).getFirst().id());
            }
        }
        feed(book, "51000");
        assertThat(server.module.service().persistTrailingBest()).isEqualTo(1_200);
        ConditionalOrderStore store = new PostgresConditionalOrders(db.database().dataSource());
        assertThat(ids).allSatisfy(id -> assertThat(store.find(id).orElseThrow().trailingBest())
                .isEqualTo(51_000_000_000L));
        assertThat(server.module.service().persistTrailingBest()).isZero();
    }

    @Test
    void aTrailingBuyStopByAmountFollowsTheLowestPriceAndFiresThatFarAboveIt() {
        String book = book();
        feed(book, "50000");
        Trader trader = funded("trailbuy", "100000", "0");
        long id = create(trader, order(book, "TRAILING_STOP", "BUY", base("0.1"), "trailingAmount", "500"))
                .get("id").asLong();
        feed(book, "49000", "48000", "48499.99");
        assertThat(get(trader, id).get("status").asText()).isEqualTo("ARMED");
        feed(book, "48500");
        JsonNode order = placed(trader, get(trader, id));
        assertThat(order.get("side").asText()).isEqualTo("BUY");
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
    }

    @Test
    void aTriggerOrderBuysWithAQuoteNotionalWhenThePriceFallsToIt() {
        String book = book();
        Trader trader = funded("entry", "10000", "0");
        long id = create(trader, order(book, "TRIGGER", "BUY", Map.of("rule", "QUOTE", "value", "1000"),
                "triggerPrice", "48000")).get("id").asLong();
        feed(book, "48000.01");
        assertThat(get(trader, id).get("status").asText()).isEqualTo("ARMED");
        feed(book, "47990");
        JsonNode order = placed(trader, get(trader, id));
        assertThat(order.get("side").asText()).isEqualTo("BUY");
        // A quote-sized market buy: it may spend 1,000 USDT, fees included.
        assertThat(order.get("quoteAmount").asText()).isEqualTo("1000.000000");
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
    }

    @Test
    void aBalancePercentSellsThatShareOfTheAvailableBalanceWhenItFires() {
        String book = book();
        Trader trader = funded("share", "0", "2");
        long id = create(trader, order(book, "STOP_LOSS", "SELL", Map.of("rule", "BALANCE_PERCENT", "value", "25"),
                "triggerPrice", "45000")).get("id").asLong();
        // The balance grows after arming: the share is of what is available when it fires.
        server.trading.deposit(trader, BTC, "2");
        feed(book, "45000");
        assertThat(placed(trader, get(trader, id)).get("quantity").asText()).isEqualTo("1.00000000");
    }

    @Test
    void aFilledPercentProtectsThatShareOfWhatAnOrderFilled() {
        String book = book();
        Trader trader = funded("protect", "100000", "0");
        HttpResponse<String> bought = server.trading.request("POST", "/orders").as(trader)
                .json(Map.of("market", book, "side", "BUY", "type", "MARKET", "quantity", "0.4")).send();
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
        long entry = json(bought).at("/order/id").asLong();
        long id = create(trader, order(book, "STOP_LOSS", "SELL",
                Map.of("rule", "FILLED_PERCENT", "value", "50", "orderId", entry), "triggerPrice", "45000"))
                .get("id").asLong();
        feed(book, "44000");
        assertThat(placed(trader, get(trader, id)).get("quantity").asText()).isEqualTo("0.20000000");
    }

    @Test
    void anOrderThatCannotBeFundedWhenItFiresFailsWithTheReason() {
        String book = book();
        Trader trader = funded("broke", "10", "0");
        long id = create(trader, order(book, "STOP_LOSS", "SELL", base("1"), "triggerPrice", "45000")).get("id").asLong();
        feed(book, "44000");
        JsonNode failed = get(trader, id);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.get("placedOrderId").isNull()).isTrue();
        assertThat(ordersOf(trader)).isZero();
    }

    @Test
    void whenOneLegOfAPairFiresTheOtherIsCancelled() {
        String book = book();
        Trader trader = funded("oco", "0", "1");
        JsonNode legs = stopLossAndTakeProfit(trader, book);
        long stop = legs.get(0).get("id").asLong();
        long profit = legs.get(1).get("id").asLong();
        assertThat(legs.get(0).get("ocoId").asLong()).isEqualTo(profit);
        feed(book, "55000");
        assertThat(get(trader, profit).get("status").asText()).isEqualTo("FIRED");
        JsonNode cancelled = get(trader, stop);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reason").asText()).isEqualTo("OCO_SIBLING_FIRED");
        feed(book, "40000");
        assertThat(ordersOf(trader)).isEqualTo(1);
    }

    @Test
    void whenBothLegsOfAPairCrossInOneBatchOnlyTheFirstFires() {
        String book = book();
        Trader trader = funded("oco-batch", "0", "1");
        JsonNode legs = stopLossAndTakeProfit(trader, book);
        long stop = legs.get(0).get("id").asLong();
        long profit = legs.get(1).get("id").asLong();
        // One claim decides both: the leg with the smaller id fires, the other is its cancelled sibling.
        deliver(server.module, List.of(tick(book, "56000"), tick(book, "44000")));
        JsonNode fired = get(trader, stop);
        assertThat(fired.get("status").asText()).isEqualTo("FIRED");
        assertThat(fired.get("firedPrice").asText()).isEqualTo("44000.000000");
        JsonNode cancelled = get(trader, profit);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reason").asText()).isEqualTo("OCO_SIBLING_FIRED");
        assertThat(cancelled.get("firedPrice").isNull()).isTrue();
        assertThat(ordersOf(trader)).isEqualTo(1);
    }

    @Test
    void pricesReturnOnceTheClaimIsDurableAndTheOrderIsPlacedAfterwards() {
        String book = book();
        Trader trader = funded("async", "0", "1");
        long id = create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "49000")).get("id").asLong();
        server.module.priceObserver().onPrices(List.of(tick(book, "48500")));
        // Claimed before onPrices returned (the consumer commits then); placing may still be under way.
        assertThat(get(trader, id).get("status").asText()).isIn("TRIGGERED", "FIRED");
        server.module.service().awaitFirings();
        assertThat(get(trader, id).get("status").asText()).isEqualTo("FIRED");
        assertThat(ordersOf(trader)).isEqualTo(1);
    }

    @Test
    void theSameTicksDeliveredTwiceFireOnce() {
        String book = book();
        Trader trader = funded("twice", "0", "1");
        long id = create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "49000")).get("id").asLong();
        List<PriceTick> ticks = List.of(tick(book, "49500"), tick(book, "48000"), tick(book, "47000"));
        deliver(server.module, ticks);
        deliver(server.module, ticks);
        // A restarted consumer on a freshly built index gets them once more.
        ConditionalOrderModule restarted = server.anotherInstance(ConditionalOrderModule.Settings.defaults());
        deliver(restarted, ticks);
        assertThat(get(trader, id).get("status").asText()).isEqualTo("FIRED");
        assertThat(get(trader, id).get("firedPrice").asText()).isEqualTo("48000.000000");
        assertThat(ordersOf(trader)).isEqualTo(1);
    }

    @Test
    void twoInstancesGivenTheSameTickAtOnceFireOnce() throws Exception {
        String book = book();
        ConditionalOrderModule second = server.anotherInstance(ConditionalOrderModule.Settings.defaults());
        Trader trader = funded("pair", "0", "5");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "49000"))
                    .get("id").asLong());
        }
        // The other instance learns of them through Redis.
        Eventually.await(Duration.ofSeconds(10), "second instance armed them",
                () -> second.service().armedCount() >= 10);
        List<PriceTick> same = List.of(tick(book, "48000"));
        CountDownLatch go = new CountDownLatch(1);
        Thread a = Thread.ofPlatform().start(() -> awaitThen(go, () -> deliver(server.module, same)));
        Thread b = Thread.ofPlatform().start(() -> awaitThen(go, () -> deliver(second, same)));
        go.countDown();
        a.join();
        b.join();
        for (long id : ids) {
            assertThat(get(trader, id).get("status").asText()).isEqualTo("FIRED");
        }
        assertThat(ordersOf(trader)).isEqualTo(10);
    }

    @Test
    void concurrentClaimsOfTheSameCrossingsClaimEachOrderOnceAndCancelEachPairsOtherLegOnce() throws Exception {
        String book = book();
        Trader trader = funded("claims", "0", "0");
        List<Long> singles = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            singles.add(create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "1000"))
                    .get("id").asLong());
        }
        List<long[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            JsonNode legs = stopLossAndTakeProfit(trader, book);
            pairs.add(new long[] {legs.get(0).get("id").asLong(), legs.get(1).get("id").asLong()});
        }
        List<ConditionalOrderStore.Crossing> crossings = new java.util.ArrayList<>();
        singles.forEach(id -> crossings.add(new ConditionalOrderStore.Crossing(id, 900_000_000L, "e3")));
        pairs.forEach(pair -> {
            crossings.add(new ConditionalOrderStore.Crossing(pair[0], 900_000_000L, "e3"));
            crossings.add(new ConditionalOrderStore.Crossing(pair[1], 900_000_000L, "e3"));
        });
        ConditionalOrderStore store = new PostgresConditionalOrders(db.database().dataSource());
        List<ConditionalOrderStore.Claims> claims = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<ConditionalOrderStore.Crossing> mine = new java.util.ArrayList<>(crossings);
            java.util.Collections.shuffle(mine, new java.util.Random(t));
            threads.add(Thread.ofPlatform().start(() -> awaitThen(go, () -> claims.add(store.claim(mine, clock.instant())))));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> triggered = claims.stream().flatMap(c -> c.triggered().stream()).map(ConditionalOrder::id).toList();
        List<Long> cancelled = claims.stream().flatMap(c -> c.cancelledSiblings().stream()).toList();
        List<Long> expectedTriggered = new java.util.ArrayList<>(singles);
        pairs.forEach(pair -> expectedTriggered.add(Math.min(pair[0], pair[1])));
        assertThat(triggered).containsExactlyInAnyOrderElementsOf(expectedTriggered);
        assertThat(cancelled).containsExactlyInAnyOrderElementsOf(
                pairs.stream().map(pair -> Math.max(pair[0], pair[1])).toList());
        for (long[] pair : pairs) {
            assertThat(get(trader, Math.min(pair[0], pair[1])).get("status").asText()).isEqualTo("TRIGGERED");
            assertThat(get(trader, Math.max(pair[0], pair[1])).get("reason").asText()).isEqualTo("OCO_SIBLING_FIRED");
        }
    }

    @Test
    void aFiringInterruptedAfterItsClaimIsFinishedOnceByTheNextInstance() {
        String book = book();
        Trader trader = funded("crash", "0", "1");
        long unplaced = create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "49000"))
                .get("id").asLong();
        long placed = create(trader, order(book, "STOP_LOSS", "SELL", base("0.2"), "triggerPrice", "49000"))
                .get("id").asLong();
        // An instance claimed both, placed only the second, and died before recording anything more.
        ConditionalOrderStore store = new PostgresConditionalOrders(db.database().dataSource());
        ConditionalOrderStore.Claims claims = store.claim(List.of(new ConditionalOrderStore.Crossing(unplaced, 48_000_000_000L, "e1"),
                new ConditionalOrderStore.Crossing(placed, 48_000_000_000L, "e1")), clock.instant());
        assertThat(claims.triggered()).hasSize(2);
        long firstOrder = server.trading.trading().orders().place(trader.id(),
                new NewOrder(server.trading.trading().markets().bySymbol(book).orElseThrow().id(), Side.SELL, OrderType.MARKET,
                        TimeInForce.IOC, 0, 20_000_000, 0, 0, null),
                ConditionalOrder.clientOrderIdOf(placed),
                new Retry(ConditionalOrder.clientOrderIdOf(placed), "conditional-order:" + placed)).orderId();
        // Ticks no longer fire them: they are claimed.
        feed(book, "47000");
        assertThat(get(trader, unplaced).get("status").asText()).isEqualTo("TRIGGERED");
        // The next instance to start (no lease left to wait for) finishes both.
        server.anotherInstance(new ConditionalOrderModule.Settings(Duration.ZERO, Duration.ZERO));
        assertThat(get(trader, unplaced).get("status").asText()).isEqualTo("FIRED");
        JsonNode second = get(trader, placed);
        assertThat(second.get("status").asText()).isEqualTo("FIRED");
        assertThat(second.get("placedOrderId").asLong()).isEqualTo(firstOrder);
        assertThat(ordersOf(trader)).isEqualTo(2);
    }

    @Test
    void theSequencersCommitOfTheFiredOrderRecordsHowTheFiringEnded() {
        String book = book();
        Trader trader = funded("one-commit", "0", "1");
        long sells = create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "49000"))
                .get("id").asLong();
        long unfunded = create(trader, order(book, "STOP_LOSS", "SELL", base("5"), "triggerPrice", "49000"))
                .get("id").asLong();
        ConditionalOrderStore store = new PostgresConditionalOrders(db.database().dataSource());
        store.claim(List.of(new ConditionalOrderStore.Crossing(sells, 48_000_000_000L, "e2"),
                new ConditionalOrderStore.Crossing(unfunded, 48_000_000_000L, "e2")), clock.instant());
        int market = server.trading.trading().markets().bySymbol(book).orElseThrow().id();
        OrderOutcome placed = fire(trader, sells, new NewOrder(market, Side.SELL, OrderType.MARKET, TimeInForce.IOC,
                0, 10_000_000, 0, 0, null));
        fire(trader, unfunded, new NewOrder(market, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 500_000_000, 0,
                0, null));
        // Nothing but the order's own commit ran: no finishing statement of the service.
        JsonNode fired = get(trader, sells);
        assertThat(fired.get("status").asText()).isEqualTo("FIRED");
        assertThat(fired.get("placedOrderId").asLong()).isEqualTo(placed.orderId());
        JsonNode failed = get(trader, unfunded);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        // A repeated firing gets its first answer and changes nothing.
        assertThat(fire(trader, sells, new NewOrder(market, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0,
                10_000_000, 0, 0, null)).replayed()).isTrue();
        assertThat(get(trader, sells).get("placedOrderId").asLong()).isEqualTo(placed.orderId());
        assertThat(ordersOf(trader)).isEqualTo(1);
    }

    private static OrderOutcome fire(Trader trader, long conditionalOrderId, NewOrder order) {
        String clientOrderId = ConditionalOrder.clientOrderIdOf(conditionalOrderId);
        return server.trading.trading().orders().fire(conditionalOrderId, trader.id(), order, clientOrderId,
                new Retry(clientOrderId, "conditional-order:" + conditionalOrderId));
    }

    @Test
    void aTriggerArmedAfterThePriceCrossedFiresWhenTheLatestTickIsFedAgain() {
        String book = book();
        PriceTick latest = tick(book, "40000");
        deliver(server.module, List.of(latest));
        Trader trader = funded("late", "100000", "0");
        long id = create(trader, order(book, "TRIGGER", "BUY", base("0.1"), "triggerPrice", "45000")).get("id").asLong();
        assertThat(get(trader, id).get("status").asText()).isEqualTo("ARMED");
        // The price watcher feeds the latest prices again, with their original event ids.
        deliver(server.module, List.of(latest));
        JsonNode fired = get(trader, id);
        assertThat(fired.get("status").asText()).isEqualTo("FIRED");
        assertThat(fired.get("firedEventId").asText()).isEqualTo(latest.eventId());
    }

    @Test
    void anAssetCodePriceAppliesToTheMarketsWithThatBaseAsset() {
        String book = book();
        Trader trader = funded("asset", "0", "1");
        long id = create(trader, order(book, "STOP_LOSS", "SELL", base("0.1"), "triggerPrice", "10")).get("id").asLong();
        feed("ETH", "5");
        assertThat(get(trader, id).get("status").asText()).isEqualTo("ARMED");
        feed("BTC", "9.99");
        assertThat(get(trader, id).get("status").asText()).isIn("FIRED", "FAILED");
    }

    private static void awaitThen(CountDownLatch go, Runnable work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        work.run();
    }
}
