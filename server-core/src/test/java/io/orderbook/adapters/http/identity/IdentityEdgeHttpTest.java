package io.orderbook.adapters.http.identity;

import static io.orderbook.adapters.http.identity.IdentityTestServer.PASSWORD;
import static io.orderbook.adapters.http.identity.IdentityTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.users.UserAccount;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identity endpoints as a whole: the access each operation documents in the OpenAPI document holds
 * for anonymous callers, traders, administrators and read-only keys; bad input never gets a 5xx; and no
 * secret is stored in clear.
 */
class IdentityEdgeHttpTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static IdentityTestServer server;
    static UserAccount admin;
    static UserAccount trader;
    static String adminToken;
    static String traderToken;
    static String traderReadOnlyKey;
    static String adminReadOnlyKey;
    static long traderKeyId;

    @BeforeAll
    static void start() {
        server = new IdentityTestServer(db.database(), redis.client(), TestClock.atSystemTime(), settings -> settings);
        admin = server.createUser("admin", UserRole.ADMIN);
        trader = server.createUser("trader", UserRole.TRADER);
        adminToken = server.accessToken(admin.username());
        traderToken = server.accessToken(trader.username());
        JsonNode key = server.createKey(traderToken, "READ_ONLY", Map.of());
        traderReadOnlyKey = key.get("key").asText();
        traderKeyId = key.get("id").asLong();
        adminReadOnlyKey = server.createKey(adminToken, "READ_ONLY", Map.of()).get("key").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One documented operation of the identity endpoints. */
    private record Operation(String method, String path, String access) {
        String concretePath(long id) {
            return path.replace("{id}", Long.toString(id));
        }

        boolean writes() {
            return access.equals("WRITE") || access.equals("ADMIN_WRITE");
        }

        boolean forAdmins() {
            return access.startsWith("ADMIN");
        }
    }

    private static JsonNode openApi() {
        try (InputStream in = IdentityEdgeHttpTest.class.getResourceAsStream("/openapi/openapi.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Operation> documentedOperations() {
        JsonNode doc = openApi();
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().matches("/(auth|users|api-keys)(/.*)?")) continue;
            path.getValue().fields().forEachRemaining(op -> {
                if (!op.getKey().equals("parameters")) {
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue().get("x-access").asText()));
                }
            });
        }
        return operations;
    }

    private static HttpResponse<String> call(Operation op, IdentityTestServer.Call call) {
        return call.body("{}").send();
    }

    @Test
    void the_documented_operations_are_exactly_the_identity_routes() {
        assertThat(documentedOperations()).extracting(op -> op.method() + " " + op.path()).containsExactlyInAnyOrder(
                "POST /auth/login", "POST /auth/refresh", "POST /auth/logout", "GET /auth/me",
                "GET /users", "POST /users", "GET /users/{id}", "PATCH /users/{id}", "DELETE /users/{id}",
                "GET /api-keys", "POST /api-keys", "GET /api-keys/{id}", "PATCH /api-keys/{id}", "DELETE /api-keys/{id}",
                "POST /api-keys/{id}/revoke", "POST /api-keys/{id}/regenerate");
    }

    @Test
    void every_operation_enforces_its_documented_access() {
        // An id nobody has: allowed callers get 404 or 400, never 401 or 403.
        long missing = 987_654_321L;
        for (Operation op : documentedOperations()) {
            String path = op.concretePath(missing);
            String what = op.method() + " " + op.path() + " (" + op.access() + ")";

            int anonymous = call(op, server.request(op.method(), path)).statusCode();
            int asTrader = call(op, server.request(op.method(), path).bearer(traderToken)).statusCode();
            int asAdmin = call(op, server.request(op.method(), path).bearer(adminToken)).statusCode();
            int traderReadOnly = call(op, server.request(op.method(), path).apiKey(traderReadOnlyKey)).statusCode();
            int adminReadOnly = call(op, server.request(op.method(), path).apiKey(adminReadOnlyKey)).statusCode();

            assertThat(anonymous).as(what + " anonymous").isEqualTo(op.access().equals("PUBLIC") ? 400 : 401);
            assertThat(asTrader).as(what + " trader").isEqualTo(op.forAdmins() ? 403 : expectedAllowed(op));
            assertThat(asAdmin).as(what + " admin").isEqualTo(expectedAllowed(op));
            assertThat(traderReadOnly).as(what + " trader read-only key").isEqualTo(op.forAdmins() || op.writes() ? 403 : expectedAllowed(op));
            assertThat(adminReadOnly).as(what + " admin read-only key").isEqualTo(op.writes() ? 403 : expectedAllowed(op));
        }
        assertThat(server.request("GET", "/auth/me").bearer(adminToken).send().statusCode()).isEqualTo(200);
    }

    // With "{}" as body and an unknown id: 404 where an id is looked up, 400 where the body is incomplete.
    private static int expectedAllowed(Operation op) {
        return switch (op.method() + " " + op.path()) {
            case "GET /auth/me", "GET /users", "GET /api-keys" -> 200;
            case "POST /auth/login", "POST /auth/refresh", "POST /auth/logout", "POST /users", "POST /api-keys",
                 "PATCH /users/{id}", "PATCH /api-keys/{id}" -> 400;
            default -> 404;
        };
    }

    @Test
    void responses_have_exactly_the_properties_their_schemas_document() {
        JsonNode schemas = openApi().at("/components/schemas");
        JsonNode tokens = server.login(trader.username());
        JsonNode created = server.createKey(tokens.get("accessToken").asText(), "READ_ONLY", Map.of());
        JsonNode me = json(server.request("GET", "/auth/me").apiKey(created.get("key").asText()).send());
        JsonNode user = json(server.request("GET", "/users/" + trader.id()).bearer(adminToken).send());
        JsonNode userPage = json(server.request("GET", "/users?limit=1").bearer(adminToken).send());
        JsonNode keyPage = json(server.request("GET", "/api-keys?limit=1").bearer(traderToken).send());

        assertMatches(schemas, "TokenResponse", tokens);
        assertMatches(schemas, "Me", me);
        assertMatches(schemas, "User", me.get("user"));
        assertMatches(schemas, "ApiKey", me.get("apiKey"));
        assertMatches(schemas, "User", user);
        assertMatches(schemas, "UserPage", userPage);
        assertMatches(schemas, "User", userPage.at("/items/0"));
        assertMatches(schemas, "ApiKeyPage", keyPage);
        assertMatches(schemas, "ApiKey", keyPage.at("/items/0"));
        // ApiKeyCreated is ApiKey plus the key itself.
        List<String> createdFields = new ArrayList<>();
        created.fieldNames().forEachRemaining(createdFields::add);
        List<String> expected = new ArrayList<>();
        schemas.at("/ApiKey/properties").fieldNames().forEachRemaining(expected::add);
        expected.add("key");
        assertThat(createdFields).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void assertMatches(JsonNode schemas, String schema, JsonNode body) {
        List<String> documented = new ArrayList<>();
        schemas.at("/" + schema + "/properties").fieldNames().forEachRemaining(documented::add);
        List<String> actual = new ArrayList<>();
        body.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as(schema + ": " + body).containsExactlyInAnyOrderElementsOf(documented);
        schemas.at("/" + schema + "/required").forEach(required -> assertThat(actual).as(schema).contains(required.asText()));
    }

    @Test
    void bad_input_gets_a_4xx_problem_and_never_a_5xx() {
        String keyPath = "/api-keys/" + traderKeyId;
        List<String[]> cases = List.of(
                new String[] {"POST", "/auth/login", "{"},
                new String[] {"POST", "/auth/login", "null"},
                new String[] {"POST", "/auth/login", "[]"},
                new String[] {"POST", "/auth/login", "\"text\""},
                new String[] {"POST", "/auth/login", "{\"username\":[\"a\"],\"password\":{}}"},
                new String[] {"POST", "/auth/login", "{\"username\":\"a\",\"password\":\"b\",\"password\":\"c\"}"},
                new String[] {"POST", "/auth/login", "{\"username\":\"" + "a".repeat(70_000) + "\"}"},
                new String[] {"POST", "/auth/login", "{\"username\":\"\\u0000\",\"password\":\"\\u0000\"}"},
                new String[] {"POST", "/auth/refresh", "{\"refreshToken\":12}"},
                new String[] {"POST", "/auth/refresh", "{\"refreshToken\":\"obr_\\u0000\"}"},
                new String[] {"POST", "/auth/logout", "{\"allSessions\":\"yes\"}"},
                new String[] {"POST", "/users", "{\"username\":\"abc\",\"password\":\"" + PASSWORD + "\",\"role\":null}"},
                new String[] {"POST", "/users", "{\"username\":\"abc\",\"password\":true,\"role\":\"TRADER\"}"},
                new String[] {"PATCH", "/users/" + trader.id(), "{\"enabled\":null}"},
                new String[] {"PATCH", "/users/" + trader.id(), "{\"role\":7}"},
                new String[] {"GET", "/users/1e3", null},
                new String[] {"GET", "/users/%20", null},
                new String[] {"POST", "/api-keys", "{\"name\":\"k\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":99999999999,\"expiresAt\":\"2031-01-01T00:00:00Z\"}"},
                new String[] {"POST", "/api-keys", "{\"name\":\"k\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":1e400,\"expiresAt\":\"2031-01-01T00:00:00Z\"}"},
                new String[] {"POST", "/api-keys", "{\"name\":\"k\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":10,\"expiresAt\":99999999999999999999}"},
                new String[] {"POST", "/api-keys", "{\"name\":\"k\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":10,\"expiresAt\":-1e300}"},
                new String[] {"POST", "/api-keys", "{\"name\":\"k\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":10,\"expiresAt\":\"2031-02-30T00:00:00Z\"}"},
                new String[] {"POST", "/api-keys", "{\"name\":\"k\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":10,\"expiresAt\":\"2031-01-01T00:00:00Z\",\"ipAllowList\":[null]}"},
                new String[] {"POST", "/api-keys", "{\"name\":\"k\",\"scope\":\"READ_ONLY\",\"requestsPerMinute\":10,\"expiresAt\":\"2031-01-01T00:00:00Z\",\"ipAllowList\":[\"" + "1".repeat(5000) + "\"]}"},
                new String[] {"POST", "/api-keys", "[" .repeat(5000)},
                new String[] {"PATCH", keyPath, "{\"expiresAt\":\"-999999999-01-01T00:00:00Z\"}"},
                new String[] {"PATCH", keyPath, "{\"ipAllowList\":{\"a\":1}}"},
                new String[] {"POST", keyPath + "/regenerate", "{\"graceSeconds\":99999999999999999999999}"},
                new String[] {"POST", keyPath + "/regenerate", "{\"graceSeconds\":-9223372036854775808}"},
                new String[] {"GET", "/api-keys?userId=abc", null},
                new String[] {"GET", "/api-keys?userId=0", null},
                new String[] {"GET", "/api-keys?limit=99999999999999", null},
                new String[] {"GET", "/api-keys?cursor=" + java.util.Base64.getUrlEncoder().encodeToString("o99999999999".getBytes()), null},
                new String[] {"DELETE", "/api-keys/9223372036854775808", null});
        for (String[] c : cases) {
            IdentityTestServer.Call call = server.request(c[0], c[1]).bearer(c[1].startsWith("/users") ? adminToken : traderToken);
            if (c[2] != null) call.body(c[2]);
            HttpResponse<String> response = call.send();
            String what = c[0] + " " + c[1] + " " + (c[2] == null ? "" : c[2].substring(0, Math.min(80, c[2].length())));
            assertThat(response.statusCode()).as(what + " -> " + response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        }
    }

    @Test
    void an_oversized_body_is_refused_with_413() {
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        for (String path : List.of("/api-keys", "/api-keys/" + traderKeyId + "/regenerate", "/auth/logout")) {
            HttpResponse<String> response = server.request("POST", path).bearer(traderToken).body(huge).send();
            assertThat(response.statusCode()).as(path).isEqualTo(413);
        }
    }

    @Test
    void no_password_key_or_token_is_stored_in_clear() throws SQLException {
        UserAccount user = server.createUser("secretive", UserRole.TRADER);
        JsonNode tokens = server.login(user.username());
        JsonNode refreshed = json(server.request("POST", "/auth/refresh").json(Map.of("refreshToken", tokens.get("refreshToken").asText())).send());
        JsonNode key = server.createKey(refreshed.get("accessToken").asText(), "READ_WRITE", Map.of());
        JsonNode regenerated = json(server.request("POST", "/api-keys/" + key.get("id").asLong() + "/regenerate")
                .bearer(refreshed.get("accessToken").asText()).json(Map.of("graceSeconds", 600)).send());
        List<String> secrets = List.of(PASSWORD, tokens.get("accessToken").asText(), tokens.get("refreshToken").asText(),
                refreshed.get("refreshToken").asText(), key.get("key").asText(), regenerated.get("key").asText(),
                // the secret parts alone, without the visible prefix
                key.get("key").asText().substring(13), regenerated.get("key").asText().substring(13),
                tokens.get("refreshToken").asText().substring(4));

        StringBuilder stored = new StringBuilder();
        try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("users", "api_keys", "refresh_tokens", "request_log")) {
                try (ResultSet rows = statement.executeQuery("select * from " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) stored.append(rows.getString(i)).append('\n');
                    }
                }
            }
        }

        assertThat(stored).contains(key.get("prefix").asText()).contains("$argon2id$");
        for (String secret : secrets) {
            assertThat(stored.toString()).doesNotContain(secret);
        }
    }
}
