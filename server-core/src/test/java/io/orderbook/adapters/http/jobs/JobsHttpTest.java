package io.orderbook.adapters.http.jobs;

import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.jobs.JobsModule;
import io.orderbook.application.prices.LatestPrices;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.application.requestlog.RequestLogRetention;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jobs' HTTP API over a real server (PostgreSQL, Redis, the sequencer): admins only for {@code /jobs}, runs that
 * do their work (GTD orders expired, snapshots stored, request log purged), candles and statistics for anyone signed
 * in, bad input answered 4xx, and the OpenAPI document listing exactly these routes.
 */
class JobsHttpTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    static final LatestPrices NO_PRICES = new LatestPrices() {
        @Override
        public Optional<PriceTick> latest(String token) {
            return Optional.empty();
        }

        @Override
        public Map<String, PriceTick> all() {
            return Map.of();
        }
    };
    static TradingTestServer server;
    static JobsModule jobs;
    static TradingTestServer.Trader admin;
    static TradingTestServer.Trader trader;

    @BeforeAll
    static void start() {
        TradingTestServer.installMarkets(db.database());
        server = new TradingTestServer(db.database(), redis.client(), clock, UnaryOperator.identity(), trading -> {
            jobs = new JobsModule(db.database(), redis.client(), trading, NO_PRICES, ticks -> { },
                    new RequestLogRetention(new RequestLogRepository(db.database()), 30, clock),
                    JobsModule.Settings.defaults(), clock, "test-node");
            return jobs.routes();
        });
        admin = server.user("admin", UserRole.ADMIN);
        trader = server.trader("trader");
    }

    @AfterAll
    static void stop() {
        if (jobs != null) jobs.close();
        if (server != null) server.close();
    }

    @Test
    void jobsAreForAdministratorsAndUnknownJobsAre404() {
        assertThat(server.request("GET", "/jobs").as(trader).send().statusCode()).isEqualTo(403);
        assertThat(server.request("POST", "/jobs/order-expiry/run").as(trader).send().statusCode()).isEqualTo(403);
        assertThat(server.request("GET", "/jobs/order-expiry/runs").as(trader).send().statusCode()).isEqualTo(403);
        assertThat(server.request("GET", "/jobs").send().statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = server.request("POST", "/jobs/no-such-job/run").as(admin).send();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(server.request("GET", "/jobs/no-such-job/runs").as(admin).send().statusCode()).isEqualTo(404);
        assertThat(server.request("GET", "/jobs/order-expiry/runs?limit=0").as(admin).send().statusCode()).isEqualTo(400);

        JsonNode list = json(server.request("GET", "/jobs").as(admin).send());
        List<String> names = new ArrayList<>();
        list.get("items").forEach(job -> names.add(job.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(JobsModule.DEFAULT_SCHEDULES.keySet());
        assertThat(list.at("/items/0/cron").asText()).isNotEmpty();
        assertThat(list.at("/items/0/nextRunAt").asText()).isNotEmpty();
    }

    @Test
    void runningOrderExpiryNowExpiresADueGoodTillDateOrderAndIsRecorded() {
        server.deposit(trader, TradingTestServer.USDT, "1000");
        HttpResponse<String> placed = server.request("POST", "/orders").as(trader).json(Map.of("market", "BTC-USDT",
                "side", "BUY", "type", "LIMIT", "timeInForce", "GTD", "price", "100", "quantity", "0.5",
                "expireAt", clock.instant().plus(Duration.ofSeconds(1)).toString())).send();
        assertThat(placed.statusCode()).as(placed.body()).isIn(200, 201);
        long orderId = json(placed).at("/order/id").asLong(json(placed).path("id").asLong());
        clock.advance(Duration.ofSeconds(2));

        JsonNode run = json(server.request("POST", "/jobs/order-expiry/run").as(admin).send());
        assertThat(run.get("result").asText()).isEqualTo("OK");
        assertThat(run.get("message").asText()).isEqualTo("expired 1 order");
        assertThat(run.get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(run.get("instance").asText()).isEqualTo("test-node");
        assertThat(json(server.request("GET", "/orders/" + orderId).as(trader).send()).get("status").asText())
                .isEqualTo("EXPIRED");

        JsonNode history = json(server.request("GET", "/jobs/order-expiry/runs?limit=1").as(admin).send());
        assertThat(history.at("/items/0/id").asLong()).isEqualTo(run.get("id").asLong());
        JsonNode listed = json(server.request("GET", "/jobs").as(admin).send());
        listed.get("items").forEach(job -> {
            if (job.get("name").asText().equals("order-expiry")) {
                assertThat(job.at("/lastRun/id").asLong()).isEqualTo(run.get("id").asLong());
            }
        });
    }

    @Test
    void bookSnapshotsStoreTheTopLevels() throws Exception {
        server.deposit(trader, TradingTestServer.USDT, "1000");
        assertThat(server.request("POST", "/orders").as(trader).json(Map.of("market", "ETH-USDT", "side", "BUY",
                "type", "LIMIT", "price", "10", "quantity", "1")).send().statusCode()).isIn(200, 201);
        JsonNode run = json(server.request("POST", "/jobs/book-snapshots/run").as(admin).send());
        assertThat(run.get("result").asText()).as(run.toString()).isEqualTo("OK");
        try (Connection c = db.connection(); ResultSet rows = c.createStatement().executeQuery(
                "select bids::text, asks::text from order_book_snapshots where market_id = 2 order by id desc limit 1")) {
            assertThat(rows.next()).isTrue();
            // 10 USDT (scale 6) for 1 ETH (scale 8): [price, quantity, orders] in minor units.
            assertThat(rows.getString(1)).contains("[10000000, 100000000, 1]");
            assertThat(rows.getString(2)).isEqualTo("[]");
        }
    }

    @Test
    void requestLogRetentionDeletesOnlyEntriesPastTheRetention() throws Exception {
        try (Connection c = db.connection()) {
            c.createStatement().execute("insert into request_log (occurred_at, method, path, status, latency_micros)"
                    + " values (now() - interval '31 days', 'GET', '/old', 200, 1),"
                    + " (now() - interval '29 days', 'GET', '/recent', 200, 1)");
        }
        JsonNode run = json(server.request("POST", "/jobs/request-log-retention/run").as(admin).send());
        assertThat(run.get("message").asText()).isEqualTo("deleted 1 entries");
        try (Connection c = db.connection(); ResultSet rows = c.createStatement().executeQuery(
                "select count(*) filter (where path = '/old'), count(*) filter (where path = '/recent') from request_log")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            assertThat(rows.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void candlesAndStatisticsAreServedAsDecimalsAndBadInputIs400() {
        JsonNode run = json(server.request("POST", "/jobs/market-stats/run").as(admin).send());
        assertThat(run.get("result").asText()).as(run.toString()).isEqualTo("OK");
        JsonNode stats = json(server.request("GET", "/markets/BTC-USDT/stats").as(trader).send());
        assertThat(stats.get("market").asText()).isEqualTo("BTC-USDT");
        assertThat(stats.get("volume").asText()).isEqualTo("0.00000000");
        JsonNode all = json(server.request("GET", "/markets/stats").as(trader).send());
        assertThat(all.get("items").size()).isEqualTo(3);
        JsonNode candles = json(server.request("GET", "/markets/BTC-USDT/candles?interval=5m&limit=10").as(trader).send());
        assertThat(candles.get("interval").asText()).isEqualTo("5m");
        assertThat(candles.get("candles").isArray()).isTrue();

        for (String bad : List.of("interval=2m", "limit=0", "limit=1001", "from=yesterday",
                "from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "to=%2B1000000000-01-01T00:00:00Z")) {
            HttpResponse<String> response = server.request("GET", "/markets/BTC-USDT/candles?" + bad).as(trader).send();
            assertThat(response.statusCode()).as(bad + " " + response.body()).isEqualTo(400);
            assertThat(json(response).get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(server.request("GET", "/markets/NONE-USDT/candles").as(trader).send().statusCode()).isEqualTo(404);
        assertThat(server.request("GET", "/markets/NONE-USDT/stats").as(trader).send().statusCode()).isEqualTo(404);
        assertThat(server.request("GET", "/markets/stats").send().statusCode()).isEqualTo(401);
    }

    @Test
    void theDocumentListsExactlyTheseRoutesWithTheirAccess() {
        JsonNode paths = openApi().get("paths");
        List<String> documented = new ArrayList<>();
        paths.properties().forEach(path -> {
            if (path.getKey().startsWith("/jobs") || path.getKey().matches("/markets(/\\{symbol})?/(stats|candles)")) {
                path.getValue().properties().forEach(op -> {
                    if (!op.getKey().equals("parameters")) {
                        documented.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + op.getValue().get("x-access").asText());
                    }
                });
            }
        });
        assertThat(documented).containsExactlyInAnyOrder("GET /jobs ADMIN_READ", "GET /jobs/{name}/runs ADMIN_READ",
                "POST /jobs/{name}/run ADMIN_WRITE", "GET /markets/stats READ", "GET /markets/{symbol}/stats READ",
                "GET /markets/{symbol}/candles READ");
        JsonNode schemas = openApi().at("/components/schemas");
        JsonNode run = json(server.request("POST", "/jobs/api-key-expiry/run").as(admin).send());
        assertProperties(schemas, "JobRun", run);
        JsonNode stats = json(server.request("GET", "/markets/BTC-USDT/stats").as(trader).send());
        assertProperties(schemas, "MarketStats", stats);
        assertProperties(schemas, "Job", json(server.request("GET", "/jobs").as(admin).send()).at("/items/0"));
    }

    private static void assertProperties(JsonNode schemas, String schema, JsonNode body) {
        List<String> documented = new ArrayList<>();
        schemas.at("/" + schema + "/properties").fieldNames().forEachRemaining(documented::add);
        List<String> actual = new ArrayList<>();
        body.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as(schema + ": " + body).containsExactlyInAnyOrderElementsOf(documented);
    }

    private static JsonNode openApi() {
        try (InputStream in = JobsHttpTest.class.getResourceAsStream("/openapi/openapi.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
