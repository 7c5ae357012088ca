package io.orderbook.adapters.websocket;

import static io.orderbook.adapters.http.orders.TradingTestServer.BTC;
import static io.orderbook.adapters.http.orders.TradingTestServer.USDT;
import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket streams over a real server: authentication by query or first message, depth and public trades
 * per market, and each user's own orders, fills and balances, all published after the commit.
 */
class TradingStreamsTest {
    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    @AutoClose static final TradingTestServer server = start();
    static final AtomicInteger books = new AtomicInteger();

    private static TradingTestServer start() {
        TradingTestServer.installMarkets(db.database(), 8);
        return new TradingTestServer(db.database(), redis.client(), clock,
                settings -> settings.withStreams(Duration.ofMillis(500), Duration.ofMillis(200)));
    }

    /** A market with an empty book no other test trades in. */
    static String book() {
        return TradingTestServer.separateBook(books.incrementAndGet()).symbol();
    }

    static Trader funded(String name) {
        Trader trader = server.trader(name);
        server.deposit(trader, USDT, "100000");
        server.deposit(trader, BTC, "10");
        return trader;
    }

    static StreamClient authenticated(Trader trader) {
        StreamClient client = StreamClient.connect(server.port(), "token=" + trader.token());
        assertThat(client.await("authenticated").get("userId").asLong()).isEqualTo(trader.id());
        return client;
    }

