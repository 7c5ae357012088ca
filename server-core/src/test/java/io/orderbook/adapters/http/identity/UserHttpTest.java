package io.orderbook.adapters.http.identity;

import static io.orderbook.adapters.http.identity.IdentityAssertions.assertProblem;
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
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserHttpTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static IdentityTestServer server;
    static UserAccount admin;
    static String adminToken;

    @BeforeAll
    static void start() {
        server = new IdentityTestServer(db.database(), redis.client(), TestClock.atSystemTime(), settings -> settings);
        admin = server.createUser("root", UserRole.ADMIN);
        adminToken = server.accessToken(admin.username());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> asAdmin(String method, String path, Object body) {
        IdentityTestServer.Call call = server.request(method, path).bearer(adminToken);
        return (body == null ? call : call.json(body)).send();
    }

    private static Map<String, Object> newUser(String username) {
        return Map.of("username", username, "password", PASSWORD, "role", "TRADER");
    }

    @Test
    void an_admin_creates_a_user_who_can_log_in() {
        String username = server.uniqueName("Trader.One");

        HttpResponse<String> response = asAdmin("POST", "/users", newUser(username));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode user = json(response);
        assertThat(user.get("username").asText()).isEqualTo(username);
        assertThat(user.get("role").asText()).isEqualTo("TRADER");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/users/" + user.get("id").asLong());
        assertThat(server.login(username).has("accessToken")).isTrue();
    }

    @Test
    void a_taken_username_in_any_case_is_a_conflict() {
        String username = server.uniqueName("taken");
        asAdmin("POST", "/users", newUser(username));

        assertProblem(asAdmin("POST", "/users", newUser(username.toUpperCase())), 409, "CONFLICT");
    }

    @Test
    void creation_reports_every_invalid_field_at_once() {
        JsonNode problem = assertProblem(asAdmin("POST", "/users", Map.of("username", "a b", "password", "short")), 400, "VALIDATION_FAILED");

        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("username", "password", "role");
        assertThat(problem.toString()).doesNotContain("short");
    }

    @Test
    void creation_refuses_bad_usernames_passwords_and_roles() {
        assertProblem(asAdmin("POST", "/users", Map.of("username", "ab", "password", PASSWORD, "role", "TRADER")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("POST", "/users", Map.of("username", "x".repeat(65), "password", PASSWORD, "role", "TRADER")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("POST", "/users", Map.of("username", "name", "password", " ".repeat(20), "role", "TRADER")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("POST", "/users", Map.of("username", "name", "password", "p".repeat(1025), "role", "TRADER")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("POST", "/users", Map.of("username", "name", "password", PASSWORD, "role", "ROOT")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("POST", "/users", Map.of("username", "name", "password", PASSWORD, "role", "TRADER", "admin", true)), 400, "VALIDATION_FAILED");
    }

    @Test
    void get_returns_the_user_and_404_for_an_unknown_id_and_400_for_a_bad_one() {
        UserAccount user = server.createUser("getme", UserRole.TRADER);

        JsonNode found = json(asAdmin("GET", "/users/" + user.id(), null));

        assertThat(found.get("id").asLong()).isEqualTo(user.id());
        assertThat(found.get("username").asText()).isEqualTo(user.username());
        assertProblem(asAdmin("GET", "/users/987654321", null), 404, "NOT_FOUND");
        assertProblem(asAdmin("GET", "/users/abc", null), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("GET", "/users/0", null), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("GET", "/users/-3", null), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("GET", "/users/99999999999999999999999", null), 400, "VALIDATION_FAILED");
    }

    @Test
    void the_list_is_paged_with_an_opaque_cursor_until_the_last_page() {
        for (int i = 0; i < 5; i++) server.createUser("paged", UserRole.TRADER);
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(asAdmin("GET", "/users?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null));
            page.get("items").forEach(user -> ids.add(user.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(ids).hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates().isSorted();
        JsonNode all = json(asAdmin("GET", "/users?limit=500", null));
        assertThat(all.get("items")).hasSize(ids.size());
        assertThat(all.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void bad_paging_parameters_are_refused() {
        for (String query : List.of("limit=0", "limit=501", "limit=abc", "limit=-1", "cursor=%25%25%25", "cursor=bm9wZQ", "cursor=" + "A".repeat(300))) {
            assertProblem(asAdmin("GET", "/users?" + query, null), 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void patch_changes_role_enabled_and_password() {
        UserAccount user = server.createUser("patchme", UserRole.TRADER);

        JsonNode promoted = json(asAdmin("PATCH", "/users/" + user.id(), Map.of("role", "ADMIN")));
        JsonNode disabled = json(asAdmin("PATCH", "/users/" + user.id(), Map.of("enabled", false)));
        HttpResponse<String> login = server.request("POST", "/auth/login").json(Map.of("username", user.username(), "password", PASSWORD)).send();
        JsonNode enabled = json(asAdmin("PATCH", "/users/" + user.id(), Map.of("enabled", true, "password", "another long password")));

        assertThat(promoted.get("role").asText()).isEqualTo("ADMIN");
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertProblem(login, 401, "UNAUTHENTICATED");
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(server.request("POST", "/auth/login").json(Map.of("username", user.username(), "password", "another long password")).send().statusCode())
                .isEqualTo(200);
    }

    @Test
    void patch_refuses_empty_and_invalid_changes_and_unknown_users() {
        UserAccount user = server.createUser("patchbad", UserRole.TRADER);

        assertProblem(asAdmin("PATCH", "/users/" + user.id(), Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("PATCH", "/users/" + user.id(), Map.of("password", "short")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("PATCH", "/users/" + user.id(), Map.of("enabled", "no")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("PATCH", "/users/" + user.id(), Map.of("username", "rename")), 400, "VALIDATION_FAILED");
        assertProblem(asAdmin("PATCH", "/users/987654321", Map.of("enabled", false)), 404, "NOT_FOUND");
    }

    @Test
    void an_admin_cannot_disable_demote_or_delete_themselves() {
        assertProblem(asAdmin("PATCH", "/users/" + admin.id(), Map.of("enabled", false)), 409, "CONFLICT");
        assertProblem(asAdmin("PATCH", "/users/" + admin.id(), Map.of("role", "TRADER")), 409, "CONFLICT");
        assertProblem(asAdmin("DELETE", "/users/" + admin.id(), null), 409, "CONFLICT");
        assertThat(asAdmin("GET", "/auth/me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void delete_removes_the_user_and_their_keys() {
        UserAccount user = server.createUser("deleteme", UserRole.TRADER);
        String key = server.createKey(server.accessToken(user.username()), "READ_WRITE", Map.of()).get("key").asText();
        assertThat(server.request("GET", "/auth/me").apiKey(key).send().statusCode()).isEqualTo(200);

        assertThat(asAdmin("DELETE", "/users/" + user.id(), null).statusCode()).isEqualTo(204);

        assertProblem(asAdmin("GET", "/users/" + user.id(), null), 404, "NOT_FOUND");
        assertProblem(server.request("GET", "/auth/me").apiKey(key).send(), 401, "UNAUTHENTICATED");
        assertProblem(asAdmin("DELETE", "/users/" + user.id(), null), 404, "NOT_FOUND");
    }

    @Test
    void traders_and_read_only_keys_get_403_on_user_administration() {
        UserAccount trader = server.createUser("plain", UserRole.TRADER);
        String traderToken = server.accessToken(trader.username());
        String adminReadOnlyKey = server.createKey(adminToken, "READ_ONLY", Map.of()).get("key").asText();
        Map<String, Object> body = new HashMap<>(newUser(server.uniqueName("sneaky")));

        assertProblem(server.request("GET", "/users").bearer(traderToken).send(), 403, "FORBIDDEN");
        assertProblem(server.request("POST", "/users").bearer(traderToken).json(body).send(), 403, "FORBIDDEN");
        assertProblem(server.request("PATCH", "/users/" + trader.id()).bearer(traderToken).json(Map.of("role", "ADMIN")).send(), 403, "FORBIDDEN");
        assertProblem(server.request("DELETE", "/users/" + admin.id()).bearer(traderToken).send(), 403, "FORBIDDEN");
        assertThat(server.request("GET", "/users").apiKey(adminReadOnlyKey).send().statusCode()).isEqualTo(200);
        assertProblem(server.request("POST", "/users").apiKey(adminReadOnlyKey).json(body).send(), 403, "FORBIDDEN");
        assertProblem(server.request("GET", "/users").send(), 401, "UNAUTHENTICATED");
    }
}
