package io.orderbook.adapters.http.prices;

import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.persistence.prices.PostgresPriceHistory;
import io.orderbook.adapters.prices.RedisLatestPrices;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /prices} over a real server (PostgreSQL, Redis, real authentication), with prices stored the way the price
 * consumer stores them: the latest price and the one-second bars as exact decimal strings, 404 for a token without
 * a price, 400 for a bad token, {@code from} or {@code limit}, 401 without credentials, paging by {@code nextFrom},
 * and the OpenAPI document describing exactly these routes and bodies.
 */
class PriceHttpTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    static final Instant T0 = Instant.parse("2030-01-02T03:04:05Z");
    static RedisLatestPrices latest;
    static PostgresPriceHistory history;
    static TradingTestServer server;
    static TradingTestServer.Trader trader;

    @BeforeAll
    static void start() {
        latest = new RedisLatestPrices(redis.client());
        history = new PostgresPriceHistory(db.database());
        server = new TradingTestServer(db.database(), redis.client(), clock, UnaryOperator.identity(),
                trading -> new PriceRoutes(latest, history, clock));
        trader = server.trader("chart-reader");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Stores events as the price consumer does: the latest per token in Redis, the bars in PostgreSQL. */
    private static void store(PriceTick... ticks) {
        latest.recordAsync(List.of(ticks)).toCompletableFuture().join();
        history.append(List.of(ticks));
    }

    private static PriceTick tick(String token, String price, Instant at) {
        return new PriceTick(UUID.randomUUID().toString(), token, new BigDecimal(price), at, "test-feed");
    }

    private static HttpResponse<String> get(String path) {
        return server.request("GET", path).as(trader).send();
    }

    @Test
    void theLatestPriceIsTheNewestEventWithItsPriceAsPublished() {
        PriceTick newest = tick("BTC-USDT", "65000.10", T0.plusMillis(1500));
        store(tick("BTC-USDT", "64000", T0), newest, tick("BTC-USDT", "63000.00", T0.plusMillis(700)));

        HttpResponse<String> response = get("/prices/BTC-USDT");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode price = json(response);
        assertThat(price.get("token").asText()).isEqualTo("BTC-USDT");
        assertThat(price.get("price").isTextual()).isTrue();
        assertThat(price.get("price").asText()).isEqualTo("65000.10");
        assertThat(Instant.parse(price.get("timestamp").asText())).isEqualTo(newest.timestamp());
        assertThat(price.get("source").asText()).isEqualTo("test-feed");
        assertThat(price.get("eventId").asText()).isEqualTo(newest.eventId());
    }

    @Test
    void aTokenWithoutAPriceIs404AndAMalformedTokenIs400() {
        HttpResponse<String> unknown = get("/prices/NOPRICE");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(json(unknown).get("code").asText()).isEqualTo("NOT_FOUND");

        for (String bad : List.of("btc", "BTC-", "-BTC", "A-B-C", "BTC_USDT", "ABCDEFGHIJKLMNOPQ", "BTC-ABCDEFGHIJKLMNOPQ")) {
            for (String path : List.of("/prices/" + bad, "/prices/" + bad + "/bars")) {
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
                assertThat(json(response).get("code").asText()).isEqualTo("VALIDATION_FAILED");
                assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("token");
            }
        }
    }

    @Test
    void barsAreTheSecondsFirstHighestLowestAndLastPricesOldestFirstAsDecimalStrings() {
        store(tick("ETH", "3200.50", T0.plusMillis(100)), tick("ETH", "3210.125", T0.plusMillis(400)),
                tick("ETH", "3201", T0.plusMillis(900)), tick("ETH", "3199.9", T0.plusMillis(600)),
                tick("ETH", "3300.00", T0.plusSeconds(2)));
        store(tick("ETH", "3100", T0.minusSeconds(1)));

        HttpResponse<String> response = get("/prices/ETH/bars?from=" + T0.plusMillis(999) + "&limit=10");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token").asText()).isEqualTo("ETH");
        assertThat(body.get("nextFrom").isNull()).isTrue();
        JsonNode bars = body.get("bars");
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).get("second").asText()).isEqualTo("2030-01-02T03:04:05Z");
        assertThat(List.of(bars.get(0).get("open").asText(), bars.get(0).get("high").asText(),
                bars.get(0).get("low").asText(), bars.get(0).get("close").asText()))
                .containsExactly("3200.50", "3210.125", "3199.9", "3201");
        assertThat(bars.get(0).get("high").isTextual()).isTrue();
        assertThat(bars.get(1).get("second").asText()).isEqualTo("2030-01-02T03:04:07Z");
        assertThat(bars.get(1).get("close").asText()).isEqualTo("3300.00");

        JsonNode none = json(get("/prices/NOBARS/bars?from=" + T0));
        assertThat(none.get("bars")).isEmpty();
        assertThat(none.get("nextFrom").isNull()).isTrue();
    }

    @Test
    void aFullPageNamesTheNextFromAndFollowingItReadsEveryBarOnce() {
        Instant start = Instant.parse("2031-05-06T07:08:00Z");
        List<PriceTick> ticks = new ArrayList<>();
        for (int second = 0; second < 5; second++) {
            ticks.add(tick("SOL", "150." + second, start.plusSeconds(second * 3L)));
        }
        store(ticks.toArray(PriceTick[]::new));

        List<String> seconds = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String from = start.minusSeconds(60).toString();
        while (from != null) {
            JsonNode page = json(get("/prices/SOL/bars?limit=2&from=" + from));
            page.get("bars").forEach(bar -> seconds.add(bar.get("second").asText()));
            pageSizes.add(page.get("bars").size());
            from = page.get("nextFrom").isNull() ? null : page.get("nextFrom").asText();
        }
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seconds).containsExactly("2031-05-06T07:08:00Z", "2031-05-06T07:08:03Z", "2031-05-06T07:08:06Z",
                "2031-05-06T07:08:09Z", "2031-05-06T07:08:12Z");
        assertThat(json(get("/prices/SOL/bars?limit=2&from=" + start)).get("nextFrom").asText())
                .isEqualTo("2031-05-06T07:08:04Z");
    }

    @Test
    void withoutFromTheBarsAreThoseOfTheNewestLimitSeconds() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        store(tick("ADA", "0.45", now.minusSeconds(3)), tick("ADA", "0.46", now.minusSeconds(2)),
                tick("ADA", "0.47", now));

        assertThat(json(get("/prices/ADA/bars")).get("bars")).hasSize(3);
        JsonNode lastThree = json(get("/prices/ADA/bars?limit=3"));
        assertThat(lastThree.get("bars")).extracting(bar -> bar.get("close").asText()).containsExactly("0.46", "0.47");
        assertThat(lastThree.get("nextFrom").isNull()).isTrue();
    }

    @Test
    void aBadFromOrLimitIs400WithTheFieldNamed() {
        for (String bad : List.of("limit=0", "limit=5001", "limit=-1", "limit=ten", "limit=", "limit=1.5",
                "limit=99999999999", "from=yesterday", "from=2030-01-02", "from=", "from=1700000000",
                "from=0000-12-31T23:59:59Z", "from=%2B10000-01-01T00:00:00Z", "from=%2B1000000000-01-01T00:00:00Z",
                "from=-1000000000-01-01T00:00:00Z", "from=2030-01-02T03:04:05.0000000000000000000000000Z")) {
            HttpResponse<String> response = get("/prices/BTC/bars?" + bad);
            assertThat(response.statusCode()).as(bad + " " + response.body()).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(json(get("/prices/BTC/bars?limit=abc&from=never")).get("errors")).hasSize(2);
        assertThat(get("/prices/BTC/bars?limit=5000&from=0001-01-01T00:00:00Z").statusCode()).isEqualTo(200);
        assertThat(get("/prices/BTC/bars?from=9999-12-31T23:59:59Z").statusCode()).isEqualTo(200);
    }

    @Test
    void bothNeedCredentialsAndAReadOnlyKeyReadsThem() {
        store(tick("XRP", "0.5", T0));
        assertThat(server.request("GET", "/prices/XRP").send().statusCode()).isEqualTo(401);
        assertThat(server.request("GET", "/prices/XRP/bars").send().statusCode()).isEqualTo(401);
        String key = server.apiKey(trader, "READ_ONLY");
        assertThat(server.request("GET", "/prices/XRP").apiKey(key).send().statusCode()).isEqualTo(200);
        assertThat(server.request("GET", "/prices/XRP/bars?from=" + T0).apiKey(key).send().statusCode()).isEqualTo(200);
    }

    @Test
    void theDocumentListsExactlyTheseRoutesWithTheirAccessParametersAndBodies() {
        JsonNode document = openApi();
        List<String> documented = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/prices")) {
                path.getValue().properties().forEach(op -> {
                    if (!op.getKey().equals("parameters")) {
                        documented.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + op.getValue().get("x-access").asText());
                    }
                });
            }
        });
        assertThat(documented).containsExactlyInAnyOrder("GET /prices/{token} READ", "GET /prices/{token}/bars READ");
        JsonNode barsOperation = document.at("/paths/~1prices~1{token}~1bars/get");
        List<String> parameters = new ArrayList<>();
        barsOperation.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asText()));
        assertThat(parameters).containsExactlyInAnyOrder("from", "limit");
        assertThat(barsOperation.at("/parameters/1/schema/maximum").asInt()).isEqualTo(PriceRoutes.MAX_BARS);
        assertThat(barsOperation.at("/parameters/1/schema/default").asInt()).isEqualTo(PriceRoutes.DEFAULT_BARS);

        store(tick("DOT", "7.25", T0));
        JsonNode schemas = document.at("/components/schemas");
        assertProperties(schemas, "LatestPrice", json(get("/prices/DOT")));
        JsonNode bars = json(get("/prices/DOT/bars?limit=1&from=" + T0));
        assertProperties(schemas, "PriceBars", bars);
        assertProperties(schemas, "PriceBar", bars.at("/bars/0"));
    }

    private static void assertProperties(JsonNode schemas, String schema, JsonNode body) {
        List<String> documented = new ArrayList<>();
        schemas.at("/" + schema + "/properties").fieldNames().forEachRemaining(documented::add);
        List<String> actual = new ArrayList<>();
        body.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as(schema + ": " + body).containsExactlyInAnyOrderElementsOf(documented);
    }

    private static JsonNode openApi() {
        try (InputStream in = PriceHttpTest.class.getResourceAsStream("/openapi/openapi.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
