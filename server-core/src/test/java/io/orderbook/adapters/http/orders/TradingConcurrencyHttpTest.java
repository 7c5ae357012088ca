package io.orderbook.adapters.http.orders;

import static io.orderbook.adapters.http.orders.TradingTestServer.BTC;
import static io.orderbook.adapters.http.orders.TradingTestServer.ETH;
import static io.orderbook.adapters.http.orders.TradingTestServer.USDT;
import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.application.orders.Asset;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Many users trading at once over HTTP in three markets that share their assets (BTC-USDT, ETH-USDT, ETH-BTC),
 * with orders sized so that many exceed what a user has left: no balance ever goes negative, every asset's total
 * stays what was deposited, the database agrees with the engine, and no request gets a 5xx.
 */
class TradingConcurrencyHttpTest {
    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();
    @AutoClose static final TradingTestServer server = start();

    private static TradingTestServer start() {
        TradingTestServer.installMarkets(db.database());
        return new TradingTestServer(db.database(), redis.client(), TestClock.atSystemTime());
    }

    private static final int USERS = 12;
    private static final int REQUESTS_PER_USER = 40;

    @Test
    void concurrent_orders_across_markets_sharing_assets_never_overdraw_and_conserve_every_asset() throws Exception {
        Map<Integer, Long> deposited = new HashMap<>();
        List<Trader> traders = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            Trader trader = server.trader("crowd");
            deposit(trader, USDT, "20000", deposited);
            deposit(trader, BTC, "0.5", deposited);
            deposit(trader, ETH, "6", deposited);
            traders.add(trader);
        }
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Future<?>> work = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < USERS; i++) {
                Trader trader = traders.get(i);
                Random random = new Random(1000 + i);
                work.add(executor.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int r = 0; r < REQUESTS_PER_USER; r++) {
                        HttpResponse<String> response = next(trader, random, mine);
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
                        if (response.statusCode() == 201) {
                            mine.add(json(response).at("/order/id").asLong());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get();
            }
        }
        assertThat(statuses.get(201)).as("orders placed %s", statuses).isGreaterThan(USERS * REQUESTS_PER_USER / 3);
        assertThat(statuses.get(422)).as("orders refused for lack of funds %s", statuses).isPositive();
        try (var connection = db.connection(); var rows = connection.createStatement()
                .executeQuery("select count(*) from trades")) {
            rows.next();
            assertThat(rows.getLong(1)).as("trades").isGreaterThan(20);
        }

        TradingInvariants.hold(server.trading().sequencer(), db, deposited);
        for (Trader trader : traders) {
            for (var balance : json(server.request("GET", "/balances").as(trader).send()).get("balances")) {
                assertThat(new BigDecimal(balance.get("available").asText())).isNotNegative();
                assertThat(new BigDecimal(balance.get("locked").asText())).isNotNegative();
            }
        }
    }

    /** A random request: mostly new orders of every type in every market, sometimes a cancel or an amendment. */
    private static HttpResponse<String> next(Trader trader, Random random, List<Long> mine) {
        int dice = random.nextInt(10);
        if (dice == 0 && !mine.isEmpty()) {
            return server.request("DELETE", "/orders/" + mine.get(random.nextInt(mine.size()))).as(trader).send();
        }
        if (dice == 1 && !mine.isEmpty()) {
            return server.request("PATCH", "/orders/" + mine.get(random.nextInt(mine.size()))).as(trader)
                    .json(Map.of("quantity", "0.1")).send();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String side = random.nextBoolean() ? "BUY" : "SELL";
        int market = random.nextInt(3);
        // Mid prices 30000 USDT per BTC, 2000 USDT per ETH, so 0.0666.. BTC per ETH; spreads of about 2%.
        double mid = market == 0 ? 30000 : market == 1 ? 2000 : 0.0666;
        int priceDecimals = market == 2 ? 5 : 2;
        int quantityDecimals = market == 0 ? 4 : market == 1 ? 3 : 2;
        double price = mid * (1 + (random.nextDouble() - 0.5) * 0.04);
        // Up to about 60% of a user's starting holdings per order, so funds run short often.
        double maxQuantity = market == 0 ? 0.3 : 3.5;
        double quantity = Math.max(Math.pow(10, -quantityDecimals), random.nextDouble() * maxQuantity);
        body.put("market", market == 0 ? "BTC-USDT" : market == 1 ? "ETH-USDT" : "ETH-BTC");
        body.put("side", side);
        int type = random.nextInt(10);
        if (type < 6) {
            body.put("type", "LIMIT");
            body.put("price", decimal(price, priceDecimals));
        } else if (type < 7) {
            body.put("type", "LIMIT_MAKER");
            body.put("price", decimal(price, priceDecimals));
        } else if (type < 8) {
            body.put("type", "LIMIT");
            body.put("timeInForce", random.nextBoolean() ? "IOC" : "FOK");
            body.put("price", decimal(price, priceDecimals));
        } else {
            body.put("type", "MARKET");
        }
        if (body.get("type").equals("MARKET") && side.equals("BUY") && random.nextBoolean()) {
            body.put("quoteAmount", decimal(random.nextDouble() * (market == 2 ? 0.2 : 5000), market == 2 ? 8 : 6));
        } else {
            body.put("quantity", decimal(quantity, quantityDecimals));
        }
        return server.request("POST", "/orders").as(trader).json(body).send();
    }

    private static String decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.DOWN).toPlainString();
    }

    private static void deposit(Trader trader, Asset asset, String amount, Map<Integer, Long> deposited) {
        server.deposit(trader, asset, amount);
        deposited.merge(asset.id(), new BigDecimal(amount).movePointRight(asset.scale()).longValueExact(), Long::sum);
    }
}
