package io.orderbook.adapters.http;

import static io.orderbook.adapters.http.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.system.ReadinessCheck;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemRoutesTest {

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicBoolean redisHangs = new AtomicBoolean();
    private HttpServer server;
    private TestClient client;

    @BeforeAll
    void start() {
        server = HttpServer.builder()
                .port(0)
                .readinessCheck(ReadinessCheck.of("database", () -> {
                    if (databaseDown.get()) throw new IllegalStateException("connection refused: db.internal:5432");
                }))
                .readinessCheck(ReadinessCheck.of("redis", () -> {
                    if (redisHangs.get()) Thread.sleep(10_000);
                }))
                .readinessTimeout(java.time.Duration.ofMillis(300))
                .build()
                .start();
        client = new TestClient(server);
    }

    @BeforeEach
    void healthy() {
        databaseDown.set(false);
        redisHangs.set(false);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void liveness_is_up_without_running_checks() {
        databaseDown.set(true);

        HttpResponse<String> response = client.get("/api/v1/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readiness_is_up_when_every_check_passes() {
        HttpResponse<String> response = client.get("/api/v1/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks").findValuesAsText("name")).containsExactly("database", "redis");
        assertThat(body.get("checks").findValuesAsText("status")).containsExactly("UP", "UP");
    }

    @Test
    void readiness_is_down_with_503_when_a_check_fails_and_hides_why() {
        databaseDown.set(true);

        HttpResponse<String> response = client.get("/api/v1/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(response).get("checks").findValuesAsText("status")).containsExactly("DOWN", "UP");
        assertThat(response.body()).doesNotContain("db.internal", "connection refused");
    }

    @Test
    void head_on_readiness_reports_the_real_status() {
        databaseDown.set(true);

        assertThat(client.send(client.request("/api/v1/health").HEAD().build()).statusCode()).isEqualTo(503);
    }

    @Test
    void a_hanging_check_times_out_instead_of_hanging_the_endpoint() {
        redisHangs.set(true);
        long start = System.nanoTime();

        HttpResponse<String> response = client.get("/api/v1/health");

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("checks").findValuesAsText("status")).containsExactly("UP", "TIMEOUT");
    }

    @Test
    void metrics_are_prometheus_text_with_http_request_timers_by_route_template() {
        client.get("/api/v1/health/live");
        client.get("/api/v1/no-such-route-12345");

        HttpResponse<String> response = client.get("/api/v1/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE http_server_requests_seconds")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/api/v1/health/live\"[^}]*status=\"200\"[^}]*} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*code=\"NOT_FOUND\"[^}]*route=\"UNMATCHED\"")
                .doesNotContain("no-such-route-12345");
    }

    @Test
    void other_components_can_register_meters_in_the_same_registry() {
        server.meterRegistry().counter("orderbook.test.events").increment();

        assertThat(client.get("/api/v1/metrics").body()).contains("orderbook_test_events_total 1.0");
    }

    @Test
    void openapi_document_is_served_as_json_with_the_api_system_paths() {
        HttpResponse<String> response = client.get("/api/v1/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode doc = json(response);
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo(ApiPaths.V1);
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains(
                "/health", "/health/live", "/metrics", "/openapi.json",
                "/auth/login", "/auth/refresh", "/auth/logout", "/auth/me",
                "/users", "/users/{id}",
                "/api-keys", "/api-keys/{id}", "/api-keys/{id}/revoke", "/api-keys/{id}/regenerate",
                "/request-logs", "/request-logs/stats");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/apiKeyAuth/name").asText()).isEqualTo("X-API-Key");
        assertThat(doc.at("/components/schemas/Problem/properties/code/$ref").asText()).isEqualTo("#/components/schemas/ErrorCode");
    }

    @Test
    void openapi_document_lists_exactly_the_error_codes_of_the_server() {
        JsonNode codes = json(client.get("/api/v1/openapi.json")).at("/components/schemas/ErrorCode/enum");
        List<String> documented = new ArrayList<>();
        codes.forEach(code -> documented.add(code.asText()));

        assertThat(documented).containsExactly(java.util.Arrays.stream(io.orderbook.adapters.http.problem.ErrorCode.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void every_documented_operation_declares_a_known_access_level() {
        JsonNode paths = json(client.get("/api/v1/openapi.json")).get("paths");
        List<String> access = new ArrayList<>();
        paths.forEach(path -> path.properties().forEach(op -> {
            if (!op.getKey().equals("parameters")) access.add(op.getValue().path("x-access").asText("MISSING"));
        }));

        assertThat(access).isNotEmpty().allSatisfy(level ->
                assertThat(level).isIn(java.util.Arrays.stream(io.orderbook.adapters.http.pipeline.Access.values()).map(Enum::name).toList()));
    }
}
