package io.orderbook.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.HttpTestClient;
import io.orderbook.testsupport.RateLimitWindows;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestKafka;
import io.orderbook.adapters.prices.RedisLatestPrices;
import io.orderbook.adapters.redis.RedisConnector;
import org.redisson.api.RedissonClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone server as ServerMain wires it: the whole request chain with real identity, limits and log. */
class ServerMainTest {
    private static final String ADMIN_PASSWORD = "standalone admin password";

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

    @Test
    void aRequestPassesAuthenticationScopeRateLimitAndTheRequestLog() throws Exception {
        Map<String, String> env = db.serverEnvironment(dataDir);
        env.put(ServerConfig.KAFKA_BOOTSTRAP_SERVERS, TestKafka.bootstrapServers());
        env.put(ServerConfig.ADMIN_USERNAME, "root-admin");
        env.put(ServerConfig.ADMIN_PASSWORD, ADMIN_PASSWORD);
        core = ServerMain.builder(ServerConfig.load(Optional.empty(), env))
                .redisKeyPrefix(TestEngines.uniqueKeyPrefix()).build().start();
        HttpTestClient client = new HttpTestClient(core.baseUri().toString());

        HttpResponse<String> login = post(client, "/api/v1/auth/login",
                "{\"username\":\"root-admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", "");
        assertThat(login.statusCode()).isEqualTo(200);
        String token = HttpTestClient.json(login).get("accessToken").asText();

        String expiry = Instant.now().plus(Duration.ofDays(30)).toString();
        HttpResponse<String> created = post(client, "/api/v1/api-keys",
                "{\"name\":\"reader\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":3,\"expiresAt\":\"" + expiry + "\"}",
                "Bearer " + token);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = HttpTestClient.json(created);
        String secret = key.get("key").asText();

        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(20));
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> read = client.get("/api/v1/request-logs?limit=1", "X-API-Key", secret);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("X-RateLimit-Limit")).contains("3");
            assertThat(read.headers().firstValue("X-RateLimit-Remaining")).contains(Integer.toString(remaining));
            assertThat(read.headers().firstValue("X-RateLimit-Reset")).isPresent();
        }
        HttpResponse<String> limited = client.get("/api/v1/request-logs?limit=1", "X-API-Key", secret);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(HttpTestClient.json(limited).get("code").asText()).isEqualTo("RATE_LIMITED");

        HttpResponse<String> bogus = client.get("/api/v1/request-logs?limit=1", "X-API-Key", secret + "x");
        assertThat(bogus.statusCode()).isEqualTo(401);

        long keyId = key.get("id").asLong();
        Eventually.await(Duration.ofSeconds(10), "the key's requests in the request log", () ->
                count("select count(*) from request_log where api_key_id = " + keyId) >= 4);
        assertThat(count("select count(*) from request_log where api_key_id = " + keyId + " and status = 429"))
                .isEqualTo(1);
        for (String secretText : new String[]{secret, token, ADMIN_PASSWORD}) {
            assertThat(count("select count(*) from request_log where concat_ws('|', method, path, client_ip, "
                    + "request_id, error_code) like '%" + secretText.substring(0, 20) + "%'")).isZero();
            assertThat(count("select count(*) from api_keys where secret_hash like '%"
                    + secretText.substring(0, 20) + "%'")).isZero();
        }
    }

    @Test
    void embeddedModeRunsItsOwnBrokerAndTheSimulatorFeedsTheLatestPricesAndTheHistory() {
        Map<String, String> env = db.serverEnvironment(dataDir);
        env.put(ServerConfig.PRICE_SIMULATOR_TOKENS, "BTC:65000.00:0.0005,ETH:3200.00:0.0007");
        env.put(ServerConfig.PRICE_SIMULATOR_EVENTS_PER_SECOND, "50");
        ServerConfig config = ServerConfig.load(Optional.empty(), env);
        assertThat(config.usesEmbeddedKafka()).isTrue();
        String keyPrefix = TestEngines.uniqueKeyPrefix();
        core = ServerMain.builder(config).redisKeyPrefix(keyPrefix).build().start();

        assertThat(dataDir.resolve("kafka/meta.properties")).exists();
        RedissonClient redis = RedisConnector.connect(TestEngines.redisUrl().toString(), keyPrefix);
        try {
            RedisLatestPrices latest = new RedisLatestPrices(redis);
            Eventually.await(Duration.ofSeconds(60), "simulated prices of both tokens in Redis",
                    () -> latest.all().keySet().containsAll(java.util.Set.of("BTC", "ETH")));
            assertThat(latest.latest("BTC").orElseThrow().price().scale()).isEqualTo(2);
            assertThat(latest.latest("ETH").orElseThrow().source()).isEqualTo("simulator");
        } finally {
            redis.shutdown();
        }
        // The store writer puts the bars in PostgreSQL as it puts the latest prices in Redis, on its own schedule.
        Eventually.await(Duration.ofSeconds(10), "a BTC bar in the price history",
                () -> count("select count(*) from price_bars where token = 'BTC'") > 0);
        String metrics = core.infrastructure().meterRegistry().scrape();
        assertThat(metrics).contains("price_events_total{outcome=\"valid\",reason=\"none\"}");
        assertThat(metrics).contains("price_events_total{outcome=\"stale\",reason=\"STALE\"}");
    }

    private static HttpResponse<String> post(HttpTestClient client, String path, String json, String authorization) {
        HttpRequest.Builder request = client.request(path, "Content-Type", "application/json");
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private long count(String sql) {
        try (Connection connection = DriverManager.getConnection(db.target().jdbcUrl(),
                db.target().user().orElseThrow(), db.target().password().orElse(""));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