    static HttpResponse<String> place(Trader trader, String market, String side, String price, String quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", market);
        body.put("side", side);
        body.put("type", "LIMIT");
        body.put("price", price);
        body.put("quantity", quantity);
        HttpResponse<String> response = server.request("POST", "/orders").as(trader).json(body).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    @Test
    void depth_starts_with_a_snapshot_and_follows_every_committed_change() {
        String market = book();
        Trader trader = funded("depth");
        try (StreamClient client = authenticated(trader)) {
            client.send(Map.of("op", "subscribe", "channel", "depth", "market", market));
            assertThat(client.await("subscribed").get("market").asText()).isEqualTo(market);
            JsonNode first = client.await("depth");
            assertThat(first.get("bids")).isEmpty();
            assertThat(first.get("asks")).isEmpty();

            place(trader, market, "BUY", "100", "0.5");
            place(trader, market, "BUY", "100", "0.25");
            place(trader, market, "SELL", "101.5", "1");

            JsonNode depth = client.await(message -> message.path("type").asText().equals("depth")
                    && message.get("bids").size() == 1 && message.get("asks").size() == 1
                    && message.at("/bids/0/orders").asInt() == 2);
            assertThat(depth.at("/bids/0/price").asText()).isEqualTo("100.000000");
            assertThat(depth.at("/bids/0/quantity").asText()).isEqualTo("0.75000000");
            assertThat(depth.at("/asks/0/price").asText()).isEqualTo("101.500000");
        }
    }

    @Test
    void trades_are_public_without_users_or_orders_and_fills_reach_only_their_owner() {
        String market = book();
        Trader maker = funded("maker");
        Trader taker = funded("taker");
        Trader bystander = funded("bystander");
        try (StreamClient makerStream = authenticated(maker);
             StreamClient takerStream = authenticated(taker);
             StreamClient bystanderStream = authenticated(bystander)) {
            bystanderStream.send(Map.of("op", "subscribe", "channel", "trades", "market", market));
            bystanderStream.send(Map.of("op", "subscribe", "channel", "orders"));
            makerStream.send(Map.of("op", "subscribe", "channel", "orders"));
            takerStream.send(Map.of("op", "subscribe", "channel", "orders"));
            for (StreamClient c : new StreamClient[] {makerStream, takerStream}) {
                c.await("subscribed");
            }
            bystanderStream.await("subscribed");
            bystanderStream.await("subscribed");

            long makerOrder = json(place(maker, market, "SELL", "200", "0.3")).at("/order/id").asLong();
            long takerOrder = json(place(taker, market, "BUY", "200", "0.1")).at("/order/id").asLong();

            JsonNode trade = bystanderStream.await("trade");
            assertThat(trade.get("market").asText()).isEqualTo(market);
            assertThat(trade.get("price").asText()).isEqualTo("200.000000");
            assertThat(trade.get("quantity").asText()).isEqualTo("0.10000000");
            assertThat(trade.get("takerSide").asText()).isEqualTo("BUY");
            java.util.List<String> fields = new java.util.ArrayList<>();
            trade.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("type", "market", "tradeId", "price", "quantity", "quoteQuantity",
                    "takerSide", "time");

            JsonNode accepted = makerStream.await(m -> m.path("type").asText().equals("order")
                    && m.at("/event/type").asText().equals("ACCEPTED"));
            assertThat(accepted.at("/event/orderId").asLong()).isEqualTo(makerOrder);
            JsonNode makerFill = makerStream.await("fill");
            assertThat(makerFill.at("/fill/orderId").asLong()).isEqualTo(makerOrder);
            assertThat(makerFill.at("/fill/liquidity").asText()).isEqualTo("MAKER");
            assertThat(makerFill.at("/fill/fee").asText()).isEqualTo("0.020000");
            JsonNode partial = makerStream.await(m -> m.path("type").asText().equals("order"));
            assertThat(partial.at("/event/type").asText()).isEqualTo("PARTIALLY_FILLED");
            assertThat(partial.at("/event/openQuantity").asText()).isEqualTo("0.20000000");

            JsonNode takerFill = takerStream.await("fill");
            assertThat(takerFill.at("/fill/orderId").asLong()).isEqualTo(takerOrder);
            assertThat(takerFill.at("/fill/liquidity").asText()).isEqualTo("TAKER");
            assertThat(takerFill.toString()).doesNotContain("\"orderId\":" + makerOrder + ",");
            takerStream.await(m -> m.at("/event/type").asText().equals("FILLED"));

            // The bystander's own order stream saw nothing of theirs.
            place(bystander, market, "BUY", "1", "1");
            JsonNode own = bystanderStream.await("order");
            assertThat(own.at("/event/type").asText()).isEqualTo("ACCEPTED");
            assertThat(bystanderStream.skipped).noneMatch(m -> m.path("type").asText().equals("order")
                    || m.path("type").asText().equals("fill"));
        }
    }

    @Test
    void balances_start_with_a_snapshot_and_follow_deposits_and_reservations() {
        String market = book();
        Trader trader = server.trader("balances");
        server.deposit(trader, USDT, "1000");
        try (StreamClient client = authenticated(trader)) {
            client.send(Map.of("op", "subscribe", "channel", "balances"));
            client.await("subscribed");
            JsonNode first = client.await("balances");
            assertThat(first.get("balances")).hasSize(1);
            assertThat(first.at("/balances/0/available").asText()).isEqualTo("1000.000000");

            place(trader, market, "BUY", "100", "1");

            JsonNode after = client.await(m -> m.path("type").asText().equals("balances")
                    && m.at("/balances/0/locked").asText().equals("100.200000"));
            assertThat(after.at("/balances/0/asset").asText()).isEqualTo("USDT");
            assertThat(after.at("/balances/0/available").asText()).isEqualTo("899.800000");

            server.deposit(trader, BTC, "0.5");
            JsonNode withBtc = client.await(m -> m.path("type").asText().equals("balances") && m.get("balances").size() == 2);
            assertThat(withBtc.at("/balances/0/asset").asText()).isEqualTo("BTC");
        }
    }

    @Test
    void an_api_key_in_the_first_message_authenticates_and_a_read_only_key_may_stream() {
        Trader trader = funded("key");
        String key = server.apiKey(trader, "READ_ONLY");
        try (StreamClient client = StreamClient.connect(server.port(), null)) {
            client.send(Map.of("op", "auth", "apiKey", key));
            assertThat(client.await("authenticated").get("userId").asLong()).isEqualTo(trader.id());
            client.send(Map.of("op", "subscribe", "channel", "orders"));
            assertThat(client.await("subscribed").get("channel").asText()).isEqualTo("orders");
            client.send(Map.of("op", "ping"));
            client.await("pong");
        }
    }

    @Test
    void a_client_that_does_not_authenticate_in_time_is_closed() throws Exception {
        try (StreamClient client = StreamClient.connect(server.port(), null)) {
            assertThat(client.await("error").get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void subscribing_before_authenticating_or_with_bad_credentials_closes_the_connection() throws Exception {
        try (StreamClient client = StreamClient.connect(server.port(), null)) {
            client.send(Map.of("op", "subscribe", "channel", "orders"));
            assertThat(client.await("error").get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
        try (StreamClient client = StreamClient.connect(server.port(), null)) {
            client.send(Map.of("op", "auth", "token", "not-a-jwt"));
            assertThat(client.await("error").get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
        try (StreamClient client = StreamClient.connect(server.port(), "apiKey=obw_nope1234_" + "x".repeat(43))) {
            assertThat(client.await("error").get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void mistakes_after_authenticating_are_answered_without_closing() {
        Trader trader = funded("mistakes");
        try (StreamClient client = authenticated(trader)) {
            client.sendRaw("{not json");
            assertThat(client.await("error").get("code").asText()).isEqualTo("MALFORMED_JSON");
            client.send(Map.of("op", "subscribe", "channel", "depth", "market", "NOPE-USDT"));
            assertThat(client.await("error").get("code").asText()).isEqualTo("UNKNOWN_MARKET");
            client.send(Map.of("op", "subscribe", "channel", "depth"));
            assertThat(client.await("error").get("code").asText()).isEqualTo("VALIDATION_FAILED");
            client.send(Map.of("op", "subscribe", "channel", "gossip"));
            assertThat(client.await("error").get("code").asText()).isEqualTo("VALIDATION_FAILED");
            client.send(Map.of("op", "dance"));
            assertThat(client.await("error").get("code").asText()).isEqualTo("BAD_REQUEST");
            client.send(Map.of("op", "auth", "token", trader.token()));
            assertThat(client.await("error").get("code").asText()).isEqualTo("BAD_REQUEST");
            client.send(Map.of("op", "ping"));
            client.await("pong");
        }
    }

    @Test
    void every_upgrade_is_in_the_request_log_with_its_caller_or_refusal() throws Exception {
        Trader trader = funded("upgrades");
        HttpResponse<String> created = server.request("POST", "/api-keys").as(trader)
                .json(Map.of("name", "stream", "scope", "READ_ONLY", "requestsPerMinute", 600,
                        "expiresAt", clock.instant().plus(Duration.ofDays(1)).toString())).send();
        String key = json(created).get("key").asText();
        long keyId = json(created).get("id").asLong();

        try (StreamClient client = StreamClient.connect(server.port(), "apiKey=" + key)) {
            client.await("authenticated");
        }
        try (StreamClient client = StreamClient.connect(server.port(), "token=" + trader.token() + "x")) {
            client.await("error");
        }
        try (StreamClient client = StreamClient.connect(server.port(), null)) {
            client.send(Map.of("op", "ping"));
            client.await("error");
        }

        Eventually.await(Duration.ofSeconds(10), "three upgrades in the request log", () -> upgrades().size() >= 3);
        var byKey = upgrades().stream().filter(entry -> Long.valueOf(keyId).equals(entry.apiKeyId())).toList();
        assertThat(byKey).singleElement().satisfies(entry -> {
            assertThat(entry.method()).isEqualTo("GET");
            assertThat(entry.status()).isEqualTo(101);
            assertThat(entry.userId()).isEqualTo(trader.id());
            assertThat(entry.errorCode()).isNull();
            assertThat(entry.requestId()).isNotBlank();
        });
        assertThat(upgrades()).anySatisfy(entry -> {
            assertThat(entry.errorCode()).isEqualTo("UNAUTHENTICATED");
            assertThat(entry.userId()).isNull();
        });
        assertThat(upgrades()).anySatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(101);
            assertThat(entry.userId()).isNull();
            assertThat(entry.errorCode()).isNull();
        });
        assertThat(upgrades()).noneSatisfy(entry -> assertThat(entry.toString()).contains(key));
        assertThat(upgrades()).noneSatisfy(entry -> assertThat(entry.toString()).contains(trader.token()));
    }

    private static java.util.List<io.orderbook.adapters.http.pipeline.RequestLogEntry> upgrades() {
        return server.requestLog.stream().filter(entry -> entry.path().equals("/api/v1/ws")).toList();
    }

    @Test
    void credentials_are_never_logged_nor_written_to_the_request_log() throws Exception {
        Trader trader = funded("logged");
        String key = server.apiKey(trader, "READ_ONLY");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.orderbook");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        ch.qos.logback.classic.Level rootLevel = root.getLevel();
        ch.qos.logback.classic.Level ourLevel = ours.getLevel();
        root.addAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            try (StreamClient client = authenticated(trader)) {
                client.send(Map.of("op", "ping"));
                client.await("pong");
            }
            try (StreamClient client = StreamClient.connect(server.port(), "apiKey=" + key)) {
                client.await("authenticated");
            }
            try (StreamClient client = StreamClient.connect(server.port(), null)) {
                client.send(Map.of("op", "auth", "apiKey", key + "x"));
                client.await("error");
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            ours.setLevel(ourLevel);
        }
        for (String secret : new String[] {trader.token(), key}) {
            assertThat(appender.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())).contains(secret));
            assertThat(server.requestLog).noneSatisfy(entry -> assertThat(entry.toString()).contains(secret));
        }
    }

    @Test
    void a_revoked_key_loses_its_stream() throws Exception {
        Trader trader = funded("revoked");
        HttpResponse<String> created = server.request("POST", "/api-keys").as(trader)
                .json(Map.of("name", "stream", "scope", "READ_ONLY", "requestsPerMinute", 600,
                        "expiresAt", clock.instant().plus(Duration.ofDays(1)).toString())).send();
        String key = json(created).get("key").asText();
        long keyId = json(created).get("id").asLong();
        try (StreamClient client = StreamClient.connect(server.port(), "apiKey=" + key)) {
            client.await("authenticated");

            assertThat(server.request("POST", "/api-keys/" + keyId + "/revoke").as(trader).send().statusCode())
                    .isEqualTo(200);

            assertThat(client.await("error").get("code").asText()).isEqualTo("API_KEY_REVOKED");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }
}
