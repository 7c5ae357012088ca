package io.orderbook.adapters.http;

import static io.orderbook.adapters.http.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.Violations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpServerTest {

    enum Side { BUY, SELL }

    record OrderRequest(String market, long quantity, BigDecimal price, Side side, Instant expiresAt) {
    }

    private HttpServer server;
    private TestClient client;

    @BeforeAll
    void start() {
        server = HttpServer.builder()
                .port(0)
                .maxRequestBodyBytes(1024)
                .routes(routes -> {
                    routes.post("/api/v1/test/orders", Access.PUBLIC, ctx -> {
                        OrderRequest order = ctx.bodyAsClass(OrderRequest.class);
                        new Violations()
                                .require("market", order.market())
                                .check(order.quantity() > 0, "quantity", "must be positive")
                                .throwIfAny();
                        ctx.status(201).json(order);
                    });
                    routes.get("/api/v1/test/conflict", Access.PUBLIC, ctx -> {
                        throw ApiProblem.conflict("Order 7 already exists.");
                    });
                    routes.get("/api/v1/test/boom", Access.PUBLIC, ctx -> {
                        throw new IllegalStateException("jdbc:postgresql://db.internal password=hunter2");
                    });
                    routes.get("/api/v1/test/error", Access.PUBLIC, ctx -> {
                        throw new AssertionError("internal invariant broken");
                    });
                    routes.get("/api/v1/test/page", Access.PUBLIC, ctx -> ctx.json(Map.of("limit", ctx.queryParamAsClass("limit", Integer.class).get())));
                    routes.get("/api/v1/test/time", Access.PUBLIC, ctx -> ctx.json(Map.of("at", Instant.parse("2026-01-31T12:00:00Z"))));
                })
                .build()
                .start();
        client = new TestClient(server);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void binds_a_free_port_when_asked_for_port_zero() {
        assertThat(server.port()).isPositive();
    }

    @Test
    void port_is_minus_one_before_start_and_after_stop() {
        HttpServer other = HttpServer.builder().port(0).build();
        assertThat(other.port()).isEqualTo(-1);

        other.start();
        assertThat(other.port()).isPositive().isNotEqualTo(server.port());
        other.stop();

        assertThat(other.port()).isEqualTo(-1);
    }

    @Test
    void unknown_route_is_a_404_problem() {
        HttpResponse<String> response = client.get("/api/v1/nothing-here");

        assertProblem(response, 404, "NOT_FOUND");
        JsonNode body = json(response);
        assertThat(body.get("type").asText()).isEqualTo("urn:orderbook:problem:not-found");
        assertThat(body.get("title").asText()).isEqualTo("Not found");
        assertThat(body.get("instance").asText()).isEqualTo("/api/v1/nothing-here");
        assertThat(body.get("detail").asText()).contains("GET /api/v1/nothing-here");
    }

    @Test
    void wrong_method_is_a_405_problem_with_allow_header() {
        HttpResponse<String> response = client.send(client.request("/api/v1/test/conflict").DELETE().build());

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow.split(", ")).containsExactlyInAnyOrder("GET", "HEAD"));
    }

    @Test
    void head_runs_the_get_handler_and_sends_no_body() {
        HttpResponse<String> response = client.send(client.request("/api/v1/test/conflict").HEAD().build());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue(RequestIds.HEADER)).isPresent();
    }

    @Test
    void requests_jetty_refuses_before_routing_are_problems_too() throws IOException {
        String badUri = rawExchange("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String hugeHeader = rawExchange("GET /api/v1/health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(badUri).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json").contains("\"code\":\"BAD_REQUEST\"").doesNotContain("<html");
        assertThat(hugeHeader).startsWith("HTTP/1.1 431").contains("\"code\":\"HEADERS_TOO_LARGE\"").contains("X-Request-Id: ");
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void valid_body_round_trips_with_iso_instants_and_exact_decimals() {
        HttpResponse<String> response = client.post("/api/v1/test/orders",
                "{\"market\":\"BTC-EUR\",\"quantity\":3,\"price\":0.10000000000000000001,\"side\":\"BUY\",\"expiresAt\":\"2026-01-31T12:00:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"expiresAt\":\"2026-01-31T12:00:00Z\"").contains("\"price\":0.10000000000000000001");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        HttpResponse<String> response = client.post("/api/v1/test/orders", "{\"market\": \"BTC-EUR\", ");

        assertProblem(response, 400, "MALFORMED_JSON");
    }

    @Test
    void empty_body_is_a_400_problem() {
        assertProblem(client.post("/api/v1/test/orders", ""), 400, "MALFORMED_JSON");
    }

    @Test
    void wrong_type_names_the_field() {
        HttpResponse<String> response = client.post("/api/v1/test/orders", "{\"market\":\"BTC-EUR\",\"quantity\":\"three\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(json(response).get("errors")).hasSize(1);
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("quantity");
        assertThat(json(response).at("/errors/0/message").asText()).isEqualTo("must be an integer");
    }

    @Test
    void fractional_quantity_and_bad_enum_and_bad_instant_are_refused() {
        assertThat(json(client.post("/api/v1/test/orders", "{\"market\":\"X\",\"quantity\":1.5}")).at("/errors/0/field").asText())
                .isEqualTo("quantity");
        assertThat(json(client.post("/api/v1/test/orders", "{\"market\":\"X\",\"quantity\":1,\"side\":\"HOLD\"}")).at("/errors/0/message").asText())
                .isEqualTo("must be one of [BUY, SELL]");
        assertThat(json(client.post("/api/v1/test/orders", "{\"market\":\"X\",\"quantity\":1,\"expiresAt\":\"tomorrow\"}")).at("/errors/0/field").asText())
                .isEqualTo("expiresAt");
    }

    @Test
    void null_for_a_primitive_is_refused() {
        HttpResponse<String> response = client.post("/api/v1/test/orders", "{\"market\":\"X\",\"quantity\":null}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("quantity");
    }

    @Test
    void unknown_property_is_refused_by_name() {
        HttpResponse<String> response = client.post("/api/v1/test/orders", "{\"market\":\"X\",\"quantity\":1,\"qty\":1}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("qty");
        assertThat(json(response).at("/errors/0/message").asText()).isEqualTo("is not a known property");
    }

    @Test
    void invalid_fields_are_all_listed() {
        HttpResponse<String> response = client.post("/api/v1/test/orders", "{\"market\":\" \",\"quantity\":0}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("market", "quantity");
        assertThat(json(response).get("detail").asText()).isEqualTo("2 fields are invalid");
    }

    @Test
    void a_missing_primitive_field_is_refused() {
        HttpResponse<String> response = client.post("/api/v1/test/orders", "{\"market\":\"X\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("quantity");
        assertThat(json(response).at("/errors/0/message").asText()).isEqualTo("is required and must not be null");
    }

    @Test
    void invalid_query_parameter_is_a_validation_problem() {
        HttpResponse<String> response = client.get("/api/v1/test/page?limit=ten");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void declared_oversized_body_is_a_413_problem() {
        HttpResponse<String> response = client.post("/api/v1/test/orders", "{\"market\":\"" + "x".repeat(2000) + "\"}");

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunked_oversized_body_is_a_413_problem() {
        byte[] body = ("{\"market\":\"" + "x".repeat(5000) + "\"}").getBytes();
        HttpRequest request = client.request("/api/v1/test/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        assertProblem(client.send(request), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void thrown_api_problem_keeps_its_code_and_detail() {
        HttpResponse<String> response = client.get("/api/v1/test/conflict");

        assertProblem(response, 409, "CONFLICT");
        assertThat(json(response).get("detail").asText()).isEqualTo("Order 7 already exists.");
    }

    @Test
    void unexpected_exception_is_a_500_problem_without_internals() {
        HttpResponse<String> response = client.get("/api/v1/test/boom");

        assertProblem(response, 500, "INTERNAL");
        assertThat(response.body()).doesNotContain("hunter2", "jdbc", "IllegalStateException", "at io.");
    }

    @Test
    void java_lang_error_is_a_500_problem_without_internals() {
        HttpResponse<String> response = client.get("/api/v1/test/error");

        assertProblem(response, 500, "INTERNAL");
        assertThat(response.body()).doesNotContain("invariant", "AssertionError");
    }

    @Test
    void instants_are_written_as_iso_8601_text() {
        assertThat(client.get("/api/v1/test/time").body()).isEqualTo("{\"at\":\"2026-01-31T12:00:00Z\"}");
    }

    @Test
    void every_response_carries_a_generated_request_id() {
        HttpResponse<String> ok = client.get("/api/v1/health/live");
        HttpResponse<String> notFound = client.get("/nowhere");

        assertThat(ok.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(notFound.headers().firstValue(RequestIds.HEADER).orElseThrow()).isEqualTo(json(notFound).get("requestId").asText());
        assertThat(ok.headers().firstValue(RequestIds.HEADER)).isNotEqualTo(notFound.headers().firstValue(RequestIds.HEADER));
    }

    @Test
    void a_sane_incoming_request_id_is_kept_and_an_insane_one_replaced() {
        HttpResponse<String> kept = client.send(client.request("/api/v1/health/live").header(RequestIds.HEADER, "client-42.retry:1").build());
        HttpResponse<String> replaced = client.send(client.request("/api/v1/health/live").header(RequestIds.HEADER, "<script>" + "x".repeat(80)).build());

        assertThat(kept.headers().firstValue(RequestIds.HEADER)).hasValue("client-42.retry:1");
        assertThat(replaced.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void server_version_is_not_advertised() {
        assertThat(client.get("/api/v1/health/live").headers().firstValue("Server")).isEmpty();
    }

    @Test
    void a_route_without_an_access_role_is_refused_at_build_time() {
        assertThatThrownBy(() -> HttpServer.builder().port(0)
                .routes(routes -> routes.javalin().get("/api/v1/unguarded", ctx -> ctx.result("oops")))
                .build().start().stop())
                .hasStackTraceContaining("must declare exactly one Access role");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("type").asText()).startsWith("urn:orderbook:problem:");
        assertThat(body.hasNonNull("title")).isTrue();
        assertThat(body.hasNonNull("detail")).isTrue();
        assertThat(body.get("requestId").asText()).isEqualTo(response.headers().firstValue(RequestIds.HEADER).orElseThrow());
    }
}
