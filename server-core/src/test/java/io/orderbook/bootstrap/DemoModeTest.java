package io.orderbook.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.bootstrap.demo.DemoData;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.HttpTestClient;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo mode as the standalone server wires it ({@code DEMO_DATA=true}), against the real PostgreSQL and Redis:
 * seeding, the market maker's resting ladder and trades, a clean stop, and a second start that creates nothing again.
 */
class DemoModeTest {

    private static final String TRADER_PASSWORD = "demo trader password";
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD");

    @TempDir
    Path dataDir;

    private final TestDatabase db = TestEngines.newEmptyDatabase();
    private ServerCore core;

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
        db.close();
    }

    private ServerCore start(Map<String, String> extra) {
        Map<String, String> env = db.serverEnvironment(dataDir);
        env.put(ServerConfig.DEMO_DATA, "true");
        env.put(ServerConfig.DEMO_MAKER_REFRESH_MILLIS, "100");
        env.putAll(extra);
        return ServerMain.builder(ServerConfig.load(Optional.empty(), env))
                .redisKeyPrefix(TestEngines.uniqueKeyPrefix()).build().start();
    }

    @Test
    void seedsOnceQuotesALadderThatTradesAndStopsCleanly() {
        core = start(Map.of(ServerConfig.DEMO_TRADER_PASSWORD, TRADER_PASSWORD));
        long maker = count("select id from users where username = '" + DemoData.MAKER + "'");

        for (String symbol : SYMBOLS) {
            Eventually.await(Duration.ofSeconds(30), symbol + ": the maker rests bids and asks, and trades happen", () ->
                    restingOrders(maker, symbol, "BUY") >= 3 && restingOrders(maker, symbol, "SELL") >= 3
                            && count(tradesIn(symbol)) >= 2);
            // The maker's ladder never crosses itself: its best bid is below its best ask.
            assertThat(count("select max(price) from orders o join markets m on m.id = o.market_id where m.symbol = '"
                    + symbol + "' and o.user_id = " + maker + " and o.status = 'OPEN' and o.side = 'BUY'"))
                    .isLessThan(count("select min(price) from orders o join markets m on m.id = o.market_id"
                            + " where m.symbol = '" + symbol + "' and o.user_id = " + maker
                            + " and o.status = 'OPEN' and o.side = 'SELL'"));
        }

        // The demo trader logs in with the configured password and holds the starting balances.
        HttpTestClient client = new HttpTestClient(core.baseUri().toString());
        HttpResponse<String> login = client.send(client.request("/api/v1/auth/login", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"demo\",\"password\":\"" + TRADER_PASSWORD + "\"}")).build());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = HttpTestClient.json(login).get("accessToken").asText();
        HttpResponse<String> balances = client.get("/api/v1/balances", "Authorization", "Bearer " + token);
        assertThat(balances.statusCode()).as(balances.body()).isEqualTo(200);
        assertThat(balances.body()).contains("\"USD\"", "\"BTC\"", "\"ETH\"", "\"SOL\"");
        JsonNode usd = findAsset(HttpTestClient.json(balances), "USD");
        assertThat(usd.get("total").asText()).startsWith("100000");

        Map<String, Long> seeded = seededRows();
        assertThat(seeded).containsEntry("assets", 4L).containsEntry("markets", 3L).containsEntry("users", 3L)
                .containsEntry("balance_adjustments", 12L);

        core.close();
        assertThat(count("select count(*) from orders where status = 'OPEN' and user_id = " + maker))
                .as("the maker cancels its quotes when it stops").isZero();
        long tradesBefore = count("select count(*) from trades");

        // A second start creates nothing again, and the maker quotes and trades again.
        core = start(Map.of());
        assertThat(seededRows()).isEqualTo(seeded);
        Eventually.await(Duration.ofSeconds(30), "quoting and trading again", () ->
                restingOrders(maker, "BTC-USD", "BUY") >= 3 && count("select count(*) from trades") > tradesBefore);
        assertThat(Files.exists(dataDir.resolve("secrets").resolve("demo-trader.password")))
                .as("a configured password is not replaced by a generated one").isFalse();
    }

    @Test
    void withoutAConfiguredPasswordTheDemoTradersPasswordIsGeneratedIntoTheDataDir() throws Exception {
        core = start(Map.of(ServerConfig.DEMO_TRADER_USERNAME, "first-look"));
        Path file = dataDir.resolve("secrets").resolve("demo-trader.password");
        assertThat(file).exists();
        String password = Files.readString(file).strip();
        HttpTestClient client = new HttpTestClient(core.baseUri().toString());
        HttpResponse<String> login = client.send(client.request("/api/v1/auth/login", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"first-look\",\"password\":\"" + password + "\"}")).build());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    private static JsonNode findAsset(JsonNode balances, String code) {
        for (JsonNode balance : balances.findParents("asset")) {
            if (balance.get("asset").asText().equals(code)) {
                return balance;
            }
        }
        throw new AssertionError("no " + code + " balance in " + balances);
    }

    private Map<String, Long> seededRows() {
        Map<String, Long> rows = new HashMap<>();
        for (String table : List.of("assets", "markets", "users", "balance_adjustments")) {
            rows.put(table, count("select count(*) from " + table));
        }
        return rows;
    }

    private static String tradesIn(String symbol) {
        return "select count(*) from trades t join markets m on m.id = t.market_id where m.symbol = '" + symbol + "'";
    }

    private long restingOrders(long userId, String symbol, String side) {
        return count("select count(*) from orders o join markets m on m.id = o.market_id where m.symbol = '" + symbol
                + "' and o.user_id = " + userId + " and o.status = 'OPEN' and o.side = '" + side + "'");
    }

    private long count(String sql) {
        try (Connection connection = db.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
