package io.orderbook.adapters.http.identity;

import static io.orderbook.adapters.http.identity.IdentityAssertions.assertProblem;
import static io.orderbook.adapters.http.identity.IdentityTestServer.PASSWORD;
import static io.orderbook.adapters.http.identity.IdentityTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.security.AccessTokens;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.application.users.UserChanges;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthHttpTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    static IdentityTestServer server;
    /** Each test that fails logins does so from loopback addresses of its own, so address counters do not add up across tests. */
    static final AtomicInteger addresses = new AtomicInteger(20);
    static final Actor ADMIN = new Actor(0, UserRole.ADMIN);

    @BeforeAll
    static void start() {
        server = new IdentityTestServer(db.database(), redis.client(), clock, settings -> settings);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String freshAddress() {
        return "127.0.0." + addresses.incrementAndGet();
    }

    private static HttpResponse<String> login(String username, String password, String from) {
        return server.request("POST", "/auth/login").json(Map.of("username", username, "password", password)).from(from).send();
    }

    private static HttpResponse<String> me(String bearer) {
        return server.request("GET", "/auth/me").bearer(bearer).send();
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return server.request("POST", "/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
    }

    @Test
    void login_returns_a_short_lived_bearer_token_and_a_refresh_token_that_me_accepts() {
        UserAccount alice = server.createUser("alice", UserRole.TRADER);

        HttpResponse<String> response = login(alice.username(), PASSWORD, "127.0.0.1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = json(response);
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(Instant.parse(tokens.get("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(tokens.get("refreshToken").asText()).startsWith("obr_");
        assertThat(Instant.parse(tokens.get("refreshTokenExpiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofDays(30)));

        JsonNode me = json(me(tokens.get("accessToken").asText()));
        assertThat(me.at("/user/id").asLong()).isEqualTo(alice.id());
        assertThat(me.at("/user/username").asText()).isEqualTo(alice.username());
        assertThat(me.at("/user/role").asText()).isEqualTo("TRADER");
        assertThat(me.get("authenticatedWith").asText()).isEqualTo("BEARER_TOKEN");
        assertThat(me.get("apiKey").isNull()).isTrue();
    }

    @Test
    void usernames_are_matched_ignoring_case() {
        UserAccount bob = server.createUser("Bob", UserRole.TRADER);

        assertThat(login(bob.username().toUpperCase(), PASSWORD, "127.0.0.1").statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_an_unknown_user_and_a_disabled_user_get_the_same_401() {
        String from = freshAddress();
        UserAccount carol = server.createUser("carol", UserRole.TRADER);
        UserAccount dave = server.createUser("dave", UserRole.TRADER);
        server.module().users().patch(ADMIN, dave.id(), new UserChanges(null, false, null));

        HttpResponse<String> wrongPassword = login(carol.username(), "not the password at all", from);
        HttpResponse<String> unknownUser = login("nobody-" + carol.username(), PASSWORD, from);
        HttpResponse<String> disabled = login(dave.username(), PASSWORD, from);

        for (HttpResponse<String> response : java.util.List.of(wrongPassword, unknownUser, disabled)) {
            assertProblem(response, 401, "UNAUTHENTICATED");
            assertThat(json(response).get("detail").asText()).isEqualTo("Invalid username or password.");
        }
    }

    @Test
    void login_input_is_validated_before_anything_else() {
        assertProblem(server.request("POST", "/auth/login").json(Map.of("username", "x")).send(), 400, "VALIDATION_FAILED");
        assertProblem(login("u".repeat(65), PASSWORD, "127.0.0.1"), 400, "VALIDATION_FAILED");
        HttpResponse<String> hugePassword = login("someone", "p".repeat(1025), "127.0.0.1");
        assertProblem(hugePassword, 400, "VALIDATION_FAILED");
        assertThat(json(hugePassword).at("/errors/0/field").asText()).isEqualTo("password");
        assertProblem(server.request("POST", "/auth/login").json(Map.of("username", 5, "password", PASSWORD)).send(), 400, "VALIDATION_FAILED");
    }

    @Test
    void failed_logins_are_throttled_per_username_from_any_address_even_with_the_right_password() {
        UserAccount erin = server.createUser("erin", UserRole.TRADER);
        UserAccount frank = server.createUser("frank", UserRole.TRADER);
        for (int i = 0; i < 5; i++) {
            assertProblem(login(erin.username(), "wrong password " + i, freshAddress()), 401, "UNAUTHENTICATED");
        }

        String elsewhere = freshAddress();
        HttpResponse<String> throttled = login(erin.username().toUpperCase(), PASSWORD, elsewhere);

        assertProblem(throttled, 429, "LOGIN_THROTTLED");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(login(frank.username(), PASSWORD, elsewhere).statusCode()).isEqualTo(200);
    }

    @Test
    void failed_logins_are_throttled_per_address_whichever_usernames_they_try() {
        String attacker = freshAddress();
        UserAccount grace = server.createUser("grace", UserRole.TRADER);
        for (int i = 0; i < 20; i++) {
            assertProblem(login("guess-" + i, "wrong password", attacker), 401, "UNAUTHENTICATED");
        }

        assertProblem(login(grace.username(), PASSWORD, attacker), 429, "LOGIN_THROTTLED");
        assertThat(login(grace.username(), PASSWORD, freshAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_successful_login_clears_the_usernames_failures() {
        UserAccount heidi = server.createUser("heidi", UserRole.TRADER);
        String from = freshAddress();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) login(heidi.username(), "wrong password", from);
            assertThat(login(heidi.username(), PASSWORD, from).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refresh_rotates_the_token_and_the_new_tokens_work() {
        UserAccount ivan = server.createUser("ivan", UserRole.TRADER);
        JsonNode first = server.login(ivan.username());

        HttpResponse<String> response = refresh(first.get("refreshToken").asText());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode second = json(response);
        assertThat(second.get("refreshToken").asText()).isNotEqualTo(first.get("refreshToken").asText());
        assertThat(me(second.get("accessToken").asText()).statusCode()).isEqualTo(200);
        assertThat(refresh(second.get("refreshToken").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void presenting_a_used_refresh_token_again_ends_every_session_of_the_user() {
        UserAccount judy = server.createUser("judy", UserRole.TRADER);
        JsonNode first = server.login(judy.username());
        JsonNode rotated = json(refresh(first.get("refreshToken").asText()));
        JsonNode otherSession = server.login(judy.username());

        assertProblem(refresh(first.get("refreshToken").asText()), 401, "UNAUTHENTICATED");

        assertProblem(refresh(rotated.get("refreshToken").asText()), 401, "UNAUTHENTICATED");
        assertProblem(refresh(otherSession.get("refreshToken").asText()), 401, "UNAUTHENTICATED");
        assertProblem(me(rotated.get("accessToken").asText()), 401, "UNAUTHENTICATED");
        assertProblem(me(otherSession.get("accessToken").asText()), 401, "UNAUTHENTICATED");
        assertThat(login(judy.username(), PASSWORD, "127.0.0.1").statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_malformed_missing_and_expired_refresh_tokens_are_refused() {
        assertProblem(refresh("obr_" + "A".repeat(43)), 401, "UNAUTHENTICATED");
        assertProblem(refresh("not a token"), 401, "UNAUTHENTICATED");
        assertProblem(server.request("POST", "/auth/refresh").json(Map.of()).send(), 400, "VALIDATION_FAILED");
        assertProblem(refresh("x".repeat(201)), 400, "VALIDATION_FAILED");

        UserAccount ken = server.createUser("ken", UserRole.TRADER);
        String refreshToken = server.login(ken.username()).get("refreshToken").asText();
        clock.advance(Duration.ofDays(31));
        try {
            assertProblem(refresh(refreshToken), 401, "UNAUTHENTICATED");
        } finally {
            clock.advance(Duration.ofDays(-31));
        }
    }

    @Test
    void a_disabled_users_refresh_token_is_refused() {
        UserAccount leo = server.createUser("leo", UserRole.TRADER);
        String refreshToken = server.login(leo.username()).get("refreshToken").asText();

        server.module().users().patch(ADMIN, leo.id(), new UserChanges(null, false, null));

        assertProblem(refresh(refreshToken), 401, "UNAUTHENTICATED");
    }

    @Test
    void logout_revokes_the_presented_refresh_token_only_if_it_is_the_callers() {
        UserAccount mia = server.createUser("mia", UserRole.TRADER);
        UserAccount ned = server.createUser("ned", UserRole.TRADER);
        JsonNode session = server.login(mia.username());
        JsonNode nedSession = server.login(ned.username());
        String bearer = session.get("accessToken").asText();

        HttpResponse<String> othersToken = server.request("POST", "/auth/logout").bearer(bearer)
                .json(Map.of("refreshToken", nedSession.get("refreshToken").asText())).send();
        HttpResponse<String> own = server.request("POST", "/auth/logout").bearer(bearer)
                .json(Map.of("refreshToken", session.get("refreshToken").asText())).send();

        assertThat(othersToken.statusCode()).isEqualTo(204);
        assertThat(own.statusCode()).isEqualTo(204);
        assertThat(refresh(nedSession.get("refreshToken").asText()).statusCode()).isEqualTo(200);
        assertProblem(refresh(session.get("refreshToken").asText()), 401, "UNAUTHENTICATED");
    }

    @Test
    void logout_of_all_sessions_ends_every_access_and_refresh_token_at_once() {
        UserAccount olga = server.createUser("olga", UserRole.TRADER);
        JsonNode a = server.login(olga.username());
        JsonNode b = server.login(olga.username());

        HttpResponse<String> response = server.request("POST", "/auth/logout").bearer(a.get("accessToken").asText())
                .json(Map.of("allSessions", true)).send();

        assertThat(response.statusCode()).isEqualTo(204);
        for (JsonNode session : java.util.List.of(a, b)) {
            assertProblem(me(session.get("accessToken").asText()), 401, "UNAUTHENTICATED");
            assertProblem(refresh(session.get("refreshToken").asText()), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void logout_needs_credentials_and_something_to_do() {
        UserAccount pia = server.createUser("pia", UserRole.TRADER);
        String bearer = server.accessToken(pia.username());

        assertProblem(server.request("POST", "/auth/logout").json(Map.of("allSessions", true)).send(), 401, "UNAUTHENTICATED");
        assertProblem(server.request("POST", "/auth/logout").bearer(bearer).json(Map.of()).send(), 400, "VALIDATION_FAILED");
        assertProblem(server.request("POST", "/auth/logout").bearer(bearer).json(Map.of("refreshToken", "nope")).send(), 400, "VALIDATION_FAILED");
        assertProblem(server.request("POST", "/auth/logout").bearer(bearer).send(), 400, "MALFORMED_JSON");
    }

    @Test
    void me_with_an_api_key_names_the_key() {
        UserAccount quinn = server.createUser("quinn", UserRole.TRADER);
        JsonNode key = server.createKey(server.accessToken(quinn.username()), "READ_ONLY", Map.of());

        JsonNode me = json(server.request("GET", "/auth/me").apiKey(key.get("key").asText()).send());

        assertThat(me.get("authenticatedWith").asText()).isEqualTo("API_KEY");
        assertThat(me.at("/user/id").asLong()).isEqualTo(quinn.id());
        assertThat(me.at("/apiKey/id").asLong()).isEqualTo(key.get("id").asLong());
        assertThat(me.at("/apiKey/key").isMissingNode()).isTrue();
    }

    @Test
    void tampered_unsigned_foreign_and_wrong_issuer_tokens_are_refused() {
        UserAccount rita = server.createUser("rita", UserRole.ADMIN);
        String token = server.accessToken(rita.username());
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tamperedPayload = b64(payload.replace("\"role\":\"ADMIN\"", "\"role\":\"ADMIN\",\"x\":1"));
        String unsignedHeader = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        AccessTokens foreign = new AccessTokens("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                IdentityModule.TOKEN_ISSUER, IdentityModule.TOKEN_AUDIENCE, Duration.ofMinutes(15), clock);
        AccessTokens otherIssuer = new AccessTokens(IdentityTestServer.JWT_SECRET, "someone-else",
                IdentityModule.TOKEN_AUDIENCE, Duration.ofMinutes(15), clock);

        assertThat(me(token).statusCode()).isEqualTo(200);
        assertProblem(me(parts[0] + "." + tamperedPayload + "." + parts[2]), 401, "UNAUTHENTICATED");
        assertProblem(me(unsignedHeader + "." + parts[1] + "."), 401, "UNAUTHENTICATED");
        assertProblem(me(unsignedHeader + "." + parts[1] + "." + parts[2]), 401, "UNAUTHENTICATED");
        assertProblem(me(foreign.issue(rita.id(), "ADMIN", 0).token()), 401, "UNAUTHENTICATED");
        assertProblem(me(otherIssuer.issue(rita.id(), "ADMIN", 0).token()), 401, "UNAUTHENTICATED");
        assertProblem(me("garbage"), 401, "UNAUTHENTICATED");
    }

    @Test
    void an_expired_token_gets_its_own_code_but_only_when_its_signature_verifies() {
        UserAccount sam = server.createUser("sam", UserRole.TRADER);
        String token = server.accessToken(sam.username());
        AccessTokens foreign = new AccessTokens("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                IdentityModule.TOKEN_ISSUER, IdentityModule.TOKEN_AUDIENCE, Duration.ofMinutes(15), clock);
        String forged = foreign.issue(sam.id(), "TRADER", 0).token();

        clock.advance(Duration.ofMinutes(16));
        try {
            HttpResponse<String> expired = me(token);
            assertProblem(expired, 401, "TOKEN_EXPIRED");
            assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
            assertProblem(me(forged), 401, "UNAUTHENTICATED");
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void disabling_a_user_or_changing_their_role_or_password_refuses_their_tokens_at_once() {
        UserAccount tom = server.createUser("tom", UserRole.TRADER);
        UserAccount uma = server.createUser("uma", UserRole.TRADER);
        UserAccount vic = server.createUser("vic", UserRole.TRADER);
        JsonNode tomSession = server.login(tom.username());
        JsonNode umaSession = server.login(uma.username());
        JsonNode vicSession = server.login(vic.username());
        for (JsonNode session : java.util.List.of(tomSession, umaSession, vicSession)) {
            assertThat(me(session.get("accessToken").asText()).statusCode()).isEqualTo(200);
        }

        server.module().users().patch(ADMIN, tom.id(), new UserChanges(null, false, null));
        server.module().users().patch(ADMIN, uma.id(), new UserChanges(UserRole.ADMIN, null, null));
        server.module().users().patch(ADMIN, vic.id(), new UserChanges(null, null, "a brand new password"));

        for (JsonNode session : java.util.List.of(tomSession, umaSession, vicSession)) {
            assertProblem(me(session.get("accessToken").asText()), 401, "UNAUTHENTICATED");
            assertProblem(refresh(session.get("refreshToken").asText()), 401, "UNAUTHENTICATED");
        }
        assertThat(login(uma.username(), PASSWORD, "127.0.0.1").statusCode()).isEqualTo(200);
        assertThat(login(vic.username(), "a brand new password", "127.0.0.1").statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_of_a_deleted_user_is_refused() {
        UserAccount walt = server.createUser("walt", UserRole.TRADER);
        String token = server.accessToken(walt.username());

        server.module().users().delete(ADMIN, walt.id());

        assertProblem(me(token), 401, "UNAUTHENTICATED");
    }

    @Test
    void sending_both_a_bearer_token_and_an_api_key_is_refused() {
        UserAccount xena = server.createUser("xena", UserRole.TRADER);
        String token = server.accessToken(xena.username());
        String key = server.createKey(token, "READ_WRITE", Map.of()).get("key").asText();

        assertProblem(server.request("GET", "/auth/me").bearer(token).apiKey(key).send(), 401, "UNAUTHENTICATED");
        assertProblem(server.request("GET", "/auth/me").header("Authorization", "Basic dXNlcjpwYXNz").send(), 401, "UNAUTHENTICATED");
    }

    @Test
    void credentials_presented_on_a_public_route_must_be_valid_too() {
        assertProblem(server.request("POST", "/auth/login").bearer("garbage").json(Map.of("username", "a", "password", "b")).send(),
                401, "UNAUTHENTICATED");
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
