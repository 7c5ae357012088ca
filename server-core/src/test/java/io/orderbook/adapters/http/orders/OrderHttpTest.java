package io.orderbook.adapters.http.orders;

import static io.orderbook.adapters.http.orders.TradingTestServer.BTC;
import static io.orderbook.adapters.http.orders.TradingTestServer.ETH;
import static io.orderbook.adapters.http.orders.TradingTestServer.USDT;
import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The order endpoints over real HTTP with real authentication, sequencer and PostgreSQL: every order type,
 * every order operation, their refusals, and who may see and touch which order. Tests share one server and
 * use fresh users, so they do not disturb each other; each trades in a price band of its own where books are
 * shared.
 */
class OrderHttpTest {
    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    @AutoClose static final TradingTestServer server = start();

    static final int SEPARATE_BOOKS = 12;
    static final java.util.concurrent.atomic.AtomicInteger books = new java.util.concurrent.atomic.AtomicInteger();

    private static TradingTestServer start() {
        TradingTestServer.installMarkets(db.database(), SEPARATE_BOOKS);
        return new TradingTestServer(db.database(), redis.client(), clock);
    }

    /** A market with an empty book no other test trades in, for tests whose outcome depends on the book. */
    static String book() {
        int n = books.incrementAndGet();
        assertThat(n).as("separate books installed").isLessThanOrEqualTo(SEPARATE_BOOKS);
        return TradingTestServer.separateBook(n).symbol();
    }

    /** A trader with 1,000,000 USDT, 100 BTC and 1,000 ETH. */
    static Trader funded(String name) {
        Trader trader = server.trader(name);
        server.deposit(trader, USDT, "1000000");
        server.deposit(trader, BTC, "100");
        server.deposit(trader, ETH, "1000");
        return trader;
    }

    static Map<String, Object> limit(String market, String side, String price, String quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", market);
        body.put("side", side);
        body.put("type", "LIMIT");
        body.put("price", price);
        body.put("quantity", quantity);
        return body;
    }

    static HttpResponse<String> place(Trader trader, Map<String, Object> body) {
        return server.request("POST", "/orders").as(trader).json(body).send();
    }

