package io.orderbook.adapters.http.markets;

import static io.orderbook.adapters.http.markets.MarketTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.signing.TradeSignatures;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.model.Side;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document tells the truth about {@code /assets} and {@code /markets}: its operations are exactly the
 * routes, each enforces the access it documents, and responses have exactly the documented properties.
 */
class MarketApiDocumentTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static MarketTestServer server;
    static final String SYMBOL = "DOC-DUSD";

    @BeforeAll
    static void start() {
        server = new MarketTestServer(db, redis);
        server.asAdmin("POST", "/assets").json(Map.of("code", "DOC", "scale", 3)).expect(201);
        server.asAdmin("POST", "/assets").json(Map.of("code", "DUSD", "scale", 2)).expect(201);
        server.asAdmin("POST", "/markets").json(Map.of("symbol", SYMBOL, "base", "DOC", "quote", "DUSD",
                "tickSize", "0.1", "lotSize", "0.1", "minNotional", "0", "makerFee", "0", "takerFee", "0.001")).expect(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Operation(String method, String path, String access) {
        boolean writes() {
            return access.equals("WRITE") || access.equals("ADMIN_WRITE");
        }

        boolean forAdmins() {
            return access.startsWith("ADMIN");
        }
    }

    private static JsonNode openApi() {
        try (InputStream in = MarketApiDocumentTest.class.getResourceAsStream("/openapi/openapi.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Operation> documentedOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            // Statistics and candles are the jobs' (JobsApiDocumentTest).
            if (!path.getKey().matches("/(assets|markets)(/.*)?") || path.getKey().matches(".*/(stats|candles)")) continue;
            path.getValue().fields().forEachRemaining(op -> {
                if (!op.getKey().equals("parameters")) {
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue().get("x-access").asText()));
                }
            });
        }
        return operations;
    }

    @Test
    void theDocumentedOperationsAreExactlyTheRoutes() {
        assertThat(documentedOperations()).extracting(op -> op.method() + " " + op.path()).containsExactlyInAnyOrder(
                "GET /assets", "POST /assets", "GET /markets", "POST /markets", "GET /markets/{symbol}",
                "PATCH /markets/{symbol}", "DELETE /markets/{symbol}", "POST /markets/{symbol}/halt",
                "POST /markets/{symbol}/resume", "GET /markets/{symbol}/book", "GET /markets/{symbol}/trades");
    }

    @Test
    void everyOperationEnforcesItsDocumentedAccess() {
        // An unknown symbol: allowed callers get 404 (or 400 for an incomplete body), never 401 or 403.
        for (Operation op : documentedOperations()) {
            String path = op.path().replace("{symbol}", "NONE-DUSD");
            String what = op.method() + " " + op.path() + " (" + op.access() + ")";

            int anonymous = server.request(op.method(), path).body("{}").send().statusCode();
            int asTrader = server.asTrader(op.method(), path).body("{}").send().statusCode();
            int asAdmin = server.asAdmin(op.method(), path).body("{}").send().statusCode();
            int adminReadOnly = server.request(op.method(), path).apiKey(server.adminReadOnlyKey).body("{}").send().statusCode();

            assertThat(anonymous).as(what + " anonymous").isEqualTo(401);
            assertThat(asTrader).as(what + " trader").isEqualTo(op.forAdmins() ? 403 : expectedAllowed(op));
            assertThat(asAdmin).as(what + " admin").isEqualTo(expectedAllowed(op));
            assertThat(adminReadOnly).as(what + " admin read-only key").isEqualTo(op.writes() ? 403 : expectedAllowed(op));
        }
    }

    private static int expectedAllowed(Operation op) {
        return switch (op.method() + " " + op.path()) {
            case "GET /assets", "GET /markets" -> 200;
            case "POST /assets", "POST /markets", "PATCH /markets/{symbol}" -> 400;
            default -> 404;
        };
    }

    @Test
    void responsesHaveExactlyThePropertiesTheirSchemasDocument() throws Exception {
        int marketId = server.markets().service().market(SYMBOL).id();
        long seller = 77_001;
        long buyer = 77_002;
        int doc = server.markets().service().market(SYMBOL).base().id();
        int dusd = server.markets().service().market(SYMBOL).quote().id();
        server.deposit(seller, doc, 10_000);
        server.deposit(buyer, dusd, 1_000_000);
        server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), seller, marketId,
                Side.SELL, 1_230, 2_000));
        server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), buyer, marketId,
                Side.BUY, 1_230, 500));
        server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), buyer, marketId,
                Side.BUY, 1_000, 500));
        JsonNode schemas = openApi().at("/components/schemas");

        JsonNode assets = server.asTrader("GET", "/assets").expect(200);
        JsonNode markets = server.asTrader("GET", "/markets").expect(200);
        JsonNode market = server.asTrader("GET", "/markets/" + SYMBOL).expect(200);
        JsonNode book = server.asTrader("GET", "/markets/" + SYMBOL + "/book").expect(200);
        JsonNode trades = server.asTrader("GET", "/markets/" + SYMBOL + "/trades").expect(200);

        assertMatches(schemas, "AssetList", assets);
        assertMatches(schemas, "Asset", assets.at("/items/0"));
        assertMatches(schemas, "MarketList", markets);
        assertMatches(schemas, "Market", markets.at("/items/0"));
        assertMatches(schemas, "Market", market);
        assertMatches(schemas, "OrderBook", book);
        assertMatches(schemas, "OrderBookLevel", book.at("/bids/0"));
        assertMatches(schemas, "OrderBookLevel", book.at("/asks/0"));
        assertMatches(schemas, "MarketTrades", trades);
        assertMatches(schemas, "MarketTrade", trades.at("/trades/0"));
        assertThat(market.get("publicKey").asText()).matches("[A-Za-z0-9+/]+=*");

        // The documented example of the canonical message is what the server signs.
        String documented = openApi().at("/tags").findValuesAsText("description").stream()
                .filter(text -> text.contains("obw-trade-v1|BTC-USDT")).findFirst().orElseThrow();
        String example = new String(TradeSignatures.canonicalMessage("BTC-USDT", new io.orderbook.domain.engine.EngineEvent.TradeExecuted(
                1_700_000_000_000L, 42, 1, 50_000_000_000L, 4_000_000, 2_000_000_000L, 100, 12, 101, 11, Side.BUY, 0, 0)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(documented).contains("`" + example + "`");
    }

    private static void assertMatches(JsonNode schemas, String schema, JsonNode body) {
        assertThat(body.isMissingNode()).as(schema + " body").isFalse();
        List<String> documented = new ArrayList<>();
        schemas.at("/" + schema + "/properties").fieldNames().forEachRemaining(documented::add);
        List<String> actual = new ArrayList<>();
        body.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as(schema + ": " + body).containsExactlyInAnyOrderElementsOf(documented);
        schemas.at("/" + schema + "/required").forEach(required -> assertThat(actual).as(schema).contains(required.asText()));
    }

    @Test
    void badInputNeverGetsAServerError() {
        List<String[]> cases = List.of(
                new String[] {"POST", "/markets", "{\"symbol\":\"X-Y\",\"tickSize\":\"" + "9".repeat(5000) + "\"}"},
                new String[] {"POST", "/markets", "{\"symbol\":{\"a\":1}}"},
                new String[] {"POST", "/markets", "{\"symbol\":\"X-Y\",\"symbol\":\"X-Z\"}"},
                new String[] {"PATCH", "/markets/" + SYMBOL, "{\"makerFee\":\"1e-3\"}"},
                new String[] {"PATCH", "/markets/" + SYMBOL, "{\"defaultStp\":null,\"makerFee\":null}"},
                new String[] {"PATCH", "/markets/" + SYMBOL, "{\"tickSize\":\"0.0001\"}"},
                new String[] {"PATCH", "/markets/" + SYMBOL, "{\"lotSize\":\"99999999999999999\"}"},
                new String[] {"POST", "/assets", "{\"code\":\"A\",\"scale\":2147483648}"},
                new String[] {"GET", "/markets/" + SYMBOL + "/book?depth=2147483648", null},
                new String[] {"GET", "/markets/" + SYMBOL + "/trades?limit=-0", null});
        for (String[] c : cases) {
            MarketTestServer.Call call = server.asAdmin(c[0], c[1]);
            if (c[2] != null) call.body(c[2]);
            var response = call.send();
            assertThat(response.statusCode()).as(String.join(" ", c[0], c[1]) + " -> " + response.body()).isEqualTo(400);
            assertThat(json(response).get("code").asText()).isIn("VALIDATION_FAILED", "MALFORMED_JSON", "BAD_REQUEST");
        }
    }
}
