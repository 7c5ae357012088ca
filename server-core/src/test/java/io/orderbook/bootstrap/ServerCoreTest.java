package io.orderbook.bootstrap;

import static io.orderbook.testsupport.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.bootstrap.embedded.EmbeddedRedis;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.HttpTestClient;
import io.orderbook.testsupport.TestAuthenticator;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCoreTest {

    private static final String ADMIN_TOKEN = "admin-token";

    @TempDir
    Path dataDir;

    private final TestDatabase db = TestEngines.newEmptyDatabase();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private ServerConfig externalEngines(String redisUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", db.target().jdbcUrl());
        env.put("DATABASE_USER", db.target().user().orElseThrow());
        env.put("REDIS_URL", redisUrl);
        env.put("HTTP_PORT", "0");
        env.put("DATA_DIR", dataDir.toString());
        return ServerConfig.load(Optional.empty(), env);
    }

    private ServerCore.Builder withTestIdentity(ServerConfig config) {
        return ServerCore.builder(config)
                .redisKeyPrefix(TestEngines.uniqueKeyPrefix())
                .module(infrastructure -> {
                    events.add("module made with " + (infrastructure.database() != null && infrastructure.redisson() != null));
                    TestAuthenticator authenticator = new TestAuthenticator().bearer(ADMIN_TOKEN, new Caller.User(1, Role.ADMIN));
                    return ServerModule.of(authenticator,
                            List.of(routes -> routes.get("/api/v1/module/ping", Access.READ, ctx -> ctx.result("pong"))),
                            () -> events.add("module closed"));
                })
                .onClose(() -> events.add("hook closed"));
    }

    private static HttpResponse<String> admin(HttpTestClient client, String path, String requestId) {
        return client.get(path, "Authorization", "Bearer " + ADMIN_TOKEN, "X-Request-Id", requestId);
    }

    @Test
    void servesThePipelineWithModulesReadinessMetricsAndTheRequestLogThenStopsInOrder() throws Exception {
        ServerCore core = withTestIdentity(externalEngines(TestEngines.redisUrl().toString())).build().start();
        HttpTestClient client = new HttpTestClient(core.baseUri().toString());
        assertThat(core.port()).isPositive();
        assertThat(core.baseUri().toString()).isEqualTo("http://127.0.0.1:" + core.port());
        assertThat(events).containsExactly("module made with true");

        HttpResponse<String> health = client.get("/api/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode report = json(health);
        assertThat(report.get("status").asText()).isEqualTo("UP");
        assertThat(report.get("checks").findValuesAsText("name")).containsExactlyInAnyOrder("database", "redis");
        assertThat(report.get("checks").findValuesAsText("status")).containsOnly("UP");

        HttpResponse<String> ping = admin(client, "/api/v1/module/ping", "core-ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong");
        assertThat(ping.headers().firstValue("X-RateLimit-Limit")).hasValue(Integer.toString(ServerConfig.DEFAULT_USER_REQUESTS_PER_MINUTE));
        assertThat(client.get("/api/v1/module/ping").statusCode()).isEqualTo(401);

        Eventually.await(Duration.ofSeconds(5), "the ping is logged", () -> loggedRequests("core-ping") == 1);
        HttpResponse<String> logs = admin(client, "/api/v1/request-logs?path=/api/v1/module/ping", "core-logs");
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(json(logs).get("items").findValuesAsText("requestId")).contains("core-ping");
        assertThat(client.get("/api/v1/metrics").body()).contains("request_log_entries_total", "http_server_requests_seconds");

        // The last request is still in the writer's queue when close begins: close flushes it.
        assertThat(admin(client, "/api/v1/module/ping", "core-last").statusCode()).isEqualTo(200);
        core.close();

        assertThat(loggedRequests("core-last")).isEqualTo(1);
        assertThat(events).containsExactly("module made with true", "module closed", "hook closed");
        assertThat(core.port()).isEqualTo(-1);
        assertThatThrownBy(() -> client.get("/api/v1/health/live")).isInstanceOf(UncheckedIOException.class);
        core.close();
        assertThatThrownBy(core::start).isInstanceOf(IllegalStateException.class);
    }

    private long loggedRequests(String requestId) {
        try (Connection connection = db.connection();
             PreparedStatement count = connection.prepareStatement("select count(*) from request_log where request_id = ?")) {
            count.setString(1, requestId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedStartClosesWhatItHadStarted() {
        ServerCore core = withTestIdentity(externalEngines(TestEngines.redisUrl().toString()))
                .authenticator(new TestAuthenticator())
                .build();

        assertThatThrownBy(core::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("two request authenticators");

        assertThat(events).containsExactly("module made with true", "module closed", "hook closed");
        assertThat(core.port()).isEqualTo(-1);
        assertThatThrownBy(core::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void healthReportsRedisDownWhenItGoesAway() {
        EmbeddedRedis redis = EmbeddedRedis.start();
        try (ServerCore core = withTestIdentity(externalEngines(redis.url().toString())).build().start()) {
            HttpTestClient client = new HttpTestClient(core.port());
            assertThat(client.get("/api/v1/health").statusCode()).isEqualTo(200);

            redis.close();

            // Liveness does not depend on Redis: rate limits are then counted on this node alone.
            assertThat(client.get("/api/v1/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> health = client.get("/api/v1/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode checks = json(health).get("checks");
            assertThat(json(health).get("status").asText()).isEqualTo("DOWN");
            for (JsonNode check : checks) {
                assertThat(check.get("status").asText()).isEqualTo(check.get("name").asText().equals("redis") ? "DOWN" : "UP");
            }
        } finally {
            redis.close();
        }
    }

    @Test
    void withoutExternalEnginesItRunsEmbeddedOnesUnderTheDataDirAndStopsThem() throws Exception {
        ServerConfig config = ServerConfig.load(Optional.empty(), Map.of("DATA_DIR", dataDir.toString(), "HTTP_PORT", "0"));
        assertThat(config.usesEmbeddedDatabase() && config.usesEmbeddedRedis()).isTrue();

        try (ServerCore core = withTestIdentity(config).build().start()) {
            HttpTestClient client = new HttpTestClient(core.port());
            HttpResponse<String> health = client.get("/api/v1/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(admin(client, "/api/v1/module/ping", "embedded-1").statusCode()).isEqualTo(200);
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
            assertThat(engineProcesses()).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(engineProcesses()).isEmpty();

        // The data stays under DATA_DIR: a second start finds the first one's request log.
        try (ServerCore core = withTestIdentity(config).build().start()) {
            HttpTestClient client = new HttpTestClient(core.port());
            JsonNode logs = json(admin(client, "/api/v1/request-logs?path=/api/v1/module/ping", "embedded-2"));
            assertThat(logs.get("items").findValuesAsText("requestId")).contains("embedded-1");
        }
        assertThat(engineProcesses()).isEmpty();
    }

    /** Live PostgreSQL processes on this test's data directory and Redis servers started by this JVM. */
    private List<ProcessHandle> engineProcesses() {
        Eventually.await(Duration.ofSeconds(1), "process table settles", () -> true);
        String postgresData = dataDir.resolve("postgres").toString();
        List<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(postgresData)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
        List<ProcessHandle> redis = ProcessHandle.current().children()
                .filter(p -> p.info().command().map(command -> command.contains("redis")).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
        return java.util.stream.Stream.concat(postgres.stream(), redis.stream()).toList();
    }
}
