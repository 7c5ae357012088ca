package io.orderbook.adapters.http.identity;

import static io.orderbook.adapters.http.identity.IdentityAssertions.assertProblem;
import static io.orderbook.adapters.http.identity.IdentityTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.application.users.UserChanges;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiKeyHttpTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    static final Actor SYSTEM_ADMIN = new Actor(0, UserRole.ADMIN);
    static IdentityTestServer server;

    @BeforeAll
    static void start() {
        server = new IdentityTestServer(db.database(), redis.client(), clock, settings -> settings);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A trader and a bearer token of theirs. */
    private record Owner(UserAccount user, String token) {
    }

    private static Owner trader(String name) {
        UserAccount user = server.createUser(name, UserRole.TRADER);
        return new Owner(user, server.accessToken(user.username()));
    }

    private static HttpResponse<String> withKey(String key, String method, String path) {
        return server.request(method, path).apiKey(key).send();
    }

    private static HttpResponse<String> me(String key) {
        return withKey(key, "GET", "/auth/me");
    }

    @Test
    void a_created_key_is_shown_once_and_then_only_by_its_prefix() {
        Owner owner = trader("maker");
        Instant expiresAt = clock.instant().plus(Duration.ofDays(7));

        HttpResponse<String> response = server.request("POST", "/api-keys").bearer(owner.token()).json(Map.of(
                "name", "  trading bot ", "scope", "READ_WRITE", "requestsPerMinute", 1200,
                "expiresAt", expiresAt.toString(), "ipAllowList", List.of("127.0.0.0/8", "::1"))).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        String key = created.get("key").asText();
        assertThat(key).matches("obw_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}").startsWith("obw_" + created.get("prefix").asText() + "_");
        assertThat(created.get("name").asText()).isEqualTo("trading bot");
        assertThat(created.get("scope").asText()).isEqualTo("READ_WRITE");
        assertThat(created.get("requestsPerMinute").asInt()).isEqualTo(1200);
        assertThat(Instant.parse(created.get("expiresAt").asText())).isEqualTo(expiresAt);
        assertThat(created.get("ipAllowList")).hasSize(2);
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("userId").asLong()).isEqualTo(owner.user().id());
        assertThat(created.get("lastUsedAt").isNull()).isTrue();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/api-keys/" + created.get("id").asLong());

        String shown = server.request("GET", "/api-keys/" + created.get("id").asLong()).bearer(owner.token()).send().body();
        String listed = server.request("GET", "/api-keys").bearer(owner.token()).send().body();
        assertThat(shown).doesNotContain(key.substring(13)).doesNotContain("\"key\"");
        assertThat(listed).doesNotContain(key.substring(13)).contains(created.get("prefix").asText());
        assertThat(me(key).statusCode()).isEqualTo(200);
    }

    @Test
    void creation_reports_every_invalid_field() {
        Owner owner = trader("invalid");
        JsonNode problem = assertProblem(server.request("POST", "/api-keys").bearer(owner.token()).json(Map.of(
                "name", " ", "requestsPerMinute", 0, "expiresAt", clock.instant().minusSeconds(1).toString(),
                "ipAllowList", List.of("10.0.0.1", "example.com"))).send(), 400, "VALIDATION_FAILED");

        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "scope", "requestsPerMinute", "expiresAt", "ipAllowList[1]");
    }

    @Test
    void creation_refuses_absurd_values() {
        Owner owner = trader("absurd");
        String future = clock.instant().plus(Duration.ofDays(1)).toString();
        List<Map<String, Object>> bodies = List.of(
                Map.of("name", "k", "scope", "READ_WRITE", "requestsPerMinute", 100_001, "expiresAt", future),
                Map.of("name", "k", "scope", "READ_WRITE", "requestsPerMinute", -5, "expiresAt", future),
                Map.of("name", "k", "scope", "READ_WRITE", "requestsPerMinute", 10, "expiresAt", clock.instant().plus(Duration.ofDays(731)).toString()),
                Map.of("name", "k", "scope", "READ_WRITE", "requestsPerMinute", 10, "expiresAt", "+999999999-12-31T23:59:59Z"),
                Map.of("name", "k".repeat(101), "scope", "READ_WRITE", "requestsPerMinute", 10, "expiresAt", future),
                Map.of("name", "tab\there", "scope", "READ_WRITE", "requestsPerMinute", 10, "expiresAt", future),
                Map.of("name", "k", "scope", "ADMIN", "requestsPerMinute", 10, "expiresAt", future),
                Map.of("name", "k", "scope", "READ_WRITE", "requestsPerMinute", 10, "expiresAt", future, "ipAllowList", List.of("10.0.0.5/24")),
                Map.of("name", "k", "scope", "READ_WRITE", "requestsPerMinute", 10));
        for (Map<String, Object> body : bodies) {
            assertProblem(server.request("POST", "/api-keys").bearer(owner.token()).json(body).send(), 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void a_user_cannot_see_or_change_another_users_keys_and_gets_404_not_403() {
        Owner alice = trader("alice");
        Owner mallory = trader("mallory");
        long aliceKey = server.createKey(alice.token(), "READ_WRITE", Map.of()).get("id").asLong();
        String base = "/api-keys/" + aliceKey;

        assertProblem(server.request("GET", base).bearer(mallory.token()).send(), 404, "NOT_FOUND");
        assertProblem(server.request("PATCH", base).bearer(mallory.token()).json(Map.of("name", "mine now")).send(), 404, "NOT_FOUND");
        assertProblem(server.request("POST", base + "/revoke").bearer(mallory.token()).send(), 404, "NOT_FOUND");
        assertProblem(server.request("POST", base + "/regenerate").bearer(mallory.token()).send(), 404, "NOT_FOUND");
        assertProblem(server.request("DELETE", base).bearer(mallory.token()).send(), 404, "NOT_FOUND");
        assertThat(json(server.request("GET", "/api-keys").bearer(mallory.token()).send()).get("items")).isEmpty();
        assertProblem(server.request("GET", "/api-keys?userId=" + alice.user().id()).bearer(mallory.token()).send(), 403, "FORBIDDEN");

        JsonNode stillThere = json(server.request("GET", base).bearer(alice.token()).send());
        assertThat(stillThere.get("name").asText()).isEqualTo("test key");
        assertThat(stillThere.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void an_admin_sees_and_manages_every_key_and_can_filter_by_owner() {
        Owner owner = trader("owned");
        UserAccount admin = server.createUser("keyadmin", UserRole.ADMIN);
        String adminToken = server.accessToken(admin.username());
        long keyId = server.createKey(owner.token(), "READ_ONLY", Map.of()).get("id").asLong();

        JsonNode filtered = json(server.request("GET", "/api-keys?userId=" + owner.user().id()).bearer(adminToken).send());
        JsonNode all = json(server.request("GET", "/api-keys?limit=500").bearer(adminToken).send());
        JsonNode own = json(server.request("GET", "/api-keys?userId=" + owner.user().id()).bearer(owner.token()).send());

        assertThat(filtered.get("items")).singleElement().satisfies(k -> assertThat(k.get("id").asLong()).isEqualTo(keyId));
        assertThat(all.get("items").findValuesAsText("userId")).contains(Long.toString(owner.user().id()));
        assertThat(own.get("items")).hasSize(1);
        assertThat(server.request("POST", "/api-keys/" + keyId + "/revoke").bearer(adminToken).send().statusCode()).isEqualTo(200);
        assertThat(server.request("DELETE", "/api-keys/" + keyId).bearer(adminToken).send().statusCode()).isEqualTo(204);
    }

    @Test
    void a_read_only_key_reads_but_cannot_write_and_a_read_write_key_can() {
        Owner owner = trader("scoped");
        JsonNode readOnly = server.createKey(owner.token(), "READ_ONLY", Map.of());
        String readWrite = server.createKey(owner.token(), "READ_WRITE", Map.of()).get("key").asText();
        String ro = readOnly.get("key").asText();
        long id = readOnly.get("id").asLong();

        assertThat(withKey(ro, "GET", "/api-keys").statusCode()).isEqualTo(200);
        assertThat(withKey(ro, "GET", "/api-keys/" + id).statusCode()).isEqualTo(200);
        assertThat(me(ro).statusCode()).isEqualTo(200);
        assertProblem(server.request("POST", "/api-keys").apiKey(ro).json(Map.of("name", "x")).send(), 403, "FORBIDDEN");
        assertProblem(server.request("PATCH", "/api-keys/" + id).apiKey(ro).json(Map.of("name", "x")).send(), 403, "FORBIDDEN");
        assertProblem(withKey(ro, "POST", "/api-keys/" + id + "/regenerate"), 403, "FORBIDDEN");
        assertProblem(withKey(ro, "DELETE", "/api-keys/" + id), 403, "FORBIDDEN");
        assertProblem(server.request("POST", "/auth/logout").apiKey(ro).json(Map.of("allSessions", true)).send(), 403, "FORBIDDEN");

        // A read-write key may take access away, but never create, widen or renew keys: that needs a session.
        assertProblem(server.request("POST", "/api-keys").apiKey(readWrite).json(Map.of("name", "x")).send(), 403, "FORBIDDEN");
        assertProblem(server.request("PATCH", "/api-keys/" + id).apiKey(readWrite).json(Map.of("name", "x")).send(), 403, "FORBIDDEN");
        assertProblem(withKey(readWrite, "POST", "/api-keys/" + id + "/regenerate"), 403, "FORBIDDEN");
        assertThat(withKey(readWrite, "POST", "/api-keys/" + id + "/revoke").statusCode()).isEqualTo(200);
        assertThat(withKey(readWrite, "DELETE", "/api-keys/" + id).statusCode()).isEqualTo(204);

        HttpResponse<String> patched = server.request("PATCH", "/api-keys/" + readOnlyOf(owner)).bearer(owner.token())
                .json(Map.of("name", "renamed")).send();
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).get("scope").asText()).isEqualTo("READ_ONLY");
    }

    private long readOnlyOf(Owner owner) {
        return server.createKey(owner.token(), "READ_ONLY", Map.of()).get("id").asLong();
    }

    @Test
    void a_key_acts_with_its_owners_current_role() {
        Owner owner = trader("promoted");
        String key = server.createKey(owner.token(), "READ_ONLY", Map.of()).get("key").asText();
        assertProblem(withKey(key, "GET", "/users"), 403, "FORBIDDEN");

        server.module().users().patch(SYSTEM_ADMIN, owner.user().id(), new UserChanges(UserRole.ADMIN, null, null));

        assertThat(withKey(key, "GET", "/users").statusCode()).isEqualTo(200);
    }

    @Test
    void an_expired_key_is_refused_with_its_own_code_and_listed_as_expired() {
        Owner owner = trader("expiring");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString()));
        String text = key.get("key").asText();
        assertThat(me(text).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(1));
        try {
            assertProblem(me(text), 401, "API_KEY_EXPIRED");
            assertProblem(withKey(text, "GET", "/api-keys"), 401, "API_KEY_EXPIRED");
        } finally {
            clock.advance(Duration.ofHours(-1));
        }
        clock.advance(Duration.ofHours(2));
        try {
            String token = server.accessToken(owner.user().username());
            assertThat(json(server.request("GET", "/api-keys/" + key.get("id").asLong()).bearer(token).send()).get("status").asText())
                    .isEqualTo("EXPIRED");
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void a_revoked_key_is_refused_at_once_and_cannot_be_changed_or_regenerated() {
        Owner owner = trader("revoker");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of());
        String text = key.get("key").asText();
        String path = "/api-keys/" + key.get("id").asLong();
        assertThat(me(text).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = server.request("POST", path + "/revoke").bearer(owner.token()).send();

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).get("status").asText()).isEqualTo("REVOKED");
        assertThat(json(revoked).get("revokedAt").isNull()).isFalse();
        assertProblem(me(text), 401, "API_KEY_REVOKED");
        assertThat(server.request("POST", path + "/revoke").bearer(owner.token()).send().statusCode()).isEqualTo(200);
        assertProblem(server.request("PATCH", path).bearer(owner.token()).json(Map.of("name", "again")).send(), 409, "CONFLICT");
        assertProblem(server.request("POST", path + "/regenerate").bearer(owner.token()).send(), 409, "CONFLICT");
    }

    @Test
    void a_key_may_revoke_itself_and_is_refused_from_the_next_request_on() {
        Owner owner = trader("selfrevoke");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of());
        String text = key.get("key").asText();

        assertThat(withKey(text, "POST", "/api-keys/" + key.get("id").asLong() + "/revoke").statusCode()).isEqualTo(200);

        assertProblem(me(text), 401, "API_KEY_REVOKED");
    }

    @Test
    void regenerating_without_grace_replaces_the_secret_at_once_and_keeps_the_prefix_and_settings() {
        Owner owner = trader("regen");
        JsonNode key = server.createKey(owner.token(), "READ_ONLY", Map.of("requestsPerMinute", 77));
        String old = key.get("key").asText();

        HttpResponse<String> response = server.request("POST", "/api-keys/" + key.get("id").asLong() + "/regenerate").bearer(owner.token()).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode regenerated = json(response);
        String fresh = regenerated.get("key").asText();
        assertThat(fresh).isNotEqualTo(old).startsWith("obw_" + key.get("prefix").asText() + "_");
        assertThat(regenerated.get("id").asLong()).isEqualTo(key.get("id").asLong());
        assertThat(regenerated.get("requestsPerMinute").asInt()).isEqualTo(77);
        assertThat(regenerated.get("scope").asText()).isEqualTo("READ_ONLY");
        assertThat(regenerated.get("previousSecretValidUntil").isNull()).isTrue();
        assertProblem(me(old), 401, "UNAUTHENTICATED");
        assertThat(me(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void the_old_secret_works_during_the_grace_period_and_not_after() {
        Owner owner = trader("grace");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of());
        String old = key.get("key").asText();

        JsonNode regenerated = json(server.request("POST", "/api-keys/" + key.get("id").asLong() + "/regenerate")
                .bearer(owner.token()).json(Map.of("graceSeconds", 60)).send());
        String fresh = regenerated.get("key").asText();

        assertThat(Instant.parse(regenerated.get("previousSecretValidUntil").asText())).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(me(old).statusCode()).isEqualTo(200);
        assertThat(me(fresh).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(59));
        try {
            assertThat(me(old).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            assertProblem(me(old), 401, "UNAUTHENTICATED");
            assertThat(me(fresh).statusCode()).isEqualTo(200);
        } finally {
            clock.advance(Duration.ofSeconds(-60));
        }
    }

    @Test
    void an_expired_key_can_be_regenerated_with_a_new_expiry_but_its_old_secret_stays_dead() {
        Owner owner = trader("revive");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString()));
        String old = key.get("key").asText();
        String path = "/api-keys/" + key.get("id").asLong() + "/regenerate";
        clock.advance(Duration.ofHours(2));
        try {
            String token = server.accessToken(owner.user().username());
            assertProblem(server.request("POST", path).bearer(token).json(Map.of("graceSeconds", 3600)).send(), 400, "VALIDATION_FAILED");

            HttpResponse<String> response = server.request("POST", path).bearer(token)
                    .json(Map.of("graceSeconds", 3600, "expiresAt", clock.instant().plus(Duration.ofDays(10)).toString())).send();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("status").asText()).isEqualTo("ACTIVE");
            assertThat(me(json(response).get("key").asText()).statusCode()).isEqualTo(200);
            assertProblem(me(old), 401, "UNAUTHENTICATED");
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void regenerate_refuses_bad_grace_periods_and_expiries() {
        Owner owner = trader("badregen");
        String path = "/api-keys/" + server.createKey(owner.token(), "READ_WRITE", Map.of()).get("id").asLong() + "/regenerate";
        for (Object body : List.of(Map.of("graceSeconds", -1), Map.of("graceSeconds", 86_401), Map.of("graceSeconds", "60"),
                Map.of("graceSeconds", 1.5), Map.of("graceSeconds", Long.MAX_VALUE), Map.of("expiresAt", "yesterday"),
                Map.of("expiresAt", clock.instant().minusSeconds(5).toString()), Map.of("grace", 5))) {
            assertProblem(server.request("POST", path).bearer(owner.token()).json(body).send(), 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void a_disabled_users_keys_stop_at_once_and_work_again_when_enabled() {
        Owner owner = trader("suspended");
        String key = server.createKey(owner.token(), "READ_WRITE", Map.of()).get("key").asText();
        assertThat(me(key).statusCode()).isEqualTo(200);

        server.module().users().patch(SYSTEM_ADMIN, owner.user().id(), new UserChanges(null, false, null));
        assertProblem(me(key), 401, "UNAUTHENTICATED");

        server.module().users().patch(SYSTEM_ADMIN, owner.user().id(), new UserChanges(null, true, null));
        assertThat(me(key).statusCode()).isEqualTo(200);
    }

    @Test
    void the_ip_allow_list_holds_and_a_change_applies_at_once() {
        Owner owner = trader("fenced");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of("ipAllowList", List.of("127.0.0.2", "127.0.0.8/30")));
        String text = key.get("key").asText();

        assertThat(server.request("GET", "/auth/me").apiKey(text).from("127.0.0.2").send().statusCode()).isEqualTo(200);
        assertThat(server.request("GET", "/auth/me").apiKey(text).from("127.0.0.10").send().statusCode()).isEqualTo(200);
        assertProblem(server.request("GET", "/auth/me").apiKey(text).from("127.0.0.1").send(), 403, "FORBIDDEN");
        assertProblem(server.request("GET", "/auth/me").apiKey(text).from("127.0.0.12").send(), 403, "FORBIDDEN");

        HttpResponse<String> patched = server.request("PATCH", "/api-keys/" + key.get("id").asLong()).bearer(owner.token())
                .json(Map.of("ipAllowList", List.of())).send();
        assertThat(json(patched).get("ipAllowList")).isEmpty();
        assertThat(server.request("GET", "/auth/me").apiKey(text).from("127.0.0.1").send().statusCode()).isEqualTo(200);
    }

    @Test
    void patch_changes_name_limit_expiry_and_refuses_bad_values() {
        Owner owner = trader("patcher");
        long id = server.createKey(owner.token(), "READ_WRITE", Map.of()).get("id").asLong();
        Instant newExpiry = clock.instant().plus(Duration.ofDays(90));

        JsonNode patched = json(server.request("PATCH", "/api-keys/" + id).bearer(owner.token())
                .json(Map.of("name", "renamed", "requestsPerMinute", 5, "expiresAt", newExpiry.toString())).send());

        assertThat(patched.get("name").asText()).isEqualTo("renamed");
        assertThat(patched.get("requestsPerMinute").asInt()).isEqualTo(5);
        assertThat(Instant.parse(patched.get("expiresAt").asText())).isEqualTo(newExpiry);
        for (Object body : List.of(Map.of(), Map.of("scope", "READ_ONLY"), Map.of("requestsPerMinute", 0), Map.of("name", ""),
                Map.of("expiresAt", clock.instant().toString()), Map.of("ipAllowList", List.of("nope")), Map.of("ipAllowList", "10.0.0.1"))) {
            assertProblem(server.request("PATCH", "/api-keys/" + id).bearer(owner.token()).json(body).send(), 400, "VALIDATION_FAILED");
        }
        assertProblem(server.request("PATCH", "/api-keys/987654321").bearer(owner.token()).json(Map.of("name", "x")).send(), 404, "NOT_FOUND");
    }

    @Test
    void a_deleted_key_stops_working_and_is_gone() {
        Owner owner = trader("deleter");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of());
        String path = "/api-keys/" + key.get("id").asLong();
        assertThat(me(key.get("key").asText()).statusCode()).isEqualTo(200);

        assertThat(server.request("DELETE", path).bearer(owner.token()).send().statusCode()).isEqualTo(204);

        assertProblem(me(key.get("key").asText()), 401, "UNAUTHENTICATED");
        assertProblem(server.request("GET", path).bearer(owner.token()).send(), 404, "NOT_FOUND");
        assertProblem(server.request("DELETE", path).bearer(owner.token()).send(), 404, "NOT_FOUND");
    }

    @Test
    void last_use_is_recorded_without_a_write_per_request_and_shown() throws InterruptedException {
        Owner owner = trader("used");
        JsonNode key = server.createKey(owner.token(), "READ_WRITE", Map.of());
        String path = "/api-keys/" + key.get("id").asLong();
        Instant usedAt = clock.instant();

        assertThat(me(key.get("key").asText()).statusCode()).isEqualTo(200);

        JsonNode shown = null;
        for (int i = 0; i < 100; i++) {
            shown = json(server.request("GET", path).bearer(owner.token()).send());
            if (!shown.get("lastUsedAt").isNull()) break;
            Thread.sleep(20);
        }
        assertThat(Instant.parse(shown.get("lastUsedAt").asText())).isEqualTo(usedAt);
    }

    @Test
    void malformed_unknown_and_wrong_secret_keys_are_refused_alike() {
        Owner owner = trader("guessed");
        String key = server.createKey(owner.token(), "READ_WRITE", Map.of()).get("key").asText();
        String wrongSecret = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
        String unknownPrefix = "obw_ZZZZZZZZ" + key.substring(12);

        for (String presented : List.of("garbage", "obw_short", wrongSecret, unknownPrefix)) {
            JsonNode problem = assertProblem(me(presented), 401, "UNAUTHENTICATED");
            assertThat(problem.get("detail").asText()).isEqualTo("The API key is not valid.");
        }
    }

    @Test
    void a_user_may_hold_only_so_many_keys() {
        Owner owner = trader("hoarder");
        for (int i = 0; i < 100; i++) server.createKey(owner.token(), "READ_ONLY", Map.of());

        HttpResponse<String> oneTooMany = server.request("POST", "/api-keys").bearer(owner.token()).json(Map.of(
                "name", "k", "scope", "READ_ONLY", "requestsPerMinute", 1, "expiresAt", clock.instant().plusSeconds(60).toString())).send();

        assertProblem(oneTooMany, 409, "CONFLICT");
    }
}
