package io.orderbook.adapters.http.markets;

import static io.orderbook.adapters.http.markets.MarketTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.signing.TradeSignatures;
import io.orderbook.application.markets.DecimalUnits;
import io.orderbook.application.markets.MarketView;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RMap;
import org.redisson.client.codec.StringCodec;

/**
 * The markets and assets endpoints on a real server with real authentication, PostgreSQL, Redis and sequencer:
 * each endpoint's normal path and its errors, the Redis cache, halts through the engine, the book, and signed
 * trades. Orders are placed through the sequencer directly (their HTTP API is another capability's).
 */
class MarketHttpTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static MarketTestServer server;
    /** A base asset with 8 decimals and a quote asset with 6, shared by the tests' markets. */
    static String base;
    static String quote;
    static int baseId;
    static int quoteId;

    @BeforeAll
    static void start() {
        server = new MarketTestServer(db, redis);
        base = server.unique("COIN");
        quote = server.unique("CASH");
        server.asAdmin("POST", "/assets").json(Map.of("code", base, "scale", 8)).expect(201);
        server.asAdmin("POST", "/assets").json(Map.of("code", quote, "scale", 6)).expect(201);
        baseId = server.markets().service().assets().stream().filter(a -> a.code().equals(base)).findFirst().orElseThrow().id();
        quoteId = server.markets().service().assets().stream().filter(a -> a.code().equals(quote)).findFirst().orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A market creation body: tick 0.01, lot 0.0001, minimum 5, fees 0.1% and 0.2%. */
    private static Map<String, Object> marketBody(String symbol) {
        Map<String, Object> body = new HashMap<>();
        body.put("symbol", symbol);
        body.put("base", base);
        body.put("quote", quote);
        body.put("tickSize", "0.01");
        body.put("lotSize", "0.0001");
        body.put("minNotional", "5");
        body.put("makerFee", "0.001");
        body.put("takerFee", "0.002");
        return body;
    }

    private static String newSymbol() {
        return server.unique("M") + "-" + quote;
    }

    /** A new market with {@link #marketBody}, created over HTTP. */
    private static MarketView createMarket() {
        String symbol = newSymbol();
        server.asAdmin("POST", "/markets").json(marketBody(symbol)).expect(201);
        return server.markets().service().market(symbol);
    }

    private static Market engineMarket(int id) throws Exception {
        return server.sequencer().read(engine -> engine.market(id).orElse(null)).get(5, TimeUnit.SECONDS);
    }

    /** Places a limit order for a funded new user: price in quote units, quantity in base units (as text). */
    private static List<EngineEvent> limit(MarketView market, long userId, Side side, String price, String quantity)
            throws Exception {
        long minorPrice = DecimalUnits.parse(price, 6);
        long minorQuantity = DecimalUnits.parse(quantity, 8);
        return server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), userId,
                market.id(), side, minorPrice, minorQuantity));
    }

    private static long fundedUser() {
        long user = 500_000 + server.nextOrderId();
        server.deposit(user, baseId, 1_000_000_000_000L);
        server.deposit(user, quoteId, 1_000_000_000_000_000L);
        return user;
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).as(response.body()).isEqualTo(code);
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    // ---- assets ----

    @Test
    void anAdministratorCreatesAssetsThatEveryoneSignedInCanList() {
        String code = server.unique("GOLD");

        JsonNode created = server.asAdmin("POST", "/assets").json(Map.of("code", code, "scale", 3)).expect(201);

        assertThat(created.get("code").asText()).isEqualTo(code);
        assertThat(created.get("scale").asInt()).isEqualTo(3);
        assertThat(Instant.parse(created.get("createdAt").asText())).isNotNull();
        JsonNode listed = server.asTrader("GET", "/assets").expect(200);
        assertThat(listed.get("items").findValuesAsText("code")).contains(code, base, quote);
        assertProblem(server.asAdmin("POST", "/assets").json(Map.of("code", code, "scale", 3)).send(), 409, "CONFLICT");
    }

    @Test
    void badAssetsAreFieldErrors() {
        for (String body : List.of("{\"code\":\"gold\",\"scale\":2}", "{\"code\":\"\",\"scale\":2}",
                "{\"code\":\"ABCDEFGHIJKLMNOPQ\",\"scale\":2}", "{\"code\":\"GO LD\",\"scale\":2}",
                "{\"code\":\"GOLDX\",\"scale\":-1}", "{\"code\":\"GOLDX\",\"scale\":19}",
                "{\"code\":\"GOLDX\",\"scale\":\"8\"}", "{\"code\":\"GOLDX\",\"scale\":1.5}", "{\"code\":\"GOLDX\"}",
                "{\"code\":\"GOLDX\",\"scale\":99999999999999999999}", "{\"code\":7,\"scale\":2}",
                "{\"code\":\"GOLDX\",\"scale\":2,\"id\":5}", "{}", "null", "[]", "{")) {
            HttpResponse<String> response = server.asAdmin("POST", "/assets").body(body).send();
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
        }
    }

    // ---- creating and reading markets ----

    @Test
    void aMarketIsCreatedInExactMinorUnitsAndPublishesItsPublicKey() throws Exception {
        String symbol = newSymbol();
        Map<String, Object> body = marketBody(symbol);
        body.put("defaultStp", "EXPIRE_TAKER");

        HttpResponse<String> response = server.asAdmin("POST", "/markets").json(body).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/markets/" + symbol);
        JsonNode market = json(response);
        assertThat(market.get("symbol").asText()).isEqualTo(symbol);
        assertThat(market.get("base").asText()).isEqualTo(base);
        assertThat(market.get("quote").asText()).isEqualTo(quote);
        assertThat(market.get("baseScale").asInt()).isEqualTo(8);
        assertThat(market.get("quoteScale").asInt()).isEqualTo(6);
        assertThat(market.get("tickSize").asText()).isEqualTo("0.01");
        assertThat(market.get("lotSize").asText()).isEqualTo("0.0001");
        assertThat(market.get("minNotional").asText()).isEqualTo("5");
        assertThat(market.get("makerFee").asText()).isEqualTo("0.001");
        assertThat(market.get("takerFee").asText()).isEqualTo("0.002");
        assertThat(market.get("defaultStp").asText()).isEqualTo("EXPIRE_TAKER");
        assertThat(market.get("halted").asBoolean()).isFalse();
        PublicKey publicKey = TradeSignatures.publicKey(Base64.getDecoder().decode(market.get("publicKey").asText()));
        assertThat(publicKey.getAlgorithm()).isIn("Ed25519", "EdDSA");

        MarketView view = server.markets().service().market(symbol);
        assertThat(engineMarket(view.id())).isEqualTo(new Market(view.id(), symbol, baseId, quoteId, 8, 10_000, 10_000,
                5_000_000, 1_000, 2_000, SelfTradePrevention.EXPIRE_TAKER));
        assertThat(server.asTrader("GET", "/markets/" + symbol).expect(200)).isEqualTo(market);
        assertThat(server.asTrader("GET", "/markets/" + symbol.toLowerCase()).expect(200)).isEqualTo(market);
        assertThat(server.request("GET", "/markets").apiKey(server.adminReadOnlyKey).expect(200).get("items"))
                .contains(market);
    }

    @Test
    void aListedSymbolCannotBeCreatedAgain() {
        String symbol = newSymbol();
        server.asAdmin("POST", "/markets").json(marketBody(symbol)).expect(201);

        assertProblem(server.asAdmin("POST", "/markets").json(marketBody(symbol)).send(), 409, "CONFLICT");
    }

    @Test
    void amountsThatAreNotExactInTheAssetsScalesAreFieldErrorsNeverServerErrors() {
        Object[][] cases = {
                {"tickSize", "0.0000001"}, {"tickSize", "-1"}, {"tickSize", "1e-2"}, {"tickSize", "abc"},
                {"tickSize", ""}, {"tickSize", " 1"}, {"tickSize", "1."}, {"tickSize", ".5"}, {"tickSize", "0x10"},
                {"tickSize", "0"}, {"tickSize", "0.00"}, {"tickSize", "+1"}, {"tickSize", "1,5"}, {"tickSize", "NaN"},
                {"tickSize", "99999999999999999999999999999999999999"}, {"tickSize", "9".repeat(41)},
                {"tickSize", 0.01}, {"tickSize", 1}, {"tickSize", true}, {"tickSize", List.of("1")},
                {"lotSize", "0.000000001"}, {"lotSize", "0"}, {"minNotional", "-5"}, {"minNotional", "0.0000001"},
                {"minNotional", "9999999999999999"}, {"makerFee", "0.5"}, {"makerFee", "0.0000001"},
                {"takerFee", "1"}, {"takerFee", "-0.001"}, {"makerFee", null},
                {"base", "NOPE"}, {"base", "nope"}, {"quote", base}, {"base", null},
                {"symbol", "abc-def"}, {"symbol", "ABCDEF"}, {"symbol", "A-B-C"}, {"symbol", "A".repeat(16) + "-B"},
                {"symbol", null}, {"defaultStp", "SOMETIMES"}, {"defaultStp", 1}};
        for (Object[] bad : cases) {
            Map<String, Object> body = marketBody(newSymbol());
            body.put((String) bad[0], bad[1]);
            HttpResponse<String> response = server.asAdmin("POST", "/markets").json(body).send();

            JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
            assertThat(fields(problem)).as("%s = %s: %s", bad[0], bad[1], response.body()).contains((String) bad[0]);
        }
    }

    @Test
    void aTickAndLotWhoseProductIsNotAWholeQuoteMinorUnitAreRefused() {
        Map<String, Object> fractional = marketBody(newSymbol());
        // 0.000001 x 0.00000001 = 1e-14 quote per lot: not a whole quote minor unit (1e-6).
        fractional.put("tickSize", "0.000001");
        fractional.put("lotSize", "0.00000001");
        Map<String, Object> overflowing = marketBody(newSymbol());
        overflowing.put("tickSize", "1000000000000");
        overflowing.put("lotSize", "100000000");

        assertThat(fields(assertProblem(server.asAdmin("POST", "/markets").json(fractional).send(), 400,
                "VALIDATION_FAILED"))).containsExactly("lotSize");
        assertThat(fields(assertProblem(server.asAdmin("POST", "/markets").json(overflowing).send(), 400,
                "VALIDATION_FAILED"))).containsExactly("lotSize");
    }

    @Test
    void everyMissingOrMalformedFieldIsReportedAtOnce() {
        JsonNode problem = assertProblem(server.asAdmin("POST", "/markets").body("{}").send(), 400, "VALIDATION_FAILED");

        assertThat(fields(problem)).containsExactlyInAnyOrder("symbol", "base", "quote", "tickSize", "lotSize",
                "minNotional", "makerFee", "takerFee");
        for (String body : List.of("", "null", "[]", "{", "{\"symbol\":\"A-B\",\"price\":\"1\"}", "\"text\"")) {
            HttpResponse<String> response = server.asAdmin("POST", "/markets").body(body).send();
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
        }
    }

    @Test
    void unknownSymbolsAreNotFound() {
        for (String symbol : List.of("NOPE-" + quote, "nope-x", "%20", "A".repeat(100), "%E2%82%AC-X")) {
            assertProblem(server.asAdmin("GET", "/markets/" + symbol).send(), 404, "NOT_FOUND");
            assertProblem(server.asAdmin("PATCH", "/markets/" + symbol).json(Map.of("makerFee", "0")).send(), 404,
                    "NOT_FOUND");
            assertProblem(server.asAdmin("DELETE", "/markets/" + symbol).send(), 404, "NOT_FOUND");
            assertProblem(server.asAdmin("POST", "/markets/" + symbol + "/halt").send(), 404, "NOT_FOUND");
            assertProblem(server.asAdmin("POST", "/markets/" + symbol + "/resume").send(), 404, "NOT_FOUND");
            assertProblem(server.asAdmin("GET", "/markets/" + symbol + "/book").send(), 404, "NOT_FOUND");
            assertProblem(server.asAdmin("GET", "/markets/" + symbol + "/trades").send(), 404, "NOT_FOUND");
        }
    }

    @Test
    void onlyAdministratorsChangeAssetsAndMarkets() {
        MarketView market = createMarket();
        String path = "/markets/" + market.symbol();
        List<String[]> writes = List.of(new String[] {"POST", "/assets", "{\"code\":\"ZZZ\",\"scale\":1}"},
                new String[] {"POST", "/markets", "{}"}, new String[] {"PATCH", path, "{\"makerFee\":\"0\"}"},
                new String[] {"DELETE", path, null}, new String[] {"POST", path + "/halt", null},
                new String[] {"POST", path + "/resume", null});
        for (String[] write : writes) {
            MarketTestServer.Call asTrader = server.asTrader(write[0], write[1]);
            MarketTestServer.Call withReadOnlyKey = server.request(write[0], write[1]).apiKey(server.adminReadOnlyKey);
            MarketTestServer.Call anonymous = server.request(write[0], write[1]);
            if (write[2] != null) {
                asTrader.body(write[2]);
                withReadOnlyKey.body(write[2]);
                anonymous.body(write[2]);
            }
            assertProblem(asTrader.send(), 403, "FORBIDDEN");
            assertProblem(withReadOnlyKey.send(), 403, "FORBIDDEN");
            assertProblem(anonymous.send(), 401, "UNAUTHENTICATED");
        }
        assertThat(server.asTrader("GET", path).expect(200).get("halted").asBoolean()).isFalse();
        assertProblem(server.request("GET", "/markets").send(), 401, "UNAUTHENTICATED");
    }

    // ---- changing markets ----

    @Test
    void patchChangesFeesMinimumAndSelfTradePrevention() throws Exception {
        MarketView market = createMarket();

        JsonNode changed = server.asAdmin("PATCH", "/markets/" + market.symbol()).json(Map.of("makerFee", "0",
                "takerFee", "0.0025", "minNotional", "10.5", "defaultStp", "EXPIRE_BOTH")).expect(200);

        assertThat(changed.get("makerFee").asText()).isEqualTo("0");
        assertThat(changed.get("takerFee").asText()).isEqualTo("0.0025");
        assertThat(changed.get("minNotional").asText()).isEqualTo("10.5");
        assertThat(changed.get("defaultStp").asText()).isEqualTo("EXPIRE_BOTH");
        assertThat(changed.get("tickSize").asText()).isEqualTo("0.01");
        assertThat(Instant.parse(changed.get("updatedAt").asText())).isAfterOrEqualTo(Instant.parse(changed.get("createdAt").asText()));
        Market rules = engineMarket(market.id());
        assertThat(rules.makerFeePpm()).isZero();
        assertThat(rules.takerFeePpm()).isEqualTo(2_500);
        assertThat(rules.minNotional()).isEqualTo(10_500_000);
        assertThat(rules.defaultStp()).isEqualTo(SelfTradePrevention.EXPIRE_BOTH);
        assertThat(server.asTrader("GET", "/markets/" + market.symbol()).expect(200)).isEqualTo(changed);
    }

    @Test
    void patchRefusesEmptyUnknownAndInexactChanges() {
        String path = "/markets/" + createMarket().symbol();

        assertThat(fields(assertProblem(server.asAdmin("PATCH", path).body("{}").send(), 400, "VALIDATION_FAILED")))
                .containsExactly("body");
        assertProblem(server.asAdmin("PATCH", path).json(Map.of("symbol", "X-Y")).send(), 400, "VALIDATION_FAILED");
        assertProblem(server.asAdmin("PATCH", path).json(Map.of("base", quote)).send(), 400, "VALIDATION_FAILED");
        assertThat(fields(assertProblem(server.asAdmin("PATCH", path).json(Map.of("makerFee", "0.2",
                "tickSize", "0.0000001", "minNotional", "x")).send(), 400, "VALIDATION_FAILED")))
                .containsExactlyInAnyOrder("makerFee", "tickSize", "minNotional");
        assertThat(fields(assertProblem(server.asAdmin("PATCH", path).json(Map.of("tickSize", "0.000001",
                "lotSize", "0.00000001")).send(), 400, "VALIDATION_FAILED"))).containsExactly("lotSize");
        assertProblem(server.asAdmin("PATCH", path).body("[]").send(), 400, "VALIDATION_FAILED");
    }

    @Test
    void tickAndLotAreLockedWhileTheMarketHasOrders() throws Exception {
        MarketView market = createMarket();
        long user = fundedUser();
        long orderId = ((EngineEvent.OrderAccepted) limit(market, user, Side.BUY, "100", "1").getFirst()).orderId();
        String path = "/markets/" + market.symbol();

        assertProblem(server.asAdmin("PATCH", path).json(Map.of("tickSize", "0.1")).send(), 409, "CONFLICT");

        server.apply(new Command.CancelOrder(System.currentTimeMillis(), orderId, user));
        JsonNode changed = server.asAdmin("PATCH", path).json(Map.of("tickSize", "0.1", "lotSize", "0.001")).expect(200);
        assertThat(changed.get("tickSize").asText()).isEqualTo("0.1");
        assertThat(engineMarket(market.id()).tickSize()).isEqualTo(100_000);
    }

    @Test
    void higherFeesWaitUntilNoBuyRestsWhileLowerOnesApplyAtOnce() throws Exception {
        MarketView market = createMarket();
        limit(market, fundedUser(), Side.BUY, "100", "1");
        String path = "/markets/" + market.symbol();

        assertProblem(server.asAdmin("PATCH", path).json(Map.of("takerFee", "0.003")).send(), 409, "CONFLICT");
        assertThat(server.asAdmin("PATCH", path).json(Map.of("takerFee", "0.0015")).expect(200)
                .get("takerFee").asText()).isEqualTo("0.0015");
        assertThat(engineMarket(market.id()).takerFeePpm()).isEqualTo(1_500);
    }

    @Test
    void aMarketWithOpenOrdersIsNotDeletedAndADeletedOneIsGoneButItsRowStays() throws Exception {
        MarketView market = createMarket();
        long user = fundedUser();
        long orderId = ((EngineEvent.OrderAccepted) limit(market, user, Side.SELL, "100", "1").getFirst()).orderId();
        String path = "/markets/" + market.symbol();

        assertProblem(server.asAdmin("DELETE", path).send(), 409, "CONFLICT");

        server.apply(new Command.CancelOrder(System.currentTimeMillis(), orderId, user));
        assertThat(server.asAdmin("DELETE", path).send().statusCode()).isEqualTo(204);
        assertProblem(server.asTrader("GET", path).send(), 404, "NOT_FOUND");
        assertProblem(server.asAdmin("DELETE", path).send(), 404, "NOT_FOUND");
        assertThat(server.asTrader("GET", "/markets").expect(200).get("items").findValuesAsText("symbol"))
                .doesNotContain(market.symbol());
        assertThat(engineMarket(market.id())).isNull();
        assertThat(limit(market, user, Side.BUY, "100", "1")).singleElement().isInstanceOfSatisfying(
                EngineEvent.CommandRejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.UNKNOWN_MARKET));
        try (Connection connection = db.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select deleted_at is not null from markets where id = " + market.id())) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean(1)).isTrue();
        }

        // The symbol may be listed again: a new market with a new key.
        JsonNode again = server.asAdmin("POST", "/markets").json(marketBody(market.symbol())).expect(201);
        assertThat(again.get("publicKey").asText()).isNotEqualTo(Base64.getEncoder().encodeToString(market.publicKey()));
        assertThat(server.markets().service().market(market.symbol()).id()).isNotEqualTo(market.id());
    }

    @Test
    void aHaltedMarketRefusesNewOrdersThroughTheSequencerUntilResumed() throws Exception {
        MarketView market = createMarket();
        long user = fundedUser();
        long resting = ((EngineEvent.OrderAccepted) limit(market, user, Side.BUY, "100", "1").getFirst()).orderId();
        String path = "/markets/" + market.symbol();

        JsonNode halted = server.asAdmin("POST", path + "/halt").expect(200);

        assertThat(halted.get("halted").asBoolean()).isTrue();
        assertThat(server.asTrader("GET", path).expect(200).get("halted").asBoolean()).isTrue();
        List<EngineEvent> refused = limit(market, user, Side.BUY, "100", "1");
        assertThat(refused).singleElement().isInstanceOfSatisfying(EngineEvent.CommandRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.MARKET_HALTED));
        // Cancelling still works while halted.
        assertThat(server.apply(new Command.CancelOrder(System.currentTimeMillis(), resting, user)))
                .singleElement().isInstanceOf(EngineEvent.OrderCancelled.class);

        JsonNode resumed = server.asAdmin("POST", path + "/resume").expect(200);
        assertThat(resumed.get("halted").asBoolean()).isFalse();
        assertThat(limit(market, user, Side.BUY, "100", "1").getFirst()).isInstanceOf(EngineEvent.OrderAccepted.class);
    }

    // ---- book and trades ----

    @Test
    void theBookComesFromTheEngineInDecimalsBestLevelsFirst() throws Exception {
        MarketView market = createMarket();
        long buyer = fundedUser();
        long seller = fundedUser();
        limit(market, buyer, Side.BUY, "99.5", "0.25");
        limit(market, buyer, Side.BUY, "99.5", "0.5");
        limit(market, buyer, Side.BUY, "98", "1");
        limit(market, seller, Side.SELL, "100.01", "0.1");
        String path = "/markets/" + market.symbol() + "/book";

        JsonNode book = server.asTrader("GET", path).expect(200);

        assertThat(book.get("symbol").asText()).isEqualTo(market.symbol());
        assertThat(book.get("bids").toString()).isEqualTo(
                "[{\"price\":\"99.5\",\"quantity\":\"0.75\",\"orders\":2},{\"price\":\"98\",\"quantity\":\"1\",\"orders\":1}]");
        assertThat(book.get("asks").toString()).isEqualTo("[{\"price\":\"100.01\",\"quantity\":\"0.1\",\"orders\":1}]");
        JsonNode top = server.request("GET", path + "?depth=1").apiKey(server.adminReadOnlyKey).expect(200);
        assertThat(top.get("bids")).hasSize(1);
        assertThat(server.asTrader("GET", path + "?depth=500").expect(200)).isEqualTo(book);
        for (String depth : List.of("0", "501", "-1", "abc", "1.5", "", "99999999999")) {
            assertThat(fields(assertProblem(server.asTrader("GET", path + "?depth=" + depth).send(), 400,
                    "VALIDATION_FAILED"))).containsExactly("depth");
        }
    }

    @Test
    void concurrentBookReadsShareTheEnginesAnswerAndSeeEveryAcknowledgedOrder() throws Exception {
        MarketView market = createMarket();
        long buyer = fundedUser();
        String path = "/markets/" + market.symbol() + "/book?depth=5";
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 1; round <= 3; round++) {
                limit(market, buyer, Side.BUY, "90", "1");
                List<java.util.concurrent.Future<JsonNode>> reads = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    reads.add(pool.submit(() -> server.asTrader("GET", path).expect(200)));
                }
                for (var read : reads) {
                    // Every read was sent after the order was acknowledged, so every answer shows it.
                    assertThat(read.get(20, TimeUnit.SECONDS).at("/bids/0/quantity").asText()).isEqualTo(Integer.toString(round));
                }
            }
        }
    }

    @Test
    void tradesCarrySignaturesThatVerifyWithThePublishedPublicKey() throws Exception {
        MarketView market = createMarket();
        long maker = fundedUser();
        long taker = fundedUser();
        limit(market, maker, Side.SELL, "101.25", "0.5");
        limit(market, maker, Side.SELL, "101.5", "0.5");
        limit(market, taker, Side.BUY, "101.5", "0.75");
        JsonNode published = server.asTrader("GET", "/markets/" + market.symbol()).expect(200);
        PublicKey key = TradeSignatures.publicKey(Base64.getDecoder().decode(published.get("publicKey").asText()));

        JsonNode trades = server.asTrader("GET", "/markets/" + market.symbol() + "/trades").expect(200);

        assertThat(trades.get("symbol").asText()).isEqualTo(market.symbol());
        assertThat(trades.get("trades")).hasSize(2);
        JsonNode newest = trades.get("trades").get(0);
        assertThat(newest.get("price").asText()).isEqualTo("101.5");
        assertThat(newest.get("quantity").asText()).isEqualTo("0.25");
        assertThat(newest.get("quoteQuantity").asText()).isEqualTo("25.375");
        assertThat(newest.get("takerSide").asText()).isEqualTo("BUY");
        assertThat(newest.has("makerUserId")).isFalse();
        for (JsonNode trade : trades.get("trades")) {
            EngineEvent.TradeExecuted facts = tradeOf(trade, published);
            byte[] signature = Base64.getDecoder().decode(trade.get("signature").asText());
            assertThat(TradeSignatures.verify(key, market.symbol(), facts, signature)).isTrue();
            EngineEvent.TradeExecuted forged = new EngineEvent.TradeExecuted(facts.timestamp(), facts.tradeId(), 0,
                    facts.price() + 1, facts.quantity(), facts.quoteQuantity(), facts.makerOrderId(), 0,
                    facts.takerOrderId(), 0, facts.takerSide(), 0, 0);
            assertThat(TradeSignatures.verify(key, market.symbol(), forged, signature)).isFalse();
        }
        JsonNode newestOnly = server.asTrader("GET", "/markets/" + market.symbol() + "/trades?limit=1").expect(200);
        assertThat(newestOnly.get("trades")).containsExactly(newest);
        for (String limit : List.of("0", "501", "x")) {
            assertThat(fields(assertProblem(server.asTrader("GET", "/markets/" + market.symbol() + "/trades?limit="
                    + limit).send(), 400, "VALIDATION_FAILED"))).containsExactly("limit");
        }
    }

    /** A trade's signed facts rebuilt from the API as a client would: decimals times 10^scale, epoch milliseconds. */
    static EngineEvent.TradeExecuted tradeOf(JsonNode trade, JsonNode market) throws Exception {
        int baseScale = market.get("baseScale").asInt();
        int quoteScale = market.get("quoteScale").asInt();
        return new EngineEvent.TradeExecuted(Instant.parse(trade.get("executedAt").asText()).toEpochMilli(),
                trade.get("id").asLong(), 0, DecimalUnits.parse(trade.get("price").asText(), quoteScale),
                DecimalUnits.parse(trade.get("quantity").asText(), baseScale),
                DecimalUnits.parse(trade.get("quoteQuantity").asText(), quoteScale), trade.get("makerOrderId").asLong(),
                0, trade.get("takerOrderId").asLong(), 0, Side.valueOf(trade.get("takerSide").asText()), 0, 0);
    }

    // ---- the Redis cache ----

    @Test
    void theListIsServedFromRedisKeptInStepAndReloadedWhenRedisLosesIt() {
        MarketView market = createMarket();
        RMap<String, String> cached = redis.client().getMap("markets", StringCodec.INSTANCE);
        assertThat(cached.get(market.symbol())).contains("\"takerFeePpm\":2000");

        server.asAdmin("PATCH", "/markets/" + market.symbol()).json(Map.of("takerFee", "0.0005")).expect(200);
        assertThat(cached.get(market.symbol())).contains("\"takerFeePpm\":500");
        server.asAdmin("POST", "/markets/" + market.symbol() + "/halt").expect(200);
        assertThat(cached.get(market.symbol())).contains("\"halted\":true");

        assertThat(cached.delete()).isTrue();
        JsonNode listed = server.asTrader("GET", "/markets").expect(200);
        assertThat(listed.get("items").findValuesAsText("symbol")).contains(market.symbol());
        assertThat(cached.get(market.symbol())).contains("\"halted\":true");

        cached.delete();
        assertThat(server.asTrader("GET", "/markets/" + market.symbol()).expect(200).get("takerFee").asText())
                .isEqualTo("0.0005");
        assertThat(cached.isExists()).isTrue();

        // A value that no longer reads as a market is reloaded too.
        cached.put(market.symbol(), "{not json");
        assertThat(server.asTrader("GET", "/markets").expect(200).get("items").findValuesAsText("symbol"))
                .contains(market.symbol());
        assertThat(cached.get(market.symbol())).contains("\"symbol\":\"" + market.symbol() + "\"");
    }

    @Test
    void theListIsReadFromRedisNotTheDatabase() {
        MarketView market = createMarket();
        RMap<String, String> cached = redis.client().getMap("markets", StringCodec.INSTANCE);
        String real = cached.get(market.symbol());

        // Change the cached copy only: the API shows it, so reads do come from Redis.
        cached.put(market.symbol(), real.replace("\"takerFeePpm\":2000", "\"takerFeePpm\":1999"));
        assertThat(server.asTrader("GET", "/markets/" + market.symbol()).expect(200).get("takerFee").asText())
                .isEqualTo("0.001999");
        cached.put(market.symbol(), real);
    }

    @Test
    void theOrderPathLooksMarketsUpInMemoryAndSeesThisNodesChangesAtOnce() {
        MarketView market = createMarket();
        RMap<String, String> cached = redis.client().getMap("markets", StringCodec.INSTANCE);

        assertThat(server.markets().service().lookup(market.symbol().toLowerCase())).isEqualTo(market);
        // Redis is not asked again while the copy is fresh.
        cached.fastRemove(market.symbol());
        assertThat(server.markets().service().lookup(market.symbol())).isEqualTo(market);

        server.asAdmin("POST", "/markets/" + market.symbol() + "/halt").expect(200);
        assertThat(server.markets().service().lookup(market.symbol()).halted()).isTrue();
        server.asAdmin("POST", "/markets/" + market.symbol() + "/resume").expect(200);
    }

    // ---- secrets ----

    @Test
    void thePrivateKeyNeverAppearsInClearInTheDatabaseRedisOrAnyResponse() throws Exception {
        MarketView market = createMarket();
        byte[] sealed;
        try (Connection connection = db.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select private_key_sealed from markets where id = " + market.id())) {
            row.next();
            sealed = row.getBytes(1);
        }
        byte[] pkcs8 = MarketTestServer.MASTER_KEY.open(sealed, "market:" + market.id() + ":key");
        byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        List<String> forms = List.of(Base64.getEncoder().encodeToString(pkcs8), Base64.getEncoder().encodeToString(seed),
                Base64.getUrlEncoder().withoutPadding().encodeToString(seed), java.util.HexFormat.of().formatHex(seed));

        StringBuilder everything = new StringBuilder();
        try (Connection connection = db.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select encode(m.public_key, 'hex'), encode(m.private_key_sealed, 'hex'),"
                     + " m::text from markets m")) {
            while (rows.next()) {
                everything.append(rows.getString(1)).append(rows.getString(2)).append(rows.getString(3));
            }
        }
        everything.append(redis.client().getMap("markets", StringCodec.INSTANCE).readAllMap());
        everything.append(server.asTrader("GET", "/markets").send().body());
        everything.append(server.asTrader("GET", "/markets/" + market.symbol()).send().body());
        everything.append(server.asAdmin("POST", "/markets/" + market.symbol() + "/halt").send().body());
        assertThat(everything.toString()).doesNotContain(forms);
        assertThat(everything.toString()).doesNotContain(java.util.HexFormat.of().formatHex(seed));
    }
}