    static long placeResting(Trader trader, String market, String side, String price, String quantity) {
        HttpResponse<String> response = place(trader, limit(market, side, price, quantity));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).at("/order/id").asLong();
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asText()).as(response.body()).isEqualTo(code);
    }

    static List<String> fieldErrors(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    static JsonNode balance(Trader trader, String asset) {
        JsonNode balances = json(server.request("GET", "/balances").as(trader).send()).get("balances");
        for (JsonNode balance : balances) {
            if (balance.get("asset").asText().equals(asset)) {
                return balance;
            }
        }
        return null;
    }

    @Nested
    class OrderTypes {

        @Test
        void a_limit_order_rests_reserves_its_value_plus_the_higher_fee_and_answers_in_decimal_strings() {
            Trader alice = server.trader("alice");
            server.deposit(alice, USDT, "10000");

            HttpResponse<String> response = place(alice, limit("BTC-USDT", "BUY", "1000.5", "0.25"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode order = json(response).get("order");
            assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/orders/" + order.get("id").asLong());
            assertThat(order.get("market").asText()).isEqualTo("BTC-USDT");
            assertThat(order.get("price").asText()).isEqualTo("1000.500000");
            assertThat(order.get("quantity").asText()).isEqualTo("0.25000000");
            assertThat(order.get("timeInForce").asText()).isEqualTo("GTC");
            assertThat(order.get("status").asText()).isEqualTo("OPEN");
            assertThat(order.get("openQuantity").asText()).isEqualTo("0.25000000");
            assertThat(json(response).get("fills")).isEmpty();
            assertThat(json(response).at("/events/0/type").asText()).isEqualTo("ACCEPTED");
            // 250.125 USDT plus 0.2% (the higher of maker and taker fee) = 250.62525, exact.
            assertThat(balance(alice, "USDT").get("locked").asText()).isEqualTo("250.625250");
            assertThat(balance(alice, "USDT").get("available").asText()).isEqualTo("9749.374750");
        }

        @Test
        void a_market_sell_trades_against_the_book_and_reports_its_fills_with_the_takers_fee() {
            String market = book();
            Trader maker = funded("maker");
            Trader taker = funded("taker");
            long resting = placeResting(maker, market, "BUY", "2000", "0.5");

            Map<String, Object> body = new LinkedHashMap<>(Map.of("market", market, "side", "SELL", "type", "MARKET",
                    "quantity", "0.2"));
            HttpResponse<String> response = place(taker, body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode result = json(response);
            assertThat(result.at("/order/status").asText()).isEqualTo("FILLED");
            assertThat(result.at("/order/timeInForce").asText()).isEqualTo("IOC");
            assertThat(result.at("/order/price").isMissingNode()).isTrue();
            JsonNode fill = result.at("/fills/0");
            assertThat(fill.get("liquidity").asText()).isEqualTo("TAKER");
            assertThat(fill.get("side").asText()).isEqualTo("SELL");
            assertThat(fill.get("price").asText()).isEqualTo("2000.000000");
            assertThat(fill.get("quantity").asText()).isEqualTo("0.20000000");
            assertThat(fill.get("quoteQuantity").asText()).isEqualTo("400.000000");
            assertThat(fill.get("fee").asText()).isEqualTo("0.800000");
            assertThat(fill.get("feeAsset").asText()).isEqualTo("USDT");
            // Nothing of the other side: not its order, not its user.
            assertThat(response.body()).doesNotContain("\"orderId\":" + resting).doesNotContain("userId");

            JsonNode makerOrder = json(server.request("GET", "/orders/" + resting).as(maker).send());
            assertThat(makerOrder.get("filledQuantity").asText()).isEqualTo("0.20000000");
            assertThat(makerOrder.get("openQuantity").asText()).isEqualTo("0.30000000");
        }

        @Test
        void a_market_buy_sized_by_quote_amount_spends_at_most_that_amount_fees_included() {
            String market = book();
            Trader maker = funded("maker");
            Trader taker = server.trader("taker");
            server.deposit(taker, USDT, "1000");
            placeResting(maker, market, "SELL", "1000", "1");

            HttpResponse<String> response = place(taker, Map.of("market", market, "side", "BUY", "type", "MARKET",
                    "quoteAmount", "100.5"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode order = json(response).get("order");
            assertThat(order.get("quoteAmount").asText()).isEqualTo("100.500000");
            assertThat(order.has("quantity")).isFalse();
            // 1002 lots of 0.0001 BTC at 1000 cost 100.2 USDT plus 0.2% taker fee = 100.4004; one more lot would
            // exceed 100.5. The budget is spent while liquidity remains, so the order is FILLED.
            assertThat(order.get("status").asText()).isEqualTo("FILLED");
            assertThat(order.get("filledQuantity").asText()).isEqualTo("0.10020000");
            assertThat(balance(taker, "USDT").get("available").asText()).isEqualTo("899.599600");
            assertThat(balance(taker, "USDT").get("locked").asText()).isEqualTo("0.000000");
            assertThat(balance(taker, "BTC").get("available").asText()).isEqualTo("0.10020000");
        }

        @Test
        void a_market_order_against_an_empty_book_is_409_no_liquidity() {
            Trader taker = funded("taker");

            HttpResponse<String> response = place(taker, Map.of("market", book(), "side", "BUY", "type", "MARKET",
                    "quantity", "1"));

            assertProblem(response, 409, "NO_LIQUIDITY");
        }

        @Test
        void a_limit_maker_that_would_take_is_409_and_one_that_rests_is_placed() {
            String market = book();
            Trader maker = funded("maker");
            Trader other = funded("other");
            placeResting(maker, market, "SELL", "90000", "0.1");

            Map<String, Object> crossing = limit(market, "BUY", "90000", "0.1");
            crossing.put("type", "LIMIT_MAKER");
            assertProblem(place(other, crossing), 409, "POST_ONLY_WOULD_TAKE");

            Map<String, Object> resting = limit(market, "BUY", "89999.99", "0.1");
            resting.put("type", "LIMIT_MAKER");
            HttpResponse<String> response = place(other, resting);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(json(response).at("/order/type").asText()).isEqualTo("LIMIT_MAKER");
            assertThat(json(response).at("/order/status").asText()).isEqualTo("OPEN");
        }

        @Test
        void an_ioc_limit_fills_what_it_can_and_expires_the_rest() {
            String market = book();
            Trader maker = funded("maker");
            Trader taker = funded("taker");
            placeResting(maker, market, "SELL", "80000", "0.1");

            Map<String, Object> body = limit(market, "BUY", "80000", "0.3");
            body.put("timeInForce", "IOC");
            HttpResponse<String> response = place(taker, body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode order = json(response).get("order");
            assertThat(order.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(order.get("endReason").asText()).isEqualTo("NOT_FILLED");
            assertThat(order.get("filledQuantity").asText()).isEqualTo("0.10000000");
            assertThat(json(response).get("fills")).hasSize(1);
        }

        @Test
        void a_fok_order_that_cannot_fill_completely_is_409_and_changes_nothing() {
            String market = book();
            Trader maker = funded("maker");
            Trader taker = funded("taker");
            placeResting(maker, market, "SELL", "79000", "0.1");
            String before = balance(taker, "USDT").toString();

            Map<String, Object> body = limit(market, "BUY", "79000", "0.2");
            body.put("timeInForce", "FOK");
            assertProblem(place(taker, body), 409, "FOK_NOT_FILLABLE");

            assertThat(balance(taker, "USDT").toString()).isEqualTo(before);
        }

        @Test
        void a_gtd_order_keeps_its_expiry_and_expires_when_swept_past_it() {
            Trader trader = funded("gtd");
            Map<String, Object> body = limit("ETH-BTC", "SELL", "0.5", "1");
            body.put("expireAt", clock.instant().plus(Duration.ofMinutes(5)).toString());

            HttpResponse<String> response = place(trader, body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode order = json(response).get("order");
            assertThat(order.get("timeInForce").asText()).isEqualTo("GTD");
            long id = order.get("id").asLong();
            // The expiry sweep submits ExpireOrders with the time it runs at; here it runs at once, past the expiry.
            server.trading().sequencer().submit(new io.orderbook.domain.engine.Command.ExpireOrders(
                    clock.millis() + Duration.ofMinutes(6).toMillis())).join();
            JsonNode stored = json(server.request("GET", "/orders/" + id).as(trader).send());
            assertThat(stored.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(stored.get("endReason").asText()).isEqualTo("TIME");
            assertThat(java.time.Instant.parse(stored.get("expireAt").asText())).isEqualTo(
                    java.time.Instant.parse(body.get("expireAt").toString()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }

        @Test
        void client_order_ids_are_kept_filterable_and_unique_per_user() {
            Trader trader = funded("coid");
            Trader other = funded("coid-other");
            Map<String, Object> body = limit("ETH-BTC", "BUY", "0.01", "1");
            body.put("clientOrderId", "my-order-1");

            HttpResponse<String> first = place(trader, body);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(json(first).at("/order/clientOrderId").asText()).isEqualTo("my-order-1");

            assertProblem(place(trader, body), 409, "DUPLICATE_CLIENT_ORDER_ID");
            assertThat(place(other, body).statusCode()).isEqualTo(201);

            JsonNode page = json(server.request("GET", "/orders?clientOrderId=my-order-1").as(trader).send());
            assertThat(page.get("items")).hasSize(1);
            assertThat(page.at("/items/0/id").asLong()).isEqualTo(json(first).at("/order/id").asLong());
        }
    }

    @Nested
    class Operations {

        @Test
        void get_returns_the_callers_order_as_stored() {
            Trader trader = funded("get");
            long id = placeResting(trader, "ETH-BTC", "BUY", "0.02", "2");

            HttpResponse<String> response = server.request("GET", "/orders/" + id).as(trader).send();

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode order = json(response);
            assertThat(order.get("id").asLong()).isEqualTo(id);
            assertThat(order.get("userId").asLong()).isEqualTo(trader.id());
            assertThat(order.get("price").asText()).isEqualTo("0.02000000");
            assertThat(order.get("quantity").asText()).isEqualTo("2.00000000");
            assertThat(order.get("status").asText()).isEqualTo("OPEN");
            assertThat(order.get("createdAt").asText()).isNotEmpty();
        }

        @Test
        void amend_changes_price_and_quantity_and_keeps_priority_only_when_reducing_at_the_same_price() {
            Trader trader = funded("amend");
            long id = placeResting(trader, "ETH-BTC", "BUY", "0.03", "2");

            HttpResponse<String> reduce = server.request("PATCH", "/orders/" + id).as(trader)
                    .json(Map.of("quantity", "1.5")).send();
            assertThat(reduce.statusCode()).as(reduce.body()).isEqualTo(200);
            assertThat(json(reduce).at("/events/0/type").asText()).isEqualTo("AMENDED");
            assertThat(json(reduce).at("/events/0/priorityKept").asBoolean()).isTrue();
            assertThat(json(reduce).at("/order/quantity").asText()).isEqualTo("1.50000000");
            assertThat(json(reduce).at("/order/price").asText()).isEqualTo("0.03000000");

            HttpResponse<String> reprice = server.request("PATCH", "/orders/" + id).as(trader)
                    .json(Map.of("price", "0.031")).send();
            assertThat(reprice.statusCode()).as(reprice.body()).isEqualTo(200);
            assertThat(json(reprice).at("/events/0/priorityKept").asBoolean()).isFalse();

            JsonNode stored = json(server.request("GET", "/orders/" + id).as(trader).send());
            assertThat(stored.get("price").asText()).isEqualTo("0.03100000");
            assertThat(stored.get("quantity").asText()).isEqualTo("1.50000000");
        }

        @Test
        void amend_refuses_bad_values_before_the_engine_and_the_engines_own_rules_after() {
            Trader trader = funded("amend-bad");
            long id = placeResting(trader, "ETH-BTC", "BUY", "0.03", "2");

            HttpResponse<String> offTick = server.request("PATCH", "/orders/" + id).as(trader)
                    .json(Map.of("price", "0.030001", "quantity", "0")).send();
            assertProblem(offTick, 400, "VALIDATION_FAILED");
            assertThat(fieldErrors(offTick)).containsExactlyInAnyOrder("price", "quantity");

            assertProblem(server.request("PATCH", "/orders/" + id).as(trader).body("{}").send(), 400,
                    "VALIDATION_FAILED");
            assertProblem(server.request("PATCH", "/orders/" + id).as(trader).json(Map.of("price", "1000000"))
                    .send(), 422, "INSUFFICIENT_FUNDS");
        }

        @Test
        void cancel_releases_the_reservation_and_a_second_cancel_is_409_order_not_open() {
            Trader trader = server.trader("cancel");
            server.deposit(trader, BTC, "1");
            long id = placeResting(trader, "ETH-BTC", "BUY", "0.1", "5");
            assertThat(balance(trader, "BTC").get("locked").asText()).isEqualTo("0.50025000");

            HttpResponse<String> response = server.request("DELETE", "/orders/" + id).as(trader).send();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).at("/order/status").asText()).isEqualTo("CANCELLED");
            assertThat(json(response).at("/order/endReason").asText()).isEqualTo("USER");
            assertThat(json(response).at("/events/0/openQuantity").asText()).isEqualTo("5.00000000");
            assertThat(balance(trader, "BTC").get("locked").asText()).isEqualTo("0.00000000");
            assertThat(balance(trader, "BTC").get("available").asText()).isEqualTo("1.00000000");

            assertProblem(server.request("DELETE", "/orders/" + id).as(trader).send(), 409, "ORDER_NOT_OPEN");
            assertProblem(server.request("DELETE", "/orders/999999999").as(trader).send(), 404, "UNKNOWN_ORDER");
        }

        @Test
        void take_trades_against_someone_elses_resting_order_at_its_price_and_reveals_nothing_of_its_owner() {
            Trader maker = funded("take-maker");
            Trader taker = funded("take-taker");
            long resting = placeResting(maker, "BTC-USDT", "SELL", "95000", "0.3");

            HttpResponse<String> response = server.request("POST", "/orders/" + resting + "/take").as(taker)
                    .json(Map.of("quantity", "0.1")).send();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode result = json(response);
            assertThat(result.at("/order/side").asText()).isEqualTo("BUY");
            assertThat(result.at("/order/status").asText()).isEqualTo("FILLED");
            assertThat(result.at("/fills/0/price").asText()).isEqualTo("95000.000000");
            assertThat(result.at("/fills/0/quantity").asText()).isEqualTo("0.10000000");
            assertThat(response.body()).doesNotContain("userId")
                    .doesNotContain("\"orderId\":" + resting);

            HttpResponse<String> all = server.request("POST", "/orders/" + resting + "/take").as(taker).send();
            assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
            assertThat(json(all).at("/fills/0/quantity").asText()).isEqualTo("0.20000000");

            // Filled and gone: the same answer as for an order that never existed.
            assertProblem(server.request("POST", "/orders/" + resting + "/take").as(taker).send(), 404, "UNKNOWN_ORDER");
            assertProblem(server.request("POST", "/orders/999999999/take").as(taker).send(), 404, "UNKNOWN_ORDER");
        }

        @Test
        void a_filled_order_is_409_order_not_open_to_its_owner_and_404_to_everyone_else() {
            Trader maker = funded("filled-maker");
            Trader taker = funded("filled-taker");
            long resting = placeResting(maker, "BTC-USDT", "SELL", "95000", "0.1");
            HttpResponse<String> take = server.request("POST", "/orders/" + resting + "/take").as(taker).send();
            assertThat(take.statusCode()).as(take.body()).isEqualTo(200);

            assertProblem(server.request("DELETE", "/orders/" + resting).as(maker).send(), 409, "ORDER_NOT_OPEN");
            assertProblem(server.request("PATCH", "/orders/" + resting).as(maker)
                    .json(Map.of("price", "95100", "quantity", "0.2")).send(), 409, "ORDER_NOT_OPEN");
            assertProblem(server.request("DELETE", "/orders/" + resting).as(taker).send(), 404, "UNKNOWN_ORDER");
            assertProblem(server.request("PATCH", "/orders/" + resting).as(taker)
                    .json(Map.of("price", "95100", "quantity", "0.2")).send(), 404, "UNKNOWN_ORDER");
        }

        @Test
        void taking_ones_own_order_is_409() {
            Trader trader = funded("self-take");
            long resting = placeResting(trader, "ETH-BTC", "SELL", "0.9", "1");

            assertProblem(server.request("POST", "/orders/" + resting + "/take").as(trader).send(), 409,
                    "CANNOT_TAKE_OWN_ORDER");
        }

        @Test
        void close_cancels_the_rest_and_trades_back_what_filled_then_refuses_a_second_close() {
            String market = book();
            Trader trader = funded("close");
            Trader counterparty = funded("close-cp");
            long id = placeResting(trader, market, "BUY", "70000", "0.5");
            placeResting(counterparty, market, "BUY", "69000", "1");
            place(counterparty, Map.of("market", market, "side", "SELL", "type", "MARKET", "quantity", "0.2"));

            HttpResponse<String> response = server.request("POST", "/orders/" + id + "/close").as(trader).send();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode result = json(response);
            assertThat(result.at("/order/status").asText()).isEqualTo("CANCELLED");
            assertThat(result.at("/order/endReason").asText()).isEqualTo("CLOSE");
            assertThat(result.at("/order/closed").asBoolean()).isTrue();
            long closingId = result.at("/closingOrder/id").asLong();
            assertThat(result.at("/order/closingOrderId").asLong()).isEqualTo(closingId);
            assertThat(result.at("/closingOrder/side").asText()).isEqualTo("SELL");
            assertThat(result.at("/closingOrder/type").asText()).isEqualTo("MARKET");
            assertThat(result.at("/closingOrder/quantity").asText()).isEqualTo("0.20000000");
            assertThat(result.at("/closingOrder/status").asText()).isEqualTo("FILLED");
            assertThat(result.at("/fills/0/price").asText()).isEqualTo("69000.000000");

            assertProblem(server.request("POST", "/orders/" + id + "/close").as(trader).send(), 409, "ALREADY_CLOSED");
        }

        @Test
        void closing_an_order_that_never_filled_only_cancels_it() {
            Trader trader = funded("close-unfilled");
            long id = placeResting(trader, "ETH-BTC", "BUY", "0.001", "1");

            HttpResponse<String> response = server.request("POST", "/orders/" + id + "/close").as(trader).send();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).at("/order/status").asText()).isEqualTo("CANCELLED");
            assertThat(json(response).has("closingOrder")).isFalse();
            assertProblem(server.request("POST", "/orders/" + id + "/close").as(trader).send(), 409, "ORDER_NOT_OPEN");
        }

        @Test
        void cancel_all_cancels_every_open_order_of_the_caller_in_that_market_only() {
            Trader trader = funded("cancel-all");
            Trader other = funded("cancel-all-other");
            long a = placeResting(trader, "ETH-BTC", "BUY", "0.002", "1");
            long b = placeResting(trader, "ETH-BTC", "SELL", "0.95", "1");
            long elsewhere = placeResting(trader, "ETH-USDT", "BUY", "1", "1");
            long others = placeResting(other, "ETH-BTC", "BUY", "0.002", "1");

            HttpResponse<String> response = server.request("DELETE", "/orders?market=ETH-BTC").as(trader).send();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode result = json(response);
            assertThat(result.get("cancelled").asInt()).isEqualTo(2);
            List<Long> ids = new ArrayList<>();
            result.get("orders").forEach(order -> ids.add(order.get("id").asLong()));
            assertThat(ids).containsExactly(a, b);
            assertThat(json(server.request("GET", "/orders/" + elsewhere).as(trader).send()).get("status").asText())
                    .isEqualTo("OPEN");
            assertThat(json(server.request("GET", "/orders/" + others).as(other).send()).get("status").asText())
                    .isEqualTo("OPEN");

            assertThat(json(server.request("DELETE", "/orders?market=ETH-BTC").as(trader).send()).get("cancelled")
                    .asInt()).isZero();
            assertProblem(server.request("DELETE", "/orders").as(trader).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("DELETE", "/orders?market=NOPE-USDT").as(trader).send(), 404, "UNKNOWN_MARKET");
        }

        @Test
        void list_filters_by_market_status_side_and_time_and_pages_newest_first() {
            Trader trader = funded("list");
            long first = placeResting(trader, "ETH-BTC", "BUY", "0.003", "1");
            long second = placeResting(trader, "ETH-BTC", "SELL", "0.97", "1");
            long third = placeResting(trader, "ETH-USDT", "BUY", "2", "1");
            server.request("DELETE", "/orders/" + first).as(trader).send();

            List<Long> all = ids(server.request("GET", "/orders").as(trader).send());
            assertThat(all).containsExactly(third, second, first);
            assertThat(ids(server.request("GET", "/orders?market=ETH-BTC").as(trader).send())).containsExactly(second, first);
            assertThat(ids(server.request("GET", "/orders?status=OPEN").as(trader).send())).containsExactly(third, second);
            assertThat(ids(server.request("GET", "/orders?status=CANCELLED&side=BUY").as(trader).send())).containsExactly(first);
            String later = clock.instant().plusSeconds(1).toString();
            assertThat(ids(server.request("GET", "/orders?from=" + later).as(trader).send())).isEmpty();
            assertThat(ids(server.request("GET", "/orders?to=" + later).as(trader).send())).hasSize(3);

            HttpResponse<String> page1 = server.request("GET", "/orders?limit=2").as(trader).send();
            assertThat(ids(page1)).containsExactly(third, second);
            String cursor = json(page1).get("nextCursor").asText();
            HttpResponse<String> page2 = server.request("GET", "/orders?limit=2&cursor=" + cursor).as(trader).send();
            assertThat(ids(page2)).containsExactly(first);
            assertThat(json(page2).get("nextCursor").isNull()).isTrue();

            assertProblem(server.request("GET", "/orders?status=DONE").as(trader).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/orders?from=yesterday").as(trader).send(), 400, "VALIDATION_FAILED");
            // Instant.parse reaches a billion years; the database would refuse it with a 500.
            assertProblem(server.request("GET", "/orders?to=%2B1000000000-01-01T00:00:00Z").as(trader).send(), 400,
                    "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/trades?from=-1000000000-01-01T00:00:00Z").as(trader).send(), 400,
                    "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/orders?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z").as(trader)
                    .send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/trades?from=2030-01-02T00:00:00Z&to=2030-01-02T00:00:00Z").as(trader)
                    .send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/orders?market=NOPE-USDT").as(trader).send(), 404, "UNKNOWN_MARKET");
        }

        private List<Long> ids(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<Long> ids = new ArrayList<>();
            json(response).get("items").forEach(item -> ids.add(item.get("id").asLong()));
            return ids;
        }
    }

    @Nested
    class Isolation {

        @Test
        void a_user_cannot_read_amend_cancel_or_close_another_users_order_and_learns_nothing_of_it() {
            Trader owner = funded("owner");
            Trader intruder = funded("intruder");
            long id = placeResting(owner, "ETH-BTC", "BUY", "0.004", "1");
            HttpResponse<String> missing = server.request("GET", "/orders/999999999").as(intruder).send();

            HttpResponse<String> read = server.request("GET", "/orders/" + id).as(intruder).send();
            HttpResponse<String> amend = server.request("PATCH", "/orders/" + id).as(intruder)
                    .json(Map.of("price", "0.005")).send();
            HttpResponse<String> cancel = server.request("DELETE", "/orders/" + id).as(intruder).send();
            HttpResponse<String> close = server.request("POST", "/orders/" + id + "/close").as(intruder).send();

            for (HttpResponse<String> response : List.of(read, amend, cancel, close)) {
                assertProblem(response, 404, "UNKNOWN_ORDER");
                assertThat(json(response).get("detail").asText()).isEqualTo(json(missing).get("detail").asText());
            }
            JsonNode stored = json(server.request("GET", "/orders/" + id).as(owner).send());
            assertThat(stored.get("status").asText()).isEqualTo("OPEN");
            assertThat(stored.get("price").asText()).isEqualTo("0.00400000");
            assertThat(ids(server.request("GET", "/orders").as(intruder).send())).doesNotContain(id);
            assertThat(server.request("GET", "/orders?userId=" + owner.id()).as(intruder).send().statusCode())
                    .isEqualTo(403);
        }

        @Test
        void an_administrator_sees_every_users_orders_but_cannot_cancel_them() {
            Trader owner = funded("owned");
            Trader admin = server.user("admin", UserRole.ADMIN);
            long id = placeResting(owner, "ETH-BTC", "BUY", "0.005", "1");

            assertThat(json(server.request("GET", "/orders/" + id).as(admin).send()).get("userId").asLong())
                    .isEqualTo(owner.id());
            assertThat(ids(server.request("GET", "/orders?userId=" + owner.id()).as(admin).send())).containsExactly(id);
            assertThat(ids(server.request("GET", "/orders").as(admin).send())).contains(id);
            assertProblem(server.request("DELETE", "/orders/" + id).as(admin).send(), 404, "UNKNOWN_ORDER");
        }

        @Test
        void a_read_only_key_can_read_but_not_trade() {
            Trader trader = funded("read-only");
            long id = placeResting(trader, "ETH-BTC", "BUY", "0.006", "1");
            String readOnly = server.apiKey(trader, "READ_ONLY");
            String readWrite = server.apiKey(trader, "READ_WRITE");

            assertProblem(server.request("POST", "/orders").apiKey(readOnly).json(limit("ETH-BTC", "BUY", "0.006", "1"))
                    .send(), 403, "FORBIDDEN");
            assertProblem(server.request("DELETE", "/orders/" + id).apiKey(readOnly).send(), 403, "FORBIDDEN");
            assertProblem(server.request("PATCH", "/orders/" + id).apiKey(readOnly).json(Map.of("price", "0.007"))
                    .send(), 403, "FORBIDDEN");
            assertProblem(server.request("POST", "/orders/" + id + "/close").apiKey(readOnly).send(), 403, "FORBIDDEN");
            assertProblem(server.request("POST", "/orders/" + id + "/take").apiKey(readOnly).send(), 403, "FORBIDDEN");
            assertProblem(server.request("DELETE", "/orders?market=ETH-BTC").apiKey(readOnly).send(), 403, "FORBIDDEN");
            assertThat(server.request("GET", "/orders/" + id).apiKey(readOnly).send().statusCode()).isEqualTo(200);
            assertThat(server.request("GET", "/balances").apiKey(readOnly).send().statusCode()).isEqualTo(200);
            assertThat(server.request("GET", "/trades").apiKey(readOnly).send().statusCode()).isEqualTo(200);
            assertThat(json(server.request("GET", "/orders/" + id).as(trader).send()).get("status").asText())
                    .isEqualTo("OPEN");

            HttpResponse<String> placed = server.request("POST", "/orders").apiKey(readWrite)
                    .json(limit("ETH-BTC", "BUY", "0.006", "1")).send();
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        }

        @Test
        void anonymous_callers_are_401() {
            assertProblem(server.request("GET", "/orders").send(), 401, "UNAUTHENTICATED");
            assertProblem(server.request("POST", "/orders").json(limit("ETH-BTC", "BUY", "1", "1")).send(), 401,
                    "UNAUTHENTICATED");
            assertProblem(server.request("GET", "/balances").send(), 401, "UNAUTHENTICATED");
            assertProblem(server.request("GET", "/trades").send(), 401, "UNAUTHENTICATED");
        }

        private List<Long> ids(HttpResponse<String> response) {
            List<Long> ids = new ArrayList<>();
            json(response).get("items").forEach(item -> ids.add(item.get("id").asLong()));
            return ids;
        }
    }

    @Nested
    class BadInput {

        /** A request body, the status and code it must get, and the fields its errors must name. */
        record Case(String name, String body, int status, String code, List<String> fields) {
            @Override
            public String toString() {
                return name;
            }
        }

        static List<Case> cases() {
            String m = "\"market\":\"BTC-USDT\",\"side\":\"BUY\",";
            return List.of(
                    new Case("zero quantity", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100\",\"quantity\":\"0\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("negative quantity", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100\",\"quantity\":\"-1\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("negative price", "{" + m + "\"type\":\"LIMIT\",\"price\":\"-100\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("zero price", "{" + m + "\"type\":\"LIMIT\",\"price\":\"0.00\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("off-tick price", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100.005\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("more decimals than the quote asset", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100.0000001\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("off-lot quantity", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100\",\"quantity\":\"0.00015\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("more decimals than the base asset", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100\",\"quantity\":\"0.000000001\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("absurd quantity", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100\",\"quantity\":\"99999999999999999999999999\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("absurd price", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1" + "0".repeat(39) + "\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("absurdly long number", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1" + "0".repeat(5000) + "\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("value too large", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1000000000000\",\"quantity\":\"10000000\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("exponent notation", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1e3\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("number instead of string", "{" + m + "\"type\":\"LIMIT\",\"price\":100,\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("unknown market", "{\"market\":\"DOGE-USDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\"}",
                            404, "UNKNOWN_MARKET", List.of()),
                    new Case("unknown side", "{\"market\":\"BTC-USDT\",\"side\":\"HOLD\",\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("side")),
                    new Case("missing fields", "{}", 400, "VALIDATION_FAILED", List.of("market", "side", "type")),
                    new Case("unknown field", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\",\"leverage\":\"10\"}",
                            400, "VALIDATION_FAILED", List.of("leverage")),
                    new Case("malformed JSON", "{\"market\": \"BTC-USDT\",", 400, "MALFORMED_JSON", List.of()),
                    new Case("JSON null", "null", 400, "VALIDATION_FAILED", List.of("body")),
                    new Case("market order with a price", "{" + m + "\"type\":\"MARKET\",\"price\":\"1\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("price")),
                    new Case("market order without a size", "{" + m + "\"type\":\"MARKET\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("market order with GTC", "{" + m + "\"type\":\"MARKET\",\"timeInForce\":\"GTC\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("timeInForce")),
                    new Case("market sell by quote amount", "{\"market\":\"BTC-USDT\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quoteAmount\":\"10\"}",
                            400, "VALIDATION_FAILED", List.of("quoteAmount")),
                    new Case("quote amount and quantity", "{" + m + "\"type\":\"MARKET\",\"quoteAmount\":\"10\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("quantity")),
                    new Case("limit order with a quote amount", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\",\"quoteAmount\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("quoteAmount")),
                    new Case("limit maker IOC", "{" + m + "\"type\":\"LIMIT_MAKER\",\"timeInForce\":\"IOC\",\"price\":\"1\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("timeInForce")),
                    new Case("GTD without expiry", "{" + m + "\"type\":\"LIMIT\",\"timeInForce\":\"GTD\",\"price\":\"1\",\"quantity\":\"1\"}",
                            400, "VALIDATION_FAILED", List.of("expireAt")),
                    new Case("expiry in the past", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\",\"expireAt\":\"2001-01-01T00:00:00Z\"}",
                            400, "VALIDATION_FAILED", List.of("expireAt")),
                    new Case("expiry past year 9999", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\",\"expireAt\":\"+1000000000-01-01T00:00:00Z\"}",
                            400, "VALIDATION_FAILED", List.of("expireAt")),
                    new Case("expiry on GTC", "{" + m + "\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":\"1\",\"quantity\":\"1\",\"expireAt\":\"2999-01-01T00:00:00Z\"}",
                            400, "VALIDATION_FAILED", List.of("expireAt")),
                    new Case("client order id with spaces", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"1\",\"clientOrderId\":\"a b\"}",
                            400, "VALIDATION_FAILED", List.of("clientOrderId")),
                    new Case("below the minimum value", "{" + m + "\"type\":\"LIMIT\",\"price\":\"1\",\"quantity\":\"0.0001\"}",
                            400, "BELOW_MIN_NOTIONAL", List.of()),
                    new Case("more than the balance", "{" + m + "\"type\":\"LIMIT\",\"price\":\"100000\",\"quantity\":\"1000\"}",
                            422, "INSUFFICIENT_FUNDS", List.of()));
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.MethodSource("cases")
        void bad_orders_get_a_4xx_problem_naming_each_bad_field_and_change_nothing(Case c) {
            Trader trader = server.trader("bad");
            server.deposit(trader, USDT, "1000");

            HttpResponse<String> response = server.request("POST", "/orders").as(trader).body(c.body()).send();

            assertProblem(response, c.status(), c.code());
            assertThat(fieldErrors(response)).containsExactlyInAnyOrderElementsOf(c.fields());
            assertThat(balance(trader, "USDT").get("locked").asText()).isEqualTo("0.000000");
            assertThat(json(server.request("GET", "/orders").as(trader).send()).get("items")).isEmpty();
        }

        @Test
        void bad_ids_paths_and_headers_are_4xx_too() {
            Trader trader = funded("bad-ids");
            assertProblem(server.request("GET", "/orders/abc").as(trader).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/orders/0").as(trader).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/orders/99999999999999999999").as(trader).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("DELETE", "/orders/-5").as(trader).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("POST", "/orders/999999999/take").as(trader).json(Map.of("quantity", "-1"))
                    .send(), 404, "UNKNOWN_ORDER");
            long resting = placeResting(funded("bad-ids-maker"), "ETH-BTC", "SELL", "0.99", "1");
            HttpResponse<String> badTake = server.request("POST", "/orders/" + resting + "/take").as(trader)
                    .json(Map.of("quantity", "-1", "clientOrderId", "")).send();
            assertProblem(badTake, 400, "VALIDATION_FAILED");
            assertThat(fieldErrors(badTake)).containsExactlyInAnyOrder("quantity", "clientOrderId");
            assertProblem(server.request("POST", "/orders").as(trader).idempotencyKey(" ")
                    .json(limit("ETH-BTC", "BUY", "0.01", "1")).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("POST", "/orders").as(trader).idempotencyKey("x".repeat(256))
                    .json(limit("ETH-BTC", "BUY", "0.01", "1")).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("GET", "/orders?limit=0").as(trader).send(), 400, "VALIDATION_FAILED");
            assertProblem(server.request("PUT", "/orders").as(trader).send(), 405, "METHOD_NOT_ALLOWED");
        }

        @Test
        void a_halted_market_refuses_new_orders_amends_and_takes_with_409_but_still_cancels() {
            String market = book();
            int marketId = TradingTestServer.separateBook(books.get()).id();
            Trader trader = funded("halted");
            Trader other = funded("halted-other");
            long resting = placeResting(trader, market, "BUY", "100", "1");
            long theirs = placeResting(other, market, "SELL", "200", "1");
            server.trading().sequencer().submit(new io.orderbook.domain.engine.Command.SetMarketHalted(
                    clock.millis(), marketId, true)).join();
            try {
                assertProblem(place(trader, limit(market, "BUY", "101", "1")), 409, "MARKET_HALTED");
                assertProblem(server.request("PATCH", "/orders/" + resting).as(trader).json(Map.of("price", "102"))
                        .send(), 409, "MARKET_HALTED");
                assertProblem(server.request("POST", "/orders/" + theirs + "/take").as(trader).send(), 409,
                        "MARKET_HALTED");
                assertThat(server.request("DELETE", "/orders/" + resting).as(trader).send().statusCode()).isEqualTo(200);
            } finally {
                server.trading().sequencer().submit(new io.orderbook.domain.engine.Command.SetMarketHalted(
                        clock.millis(), marketId, false)).join();
            }
        }
    }

    @Nested
    class Idempotency {

        @Test
        void a_retry_with_the_same_key_and_request_gets_the_first_answer_and_places_nothing_more() {
            Trader trader = funded("idem");
            Map<String, Object> body = limit("ETH-BTC", "BUY", "0.011", "1");

            HttpResponse<String> first = server.request("POST", "/orders").as(trader).idempotencyKey("key-1").json(body).send();
            // Same meaning, different text: key order, "1.0" for "1", whitespace.
            HttpResponse<String> retry = server.request("POST", "/orders").as(trader).idempotencyKey("key-1")
                    .body("{ \"quantity\": \"1.0\", \"type\": \"LIMIT\", \"side\": \"BUY\", \"price\": \"0.0110\", "
                            + "\"market\": \"ETH-BTC\" }").send();

            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            assertThat(json(server.request("GET", "/orders").as(trader).send()).get("items")).hasSize(1);
        }

        @Test
        void the_same_key_with_a_different_request_is_422_and_changes_nothing() {
            Trader trader = funded("idem-reuse");
            server.request("POST", "/orders").as(trader).idempotencyKey("key-2").json(limit("ETH-BTC", "BUY", "0.012", "1")).send();

            assertProblem(server.request("POST", "/orders").as(trader).idempotencyKey("key-2")
                    .json(limit("ETH-BTC", "BUY", "0.012", "2")).send(), 422, "IDEMPOTENCY_KEY_REUSED");
            long id = json(server.request("GET", "/orders").as(trader).send()).at("/items/0/id").asLong();
            // A key is for one request only, whatever the endpoint.
            assertProblem(server.request("DELETE", "/orders/" + id).as(trader).idempotencyKey("key-2").send(), 422,
                    "IDEMPOTENCY_KEY_REUSED");
            assertThat(json(server.request("GET", "/orders").as(trader).send()).get("items")).hasSize(1);
        }

        @Test
        void keys_belong_to_one_user() {
            Trader a = funded("idem-a");
            Trader b = funded("idem-b");
            Map<String, Object> body = limit("ETH-BTC", "BUY", "0.013", "1");

            HttpResponse<String> first = server.request("POST", "/orders").as(a).idempotencyKey("shared").json(body).send();
            HttpResponse<String> second = server.request("POST", "/orders").as(b).idempotencyKey("shared").json(body).send();

            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(json(second).at("/order/id").asLong()).isNotEqualTo(json(first).at("/order/id").asLong());
        }

        @Test
        void a_refusal_is_the_first_answer_too() {
            Trader trader = server.trader("idem-refused");
            server.deposit(trader, BTC, "0.001");
            Map<String, Object> body = limit("ETH-BTC", "BUY", "0.014", "1");

            HttpResponse<String> first = server.request("POST", "/orders").as(trader).idempotencyKey("poor").json(body).send();
            server.deposit(trader, BTC, "10");
            HttpResponse<String> retry = server.request("POST", "/orders").as(trader).idempotencyKey("poor").json(body).send();

            assertProblem(first, 422, "INSUFFICIENT_FUNDS");
            assertProblem(retry, 422, "INSUFFICIENT_FUNDS");
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(server.request("POST", "/orders").as(trader).idempotencyKey("rich").json(body).send().statusCode())
                    .isEqualTo(201);
        }

        @Test
        void retried_cancels_amends_takes_and_closes_get_their_first_answer_after_the_order_has_moved_on() {
            String market = book();
            Trader trader = funded("idem-ops");
            Trader other = funded("idem-ops-other");
            long resting = placeResting(trader, market, "BUY", "100", "1");

            HttpResponse<String> amend = server.request("PATCH", "/orders/" + resting).as(trader).idempotencyKey("amend")
                    .json(Map.of("quantity", "0.5")).send();
            HttpResponse<String> cancel = server.request("DELETE", "/orders/" + resting).as(trader).idempotencyKey("cancel").send();
            HttpResponse<String> amendAgain = server.request("PATCH", "/orders/" + resting).as(trader).idempotencyKey("amend")
                    .json(Map.of("quantity", "0.5")).send();
            HttpResponse<String> cancelAgain = server.request("DELETE", "/orders/" + resting).as(trader).idempotencyKey("cancel").send();

            assertThat(amend.statusCode()).isEqualTo(200);
            assertThat(amendAgain.statusCode()).isEqualTo(200);
            assertThat(amendAgain.body()).isEqualTo(amend.body());
            assertThat(cancel.statusCode()).isEqualTo(200);
            assertThat(cancelAgain.body()).isEqualTo(cancel.body());
            assertThat(cancelAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");

            long target = placeResting(other, market, "SELL", "150", "0.2");
            HttpResponse<String> take = server.request("POST", "/orders/" + target + "/take").as(trader).idempotencyKey("take").send();
            HttpResponse<String> takeAgain = server.request("POST", "/orders/" + target + "/take").as(trader).idempotencyKey("take").send();
            assertThat(take.statusCode()).as(take.body()).isEqualTo(200);
            assertThat(takeAgain.body()).isEqualTo(take.body());

            long taken = json(take).at("/order/id").asLong();
            placeResting(other, market, "BUY", "140", "1");
            HttpResponse<String> close = server.request("POST", "/orders/" + taken + "/close").as(trader).idempotencyKey("close").send();
            HttpResponse<String> closeAgain = server.request("POST", "/orders/" + taken + "/close").as(trader).idempotencyKey("close").send();
            assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
            assertThat(closeAgain.statusCode()).isEqualTo(200);
            assertThat(closeAgain.body()).isEqualTo(close.body());
            assertThat(balance(trader, "BTC").get("total").asText()).isEqualTo("100.00000000");
        }

        @Test
        void the_same_key_sent_ten_times_at_once_creates_one_order() throws Exception {
            Trader trader = funded("idem-burst");
            Map<String, Object> body = limit("ETH-BTC", "BUY", "0.015", "1");
            List<java.util.concurrent.Future<HttpResponse<String>>> responses = new ArrayList<>();
            try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                for (int i = 0; i < 10; i++) {
                    responses.add(executor.submit(() -> {
                        start.await();
                        return server.request("POST", "/orders").as(trader).idempotencyKey("burst").json(body).send();
                    }));
                }
                start.countDown();
            }
            java.util.Set<String> bodies = new java.util.HashSet<>();
            int replayed = 0;
            for (var future : responses) {
                HttpResponse<String> response = future.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                bodies.add(response.body());
                replayed += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
            }
            assertThat(bodies).hasSize(1);
            assertThat(replayed).isEqualTo(9);
            assertThat(json(server.request("GET", "/orders").as(trader).send()).get("items")).hasSize(1);
            try (var connection = db.connection(); var select = connection.prepareStatement(
                    "select count(*) from orders where user_id = ?")) {
                select.setLong(1, trader.id());
                try (var rows = select.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
            }
        }
    }

    @Nested
    class BalancesAndTrades {

        @Test
        void balances_list_every_held_asset_exactly_and_are_private() {
            Trader trader = server.trader("bal");
            Trader other = server.trader("bal-other");
            server.deposit(trader, USDT, "1234.567891");
            server.deposit(trader, BTC, "0.00000001");
            placeResting(trader, "ETH-USDT", "BUY", "100", "1.5");

            JsonNode body = json(server.request("GET", "/balances").as(trader).send());

            assertThat(body.get("userId").asLong()).isEqualTo(trader.id());
            assertThat(body.get("balances")).hasSize(2);
            assertThat(balance(trader, "BTC").get("available").asText()).isEqualTo("0.00000001");
            JsonNode usdt = balance(trader, "USDT");
            assertThat(usdt.get("locked").asText()).isEqualTo("150.000000");
            assertThat(usdt.get("available").asText()).isEqualTo("1084.567891");
            assertThat(usdt.get("total").asText()).isEqualTo("1234.567891");
            assertThat(json(server.request("GET", "/balances").as(other).send()).get("balances")).isEmpty();
            assertThat(server.request("GET", "/balances?userId=" + trader.id()).as(other).send().statusCode()).isEqualTo(403);
            Trader admin = server.user("admin", UserRole.ADMIN);
            assertThat(json(server.request("GET", "/balances?userId=" + trader.id()).as(admin).send()).get("balances"))
                    .hasSize(2);
            // The fee account, user 0, collects the quote-asset fees of every trade; only administrators read it.
            HttpResponse<String> fees = server.request("GET", "/balances?userId=0").as(admin).send();
            assertThat(fees.statusCode()).as(fees.body()).isEqualTo(200);
            assertThat(json(fees).get("userId").asLong()).isZero();
            assertThat(server.request("GET", "/balances?userId=0").as(trader).send().statusCode()).isEqualTo(400);
        }

        @Test
        void administrators_credit_and_debit_with_an_audit_trail_and_never_below_zero() throws Exception {
            Trader admin = server.user("admin", UserRole.ADMIN);
            Trader trader = server.trader("adjusted");

            HttpResponse<String> credit = server.request("POST", "/balances/adjustments").as(admin)
                    .json(Map.of("userId", trader.id(), "asset", "BTC", "amount", "1.5", "reason", "wire 42")).send();
            assertThat(credit.statusCode()).as(credit.body()).isEqualTo(201);
            assertThat(json(credit).get("availableAfter").asText()).isEqualTo("1.50000000");
            assertThat(json(credit).get("actorUserId").asLong()).isEqualTo(admin.id());

            HttpResponse<String> debit = server.request("POST", "/balances/adjustments").as(admin)
                    .json(Map.of("userId", trader.id(), "asset", "BTC", "amount", "-0.5", "reason", "withdrawal")).send();
            assertThat(json(debit).get("availableAfter").asText()).isEqualTo("1.00000000");

            assertProblem(server.request("POST", "/balances/adjustments").as(admin)
                    .json(Map.of("userId", trader.id(), "asset", "BTC", "amount", "-1.00000001", "reason", "too much")).send(),
                    422, "INSUFFICIENT_FUNDS");
            assertThat(balance(trader, "BTC").get("available").asText()).isEqualTo("1.00000000");

            JsonNode trail = json(server.request("GET", "/balances/adjustments?userId=" + trader.id()).as(admin).send());
            assertThat(trail.get("items")).hasSize(2);
            assertThat(trail.at("/items/0/amount").asText()).isEqualTo("-0.50000000");
            assertThat(trail.at("/items/0/reason").asText()).isEqualTo("withdrawal");
            assertThat(trail.at("/items/0/actorUserId").asLong()).isEqualTo(admin.id());
            assertThat(trail.at("/items/1/amount").asText()).isEqualTo("1.50000000");
        }

        @Test
        void adjustments_are_for_administrators_and_refuse_bad_input() {
            Trader admin = server.user("admin", UserRole.ADMIN);
            Trader trader = server.trader("not-admin");
            Map<String, Object> good = Map.of("userId", trader.id(), "asset", "BTC", "amount", "1", "reason", "r");

            assertProblem(server.request("POST", "/balances/adjustments").as(trader).json(good).send(), 403, "FORBIDDEN");
            assertProblem(server.request("GET", "/balances/adjustments").as(trader).send(), 403, "FORBIDDEN");
            assertProblem(adjust(admin, Map.of("userId", trader.id(), "asset", "DOGE", "amount", "1", "reason", "r")),
                    404, "UNKNOWN_ASSET");
            assertProblem(adjust(admin, Map.of("userId", 987654321, "asset", "BTC", "amount", "1", "reason", "r")),
                    400, "VALIDATION_FAILED");
            assertProblem(adjust(admin, Map.of("userId", trader.id(), "asset", "BTC", "amount", "0", "reason", "r")),
                    400, "VALIDATION_FAILED");
            assertProblem(adjust(admin, Map.of("userId", trader.id(), "asset", "BTC", "amount", "0.000000001", "reason", "r")),
                    400, "VALIDATION_FAILED");
            assertProblem(adjust(admin, Map.of("userId", trader.id(), "asset", "BTC", "amount", "1e9", "reason", "r")),
                    400, "VALIDATION_FAILED");
            assertProblem(adjust(admin, Map.of("userId", trader.id(), "asset", "BTC", "amount", "1")), 400,
                    "VALIDATION_FAILED");
            assertProblem(adjust(admin, Map.of("userId", trader.id(), "asset", "BTC", "amount", "1", "reason", "x".repeat(501))),
                    400, "VALIDATION_FAILED");
            assertProblem(adjust(admin, Map.of("userId", trader.id(), "asset", "BTC", "amount", "99999999999", "reason", "r")),
                    400, "VALIDATION_FAILED");
            assertThat(json(server.request("GET", "/balances").as(trader).send()).get("balances")).isEmpty();
        }

        @Test
        void a_retried_adjustment_is_made_once() {
            Trader admin = server.user("admin", UserRole.ADMIN);
            Trader trader = server.trader("adjust-retry");
            Map<String, Object> body = Map.of("userId", trader.id(), "asset", "USDT", "amount", "10", "reason", "bonus");

            HttpResponse<String> first = server.request("POST", "/balances/adjustments").as(admin).idempotencyKey("bonus-1")
                    .json(body).send();
            HttpResponse<String> retry = server.request("POST", "/balances/adjustments").as(admin).idempotencyKey("bonus-1")
                    .json(body).send();

            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(balance(trader, "USDT").get("available").asText()).isEqualTo("10.000000");
        }

        @Test
        void trades_list_the_callers_side_with_fees_filtered_and_paged() {
            String market = book();
            Trader maker = funded("trades-maker");
            Trader taker = funded("trades-taker");
            long makerOrder = placeResting(maker, market, "SELL", "1000", "1");
            HttpResponse<String> first = place(taker, limit(market, "BUY", "1000", "0.1"));
            place(taker, limit(market, "BUY", "1000", "0.2"));
            long takerOrder = json(first).at("/order/id").asLong();

            JsonNode makerTrades = json(server.request("GET", "/trades").as(maker).send());
            assertThat(makerTrades.get("items")).hasSize(2);
            JsonNode newest = makerTrades.at("/items/0");
            assertThat(newest.get("orderId").asLong()).isEqualTo(makerOrder);
            assertThat(newest.get("side").asText()).isEqualTo("SELL");
            assertThat(newest.get("liquidity").asText()).isEqualTo("MAKER");
            assertThat(newest.get("quantity").asText()).isEqualTo("0.20000000");
            assertThat(newest.get("fee").asText()).isEqualTo("0.200000");
            assertThat(makerTrades.toString()).doesNotContain("\"orderId\":" + takerOrder);

            JsonNode takerTrades = json(server.request("GET", "/trades?orderId=" + takerOrder).as(taker).send());
            assertThat(takerTrades.get("items")).hasSize(1);
            assertThat(takerTrades.at("/items/0/liquidity").asText()).isEqualTo("TAKER");
            assertThat(takerTrades.at("/items/0/fee").asText()).isEqualTo("0.200000");
            assertThat(json(server.request("GET", "/trades?market=" + market + "&limit=1").as(taker).send())
                    .get("nextCursor").isNull()).isFalse();
            assertThat(json(server.request("GET", "/trades?market=ETH-BTC").as(taker).send()).get("items")).isEmpty();
            assertThat(json(server.request("GET", "/trades?from=" + clock.instant().plusSeconds(1)).as(taker).send())
                    .get("items")).isEmpty();
            assertThat(server.request("GET", "/trades?userId=" + maker.id()).as(taker).send().statusCode()).isEqualTo(403);
        }

        private HttpResponse<String> adjust(Trader admin, Map<String, Object> body) {
            return server.request("POST", "/balances/adjustments").as(admin).json(body).send();
        }
    }
}
