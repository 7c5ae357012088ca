package io.orderbook.adapters.http.orders;

import static io.orderbook.adapters.http.orders.TradingTestServer.BTC;
import static io.orderbook.adapters.http.orders.TradingTestServer.ETH;
import static io.orderbook.adapters.http.orders.TradingTestServer.USDT;
import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.orders.Asset;
import io.orderbook.application.trading.TradingModule;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Restart recovery: with orders resting and trades done, a server stopped cleanly and a server killed with
 * SIGKILL both come back with the same books and balances, and nothing acknowledged is lost.
 */
class TradingRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_clean_restart_rebuilds_identical_books_and_balances_and_trading_continues() throws Exception {
        try (TestDatabase db = TestEngines.newDatabase(); TestRedis redis = TestEngines.newRedis()) {
            TradingTestServer.installMarkets(db.database());
            try (TradingTestServer server = new TradingTestServer(db.database(), redis.client(), TestClock.atSystemTime())) {
                Map<Integer, Long> deposited = new HashMap<>();
                Trader alice = server.trader("alice");
                Trader bob = server.trader("bob");
                for (Trader t : List.of(alice, bob)) {
                    deposit(server, t, USDT, "50000", deposited);
                    deposit(server, t, BTC, "2", deposited);
                    deposit(server, t, ETH, "20", deposited);
                }
                List<Long> resting = new ArrayList<>();
                resting.add(created(place(server, alice, "BTC-USDT", "BUY", "30000", "0.5")));
                resting.add(created(place(server, alice, "BTC-USDT", "BUY", "30000", "0.25")));
                resting.add(created(place(server, alice, "BTC-USDT", "BUY", "29999.99", "0.3")));
                resting.add(created(place(server, bob, "BTC-USDT", "SELL", "30100", "0.4")));
                resting.add(created(place(server, bob, "ETH-BTC", "SELL", "0.07", "3")));
                resting.add(created(place(server, alice, "ETH-USDT", "BUY", "1900", "1")));
                created(place(server, bob, "BTC-USDT", "SELL", "30000", "0.6"));
                created(place(server, alice, "ETH-BTC", "BUY", "0.07", "1"));
                Map<String, Object> gtd = order("ETH-USDT", "SELL", "2100", "2");
                gtd.put("expireAt", Clock.systemUTC().instant().plus(Duration.ofHours(1)).toString());
                resting.add(created(server.request("POST", "/orders").as(bob).json(gtd).send()));
                HttpResponse<String> keyed = server.request("POST", "/orders").as(alice).idempotencyKey("before-restart")
                        .json(order("ETH-BTC", "BUY", "0.01", "1")).send();
                resting.add(created(keyed));

                EngineSnapshot before = TradingInvariants.engineValid(server.trading().sequencer());
                long hashBefore = server.trading().sequencer().read(engine -> engine.stateHash()).get();
                Map<Trader, String> balancesBefore = new LinkedHashMap<>();
                Map<Trader, String> openBefore = new LinkedHashMap<>();
                for (Trader t : List.of(alice, bob)) {
                    balancesBefore.put(t, server.request("GET", "/balances").as(t).send().body());
                    openBefore.put(t, server.request("GET", "/orders?status=OPEN").as(t).send().body());
                }
                assertThat(before.restingOrders()).hasSize(7);

                server.restart();

                EngineSnapshot after = TradingInvariants.engineValid(server.trading().sequencer());
                assertThat(after).isEqualTo(before);
                assertThat(server.trading().sequencer().read(engine -> engine.stateHash()).get()).isEqualTo(hashBefore);
                for (Trader t : List.of(alice, bob)) {
                    assertThat(server.request("GET", "/balances").as(t).send().body()).isEqualTo(balancesBefore.get(t));
                    assertThat(server.request("GET", "/orders?status=OPEN").as(t).send().body()).isEqualTo(openBefore.get(t));
                }
                // The book is live: bob's sell takes the best bid left, alice's second at 30000 (0.1 of its 0.25 filled
                // before the restart), ahead of her bid at 29999.99.
                HttpResponse<String> sell = place(server, bob, "BTC-USDT", "SELL", "29999.99", "0.1");
                assertThat(json(sell).at("/fills/0/price").asText()).isEqualTo("30000.000000");
                assertThat(json(server.request("GET", "/orders/" + resting.get(1)).as(alice).send())
                        .get("filledQuantity").asText()).isEqualTo("0.20000000");
                assertThat(created(sell)).isGreaterThan(Collections.max(resting));
                // The first answer to a keyed request survives the restart.
                HttpResponse<String> retried = server.request("POST", "/orders").as(alice).idempotencyKey("before-restart")
                        .json(order("ETH-BTC", "BUY", "0.01", "1")).send();
                assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
                assertThat(retried.body()).isEqualTo(keyed.body());
                TradingInvariants.hold(server.trading().sequencer(), db, deposited);

                // A stopped sequencer: writes and engine reads are 503 with Retry-After, stored orders still read.
                server.trading().sequencer().close();
                HttpResponse<String> refused = place(server, alice, "BTC-USDT", "BUY", "100", "1");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(json(refused).get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(server.request("DELETE", "/orders/" + resting.get(1)).as(alice).send().statusCode())
                        .isEqualTo(503);
                assertThat(server.request("GET", "/balances").as(alice).send().statusCode()).isEqualTo(503);
                assertThat(server.request("GET", "/orders/" + resting.get(1)).as(alice).send().statusCode())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void a_killed_server_loses_nothing_acknowledged_and_comes_back_with_the_same_books_and_balances() throws Exception {
        try (TestDatabase db = TestEngines.newDatabase(); TestRedis redis = TestEngines.newRedis()) {
            TradingTestServer.installMarkets(db.database());
            Clock clock = Clock.systemUTC();
            IdentityModule identity = new IdentityModule(db.database(), redis.client(),
                    io.orderbook.adapters.http.identity.IdentityTestServer.testSettings(), clock);
            Map<Integer, Long> deposited = new HashMap<>();
            Process child = startChild(db, redis);
            try {
                Remote remote = new Remote(readPort(child));
                String admin = remote.token(identity, "admin", UserRole.ADMIN);
                // Group A trades in BTC-USDT and ETH-USDT and then stays still: its state before the kill is known.
                List<String> groupA = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String token = remote.token(identity, "a", UserRole.TRADER);
                    groupA.add(token);
                    remote.deposit(admin, token, USDT, "40000", deposited);
                    remote.deposit(admin, token, BTC, "1", deposited);
                    remote.deposit(admin, token, ETH, "10", deposited);
                }
                for (int i = 0; i < 3; i++) {
                    String token = groupA.get(i);
                    assertThat(remote.place(token, order("BTC-USDT", "BUY", 29000 + i * 100 + "", "0.3")).statusCode()).isEqualTo(201);
                    assertThat(remote.place(token, order("BTC-USDT", "SELL", 31000 + i * 100 + "", "0.2")).statusCode()).isEqualTo(201);
                    assertThat(remote.place(token, order("ETH-USDT", "SELL", 2000 + i + "", "1")).statusCode()).isEqualTo(201);
                }
                assertThat(remote.place(groupA.get(0), order("BTC-USDT", "SELL", "29100", "0.4")).statusCode()).isEqualTo(201);
                assertThat(remote.place(groupA.get(1), order("ETH-USDT", "BUY", "2002", "1.5")).statusCode()).isEqualTo(201);
                List<String> balancesBefore = new ArrayList<>();
                List<String> ordersBefore = new ArrayList<>();
                for (String token : groupA) {
                    balancesBefore.add(remote.get(token, "/balances").body());
                    ordersBefore.add(remote.get(token, "/orders").body());
                }

                // Group B trades in ETH-BTC only, hard, while the server is killed.
                List<String> groupB = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String token = remote.token(identity, "b", UserRole.TRADER);
                    groupB.add(token);
                    remote.deposit(admin, token, BTC, "2", deposited);
                    remote.deposit(admin, token, ETH, "30", deposited);
                }
                List<JsonNode> acknowledged = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger acks = new AtomicInteger();
                CountDownLatch enough = new CountDownLatch(1);
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < groupB.size(); i++) {
                        String token = groupB.get(i);
                        boolean buyer = i % 2 == 0;
                        executor.submit(() -> {
                            for (int n = 0; ; n++) {
                                String price = new BigDecimal("0.06500").add(new BigDecimal(n % 40).movePointLeft(5)).toPlainString();
                                HttpResponse<String> response;
                                try {
                                    response = remote.place(token, order("ETH-BTC", buyer ? "BUY" : "SELL", price, "0.5"));
                                } catch (UncheckedIOException e) {
                                    return null; // the server is gone: this request was never acknowledged
                                }
                                if (response.statusCode() == 201) {
                                    acknowledged.add(json(response));
                                    if (acks.incrementAndGet() == 150) {
                                        enough.countDown();
                                    }
                                }
                            }
                        });
                    }
                    assertThat(enough.await(60, TimeUnit.SECONDS)).as("acknowledged orders before the kill").isTrue();
                    child.destroyForcibly();
                    child.waitFor(30, TimeUnit.SECONDS);
                }
                assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

                TradingModule restarted = new TradingModule(db.database(), TradingTestServer.keyring(), identity.authenticator(),
                        TradingModule.Settings.defaults(), clock);
                try (var http = io.orderbook.adapters.http.HttpServer.builder().port(0)
                        .authenticator(identity.authenticator()).routes(identity.routes()).routes(restarted.routes())
                        .build().start()) {
                    Remote again = new Remote(http.port());
                    for (int i = 0; i < groupA.size(); i++) {
                        assertThat(again.get(groupA.get(i), "/balances").body()).isEqualTo(balancesBefore.get(i));
                        assertThat(again.get(groupA.get(i), "/orders").body()).isEqualTo(ordersBefore.get(i));
                    }
                    for (JsonNode ack : acknowledged) {
                        long id = ack.at("/order/id").asLong();
                        try (var connection = db.connection(); var select = connection.prepareStatement(
                                "select quantity, filled_quantity from orders where id = ?")) {
                            select.setLong(1, id);
                            try (var rows = select.executeQuery()) {
                                assertThat(rows.next()).as("acknowledged order %d is durable", id).isTrue();
                                long filledAtAck = new BigDecimal(ack.at("/order/filledQuantity").asText())
                                        .movePointRight(8).longValueExact();
                                assertThat(rows.getLong(2)).isGreaterThanOrEqualTo(filledAtAck);
                            }
                        }
                        for (JsonNode fill : ack.get("fills")) {
                            try (var connection = db.connection(); var select = connection.prepareStatement(
                                    "select count(*) from trades where id = ?")) {
                                select.setLong(1, fill.get("tradeId").asLong());
                                try (var rows = select.executeQuery()) {
                                    rows.next();
                                    assertThat(rows.getLong(1)).as("acknowledged trade").isEqualTo(1);
                                }
                            }
                        }
                    }
                    TradingInvariants.hold(restarted.sequencer(), db, deposited);
                    // And it trades on: a group B order placed now matches the recovered book.
                    HttpResponse<String> after = again.place(groupB.get(1), order("ETH-BTC", "SELL", "0.06", "0.5"));
                    assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
                } finally {
                    restarted.close();
                }
            } finally {
                child.destroyForcibly();
                identity.close();
            }
        }
    }

    private static Process startChild(TestDatabase db, TestRedis redis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TradingServerProcess.class.getName(), db.target().jdbcUrl(), db.target().user().orElse("-"),
                redis.url().toString(), redis.keyPrefix());
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Reads the child's output until it says its port; keeps draining it afterwards so it never blocks. */
    private static int readPort(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PORT=")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return Integer.parseInt(line.substring(5));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the trading server process ended before serving:\n" + seen);
    }

    private static Map<String, Object> order(String market, String side, String price, String quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", market);
        body.put("side", side);
        body.put("type", "LIMIT");
        body.put("price", price);
        body.put("quantity", quantity);
        return body;
    }

    private static HttpResponse<String> place(TradingTestServer server, Trader trader, String market, String side,
                                              String price, String quantity) {
        return server.request("POST", "/orders").as(trader).json(order(market, side, price, quantity)).send();
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).at("/order/id").asLong();
    }

    private static void deposit(TradingTestServer server, Trader trader, Asset asset, String amount,
                                Map<Integer, Long> deposited) {
        server.deposit(trader, asset, amount);
        deposited.merge(asset.id(), new BigDecimal(amount).movePointRight(asset.scale()).longValueExact(), Long::sum);
    }

    /** A client of a server on another port, e.g. in another process. */
    private static final class Remote {
        private static final AtomicInteger NAMES = new AtomicInteger();
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final int port;
        private final Map<String, Long> userIds = new HashMap<>();

        Remote(int port) {
            this.port = port;
        }

        String token(IdentityModule identity, String name, UserRole role) {
            var account = identity.users().create(new Actor(0, UserRole.ADMIN), name + "-" + NAMES.incrementAndGet(),
                    io.orderbook.adapters.http.identity.IdentityTestServer.PASSWORD, role);
            HttpResponse<String> login = send("POST", "/auth/login", null, Map.of("username", account.username(),
                    "password", io.orderbook.adapters.http.identity.IdentityTestServer.PASSWORD));
            String token = json(login).get("accessToken").asText();
            userIds.put(token, account.id());
            return token;
        }

        void deposit(String admin, String token, Asset asset, String amount, Map<Integer, Long> deposited) {
            HttpResponse<String> response = send("POST", "/balances/adjustments", admin, Map.of("userId",
                    userIds.get(token), "asset", asset.code(), "amount", amount, "reason", "test deposit"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            deposited.merge(asset.id(), new BigDecimal(amount).movePointRight(asset.scale()).longValueExact(), Long::sum);
        }

        HttpResponse<String> place(String token, Map<String, Object> body) {
            return send("POST", "/orders", token, body);
        }

        HttpResponse<String> get(String token, String path) {
            return send("GET", path, token, null);
        }

        HttpResponse<String> send(String method, String path, String token, Object body) {
            try {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                        .timeout(Duration.ofSeconds(20))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                if (body != null) {
                    builder.header("Content-Type", "application/json");
                }
                if (token != null) {
                    builder.header("Authorization", "Bearer " + token);
                }
                return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
