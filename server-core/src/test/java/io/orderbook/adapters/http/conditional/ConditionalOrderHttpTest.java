package io.orderbook.adapters.http.conditional;

import static io.orderbook.adapters.http.orders.TradingTestServer.BTC;
import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code /conditional-orders} over real HTTP: arming, reading, listing and cancelling; every refusal a 4xx problem
 * with field errors; users see and touch only their own; READ_ONLY keys only read; and the OpenAPI document
 * matches the routes and the responses.
 */
class ConditionalOrderHttpTest {
    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    @AutoClose static final ConditionalTestServer server = start();
    static final String MARKET = "BTC-USDT";

    private static ConditionalTestServer start() {
        TradingTestServer.installMarkets(db.database());
        return new ConditionalTestServer(db.database(), redis.client(), clock);
    }

    static Map<String, Object> stopLoss(String trigger) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", MARKET);
        body.put("kind", "STOP_LOSS");
        body.put("side", "SELL");
        body.put("triggerPrice", trigger);
        body.put("quantity", Map.of("rule", "BASE", "value", "0.1"));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... changes) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                copy.remove((String) changes[i]);
            } else {
                copy.put((String) changes[i], changes[i + 1]);
            }
        }
        return copy;
    }

    static HttpResponse<String> post(Trader trader, Object body) {
        return server.request("POST", "/conditional-orders").as(trader).json(body).send();
    }

    static JsonNode created(Trader trader, Object body) {
        HttpResponse<String> response = post(trader, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** The fields a 400 names, after checking it is a validation problem. */
    static Set<String> badFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        Set<String> fields = new TreeSet<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void armsReadsListsAndCancelsAConditionalOrder() {
        Trader trader = server.trading.trader("owner");
        HttpResponse<String> response = post(trader, with(stopLoss("45000.5"), "orderType", "LIMIT", "limitPrice", "44900"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode order = json(response);
        long id = order.get("id").asLong();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/conditional-orders/" + id);
        assertThat(order.get("status").asText()).isEqualTo("ARMED");
        assertThat(order.get("triggerPrice").asText()).isEqualTo("45000.500000");
        assertThat(order.get("limitPrice").asText()).isEqualTo("44900.000000");
        assertThat(order.get("quantity").get("value").asText()).isEqualTo("0.10000000");
        assertThat(order.get("market").asText()).isEqualTo(MARKET);

        assertThat(json(server.request("GET", "/conditional-orders/" + id).as(trader).send())).isEqualTo(order);
        JsonNode page = json(server.request("GET", "/conditional-orders?status=ARMED&market=" + MARKET).as(trader).send());
        assertThat(page.get("items")).extracting(item -> item.get("id").asLong()).containsExactly(id);

        HttpResponse<String> cancelled = server.request("DELETE", "/conditional-orders/" + id).as(trader).send();
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(json(cancelled).get("reason").asText()).isEqualTo("USER");
        HttpResponse<String> again = server.request("DELETE", "/conditional-orders/" + id).as(trader).send();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json(server.request("GET", "/conditional-orders?status=ARMED").as(trader).send()).get("items")).isEmpty();
    }

    @Test
    void listsPageByPageNewestFirst() {
        Trader trader = server.trading.trader("pages");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(created(trader, stopLoss("4500" + i)).get("id").asLong());
        }
        JsonNode first = json(server.request("GET", "/conditional-orders?limit=3").as(trader).send());
        assertThat(first.get("items")).extracting(item -> item.get("id").asLong())
                .containsExactly(ids.get(4), ids.get(3), ids.get(2));
        JsonNode second = json(server.request("GET", "/conditional-orders?limit=3&cursor="
                + first.get("nextCursor").asText()).as(trader).send());
        assertThat(second.get("items")).extracting(item -> item.get("id").asLong()).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void cancellingOneLegOfAPairCancelsBoth() {
        Trader trader = server.trading.trader("pair");
        JsonNode legs = created(trader, Map.of("market", MARKET, "legs", List.of(
                Map.of("kind", "STOP_LOSS", "side", "SELL", "triggerPrice", "45000", "quantity", Map.of("rule", "BASE", "value", "1")),
                Map.of("kind", "TRAILING_STOP", "side", "BUY", "trailingPercent", "5", "quantity", Map.of("rule", "BASE", "value", "1")))),
                400).get("items");
        assertThat(legs).isNull();
        JsonNode pair = created(trader, Map.of("market", MARKET, "legs", List.of(
                Map.of("kind", "STOP_LOSS", "side", "SELL", "triggerPrice", "45000", "quantity", Map.of("rule", "BALANCE_PERCENT", "value", "100")),
                Map.of("kind", "TAKE_PROFIT", "side", "SELL", "triggerPrice", "55000", "orderType", "LIMIT",
                        "limitPrice", "54900", "quantity", Map.of("rule", "BALANCE_PERCENT", "value", "100"))))).get("items");
        long stop = pair.get(0).get("id").asLong();
        long profit = pair.get(1).get("id").asLong();
        assertThat(server.request("DELETE", "/conditional-orders/" + stop).as(trader).send().statusCode()).isEqualTo(200);
        assertThat(json(server.request("GET", "/conditional-orders/" + profit).as(trader).send()).get("status").asText())
                .isEqualTo("CANCELLED");
    }

    private static JsonNode created(Trader trader, Object body, int expected) {
        HttpResponse<String> response = post(trader, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return json(response);
    }

    @Test
    void badInputIsA400NamingEachField() {
        Trader trader = server.trading.trader("bad");
        assertThat(badFields(post(trader, with(stopLoss("0"))))).containsExactly("triggerPrice");
        assertThat(badFields(post(trader, with(stopLoss("-5"))))).containsExactly("triggerPrice");
        assertThat(badFields(post(trader, with(stopLoss("1.1234567"))))).containsExactly("triggerPrice");
        assertThat(badFields(post(trader, with(stopLoss(null))))).containsExactly("triggerPrice");
        assertThat(badFields(post(trader, with(stopLoss("100"), "orderType", "LIMIT")))).containsExactly("limitPrice");
        assertThat(badFields(post(trader, with(stopLoss("100"), "limitPrice", "99")))).containsExactly("limitPrice");
        assertThat(badFields(post(trader, with(stopLoss("100"), "orderType", "LIMIT", "limitPrice", "99.001"))))
                .containsExactly("limitPrice");
        assertThat(badFields(post(trader, with(stopLoss("100"), "orderType", "LIMIT_MAKER", "limitPrice", "99"))))
                .containsExactly("orderType");
        assertThat(badFields(post(trader, with(stopLoss("100"), "kind", null, "side", null)))).containsExactly("kind", "side");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "BASE", "value", "0.00001")))))
                .containsExactly("quantity.value");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "LOTS", "value", "1")))))
                .containsExactly("quantity.rule");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "BALANCE_PERCENT", "value", "100.01")))))
                .containsExactly("quantity.value");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "BALANCE_PERCENT", "value", "0")))))
                .containsExactly("quantity.value");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "FILLED_PERCENT", "value", "50")))))
                .containsExactly("quantity.orderId");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "FILLED_PERCENT", "value", "50", "orderId", 999_999)))))
                .containsExactly("quantity.orderId");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "FILLED_PERCENT", "value", "50", "orderId", -1)))))
                .containsExactly("quantity.orderId");
        assertThat(badFields(post(trader, with(stopLoss("100"), "quantity", Map.of("rule", "BASE", "value", "1", "orderId", 5)))))
                .containsExactly("quantity.orderId");
        Map<String, Object> trailing = with(stopLoss(null), "kind", "TRAILING_STOP");
        assertThat(badFields(post(trader, trailing))).containsExactly("trailingAmount");
        assertThat(badFields(post(trader, with(trailing, "trailingPercent", "100")))).containsExactly("trailingPercent");
        assertThat(badFields(post(trader, with(trailing, "trailingPercent", "0")))).containsExactly("trailingPercent");
        assertThat(badFields(post(trader, with(trailing, "trailingPercent", "2", "trailingAmount", "5")))).containsExactly("trailingAmount");
        assertThat(badFields(post(trader, with(trailing, "trailingAmount", "5", "triggerPrice", "100")))).containsExactly("triggerPrice");
        assertThat(badFields(post(trader, with(stopLoss("100"), "trailingPercent", "2")))).containsExactly("trailingAmount");
        assertThat(badFields(post(trader, with(stopLoss("100"), "market", null)))).containsExactly("market");
        // Pairs whose legs do not fit together.
        Map<String, Object> falling = Map.of("kind", "STOP_LOSS", "side", "SELL", "triggerPrice", "45000", "quantity", Map.of("rule", "BASE", "value", "1"));
        Map<String, Object> rising = Map.of("kind", "TAKE_PROFIT", "side", "SELL", "triggerPrice", "55000", "quantity", Map.of("rule", "BASE", "value", "1"));
        Map<String, Object> risingBelow = with(rising, "triggerPrice", "44000");
        assertThat(badFields(post(trader, Map.of("market", MARKET, "legs", List.of(falling))))).containsExactly("legs");
        assertThat(badFields(post(trader, Map.of("market", MARKET, "legs", List.of(falling, falling))))).containsExactly("legs");
        assertThat(badFields(post(trader, Map.of("market", MARKET, "legs", List.of(falling, risingBelow))))).containsExactly("legs");
        assertThat(badFields(post(trader, Map.of("market", MARKET, "legs", List.of(falling, with(rising, "side", "BUY", "kind", "STOP_LOSS"))))))
                .containsExactly("legs");
        assertThat(badFields(post(trader, Map.of("market", MARKET, "kind", "STOP_LOSS", "legs", List.of(falling, rising)))))
                .containsExactly("legs");
        assertThat(badFields(post(trader, Map.of("market", MARKET, "legs", List.of(falling, with(rising, "triggerPrice", "abc"))))))
                .containsExactly("legs[1].triggerPrice");
    }

    @Test
    void malformedBodiesUnknownMarketsAndUnknownIdsAre4xxProblems() {
        Trader trader = server.trading.trader("odd");
        HttpResponse<String> unknownMarket = post(trader, with(stopLoss("100"), "market", "NOPE-USDT"));
        assertThat(unknownMarket.statusCode()).isEqualTo(404);
        assertThat(json(unknownMarket).get("code").asText()).isEqualTo("UNKNOWN_MARKET");
        HttpResponse<String> badKind = post(trader, with(stopLoss("100"), "kind", "STOP_LOSS_PLUS"));
        assertThat(badKind.statusCode()).as(badKind.body()).isEqualTo(400);
        HttpResponse<String> notJson = server.request("POST", "/conditional-orders").as(trader).body("{").send();
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(server.request("GET", "/conditional-orders/999999").as(trader).send().statusCode()).isEqualTo(404);
        assertThat(server.request("GET", "/conditional-orders/abc").as(trader).send().statusCode()).isEqualTo(400);
        assertThat(server.request("DELETE", "/conditional-orders/999999").as(trader).send().statusCode()).isEqualTo(404);
        assertThat(server.request("GET", "/conditional-orders?status=WAITING").as(trader).send().statusCode()).isEqualTo(400);
        assertThat(server.request("GET", "/conditional-orders?market=NOPE-USDT").as(trader).send().statusCode()).isEqualTo(404);
    }

    @Test
    void usersSeeAndCancelOnlyTheirOwnAndAdministratorsSeeAll() {
        Trader alice = server.trading.trader("alice");
        Trader bob = server.trading.trader("bob");
        long id = created(alice, stopLoss("45000")).get("id").asLong();
        assertThat(server.request("GET", "/conditional-orders/" + id).as(bob).send().statusCode()).isEqualTo(404);
        assertThat(server.request("DELETE", "/conditional-orders/" + id).as(bob).send().statusCode()).isEqualTo(404);
        assertThat(json(server.request("GET", "/conditional-orders").as(bob).send()).get("items")).isEmpty();
        assertThat(server.request("GET", "/conditional-orders?userId=" + alice.id()).as(bob).send().statusCode())
                .isEqualTo(403);
        assertThat(json(server.request("GET", "/conditional-orders/" + id).as(alice).send()).get("status").asText())
                .isEqualTo("ARMED");
        Trader admin = server.trading.user("admin", UserRole.ADMIN);
        assertThat(server.request("GET", "/conditional-orders/" + id).as(admin).send().statusCode()).isEqualTo(200);
        assertThat(json(server.request("GET", "/conditional-orders?userId=" + alice.id()).as(admin).send()).get("items"))
                .extracting(item -> item.get("id").asLong()).containsExactly(id);
    }

    @Test
    void aReadOnlyKeyReadsButCannotArmOrCancel() {
        Trader trader = server.trading.trader("keys");
        long id = created(trader, stopLoss("45000")).get("id").asLong();
        String readOnly = server.trading.apiKey(trader, "READ_ONLY");
        assertThat(server.request("POST", "/conditional-orders").apiKey(readOnly).json(stopLoss("45000")).send()
                .statusCode()).isEqualTo(403);
        assertThat(server.request("DELETE", "/conditional-orders/" + id).apiKey(readOnly).send().statusCode())
                .isEqualTo(403);
        assertThat(server.request("GET", "/conditional-orders/" + id).apiKey(readOnly).send().statusCode())
                .isEqualTo(200);
        String readWrite = server.trading.apiKey(trader, "READ_WRITE");
        assertThat(server.request("DELETE", "/conditional-orders/" + id).apiKey(readWrite).send().statusCode())
                .isEqualTo(200);
        assertThat(server.request("GET", "/conditional-orders").send().statusCode()).isEqualTo(401);
    }

    @Test
    void theDocumentListsExactlyTheseRoutesAndTheirResponsesProperties() throws IOException {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/openapi/openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/conditional-orders")) {
                path.getValue().fieldNames().forEachRemaining(method -> operations.add(method + " " + path.getKey()
                        + " " + path.getValue().get(method).get("x-access").asText()));
            }
        }
        assertThat(operations).containsExactlyInAnyOrder("get /conditional-orders READ", "post /conditional-orders WRITE",
                "get /conditional-orders/{id} READ", "delete /conditional-orders/{id} WRITE");
        Trader trader = server.trading.trader("doc");
        server.trading.deposit(trader, BTC, "1");
        JsonNode order = created(trader, with(stopLoss(null), "kind", "TRAILING_STOP", "trailingAmount", "100"));
        JsonNode schemas = doc.at("/components/schemas");
        assertThat(names(order)).isEqualTo(names(schemas.at("/ConditionalOrder/properties")));
        assertThat(names(order.get("quantity"))).isSubsetOf(names(schemas.at("/ConditionalQuantity/properties")));
        JsonNode page = json(server.request("GET", "/conditional-orders").as(trader).send());
        assertThat(names(page)).isEqualTo(names(schemas.at("/ConditionalOrderPage/properties")));
        assertThat(names(schemas.at("/ConditionalOrderCreate/properties")))
                .isEqualTo(recordComponents(ConditionalOrderRequest.class));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> recordComponents(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (var component : type.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

}
