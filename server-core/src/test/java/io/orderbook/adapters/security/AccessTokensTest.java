package io.orderbook.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(15);

    private final AccessTokens tokens = tokensAt(NOW);

    private static AccessTokens tokensAt(Instant instant) {
        return new AccessTokens(SECRET, "orderbook", "orderbook-api", TTL, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void issued_token_verifies_with_its_claims() {
        AccessTokens.IssuedAccessToken issued = tokens.issue(42, "TRADER", 3);

        TokenVerification result = tokens.verify(issued.token());

        assertThat(result).isInstanceOf(TokenVerification.Valid.class);
        AccessTokenClaims claims = ((TokenVerification.Valid) result).claims();
        assertThat(claims.userId()).isEqualTo(42);
        assertThat(claims.role()).isEqualTo("TRADER");
        assertThat(claims.tokenVersion()).isEqualTo(3);
        assertThat(claims.tokenId()).isNotBlank();
        assertThat(claims.issuedAt()).isEqualTo(NOW);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(TTL)).isEqualTo(issued.expiresAt());
    }

    @Test
    void each_token_has_its_own_id() {
        assertThat(tokens.issue(1, "TRADER", 0).token()).isNotEqualTo(tokens.issue(1, "TRADER", 0).token());
    }

    @Test
    void expired_token_is_rejected_as_expired() {
        String token = tokens.issue(42, "TRADER", 3).token();

        assertThat(tokensAt(NOW.plus(TTL).plusSeconds(31)).verify(token)).isEqualTo(rejected(TokenRejection.EXPIRED));
        assertThat(tokensAt(NOW.plus(TTL).plusSeconds(29)).verify(token)).isInstanceOf(TokenVerification.Valid.class);
    }

    @Test
    void token_from_the_future_is_rejected() {
        String token = tokensAt(NOW.plus(Duration.ofHours(1))).issue(42, "TRADER", 3).token();

        assertThat(tokens.verify(token)).isEqualTo(rejected(TokenRejection.NOT_YET_VALID));
    }

    @Test
    void token_issued_in_the_future_without_not_before_is_rejected() {
        String token = Jwts.builder().issuer("orderbook").audience().add("orderbook-api").and().subject("1")
                .claim("role", "ADMIN").claim("ver", 0).issuedAt(Date.from(NOW.plusSeconds(3600))).expiration(Date.from(NOW.plusSeconds(7200)))
                .signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();

        assertThat(tokens.verify(token)).isEqualTo(rejected(TokenRejection.NOT_YET_VALID));
    }

    @Test
    void tampered_payload_is_rejected_as_bad_signature() {
        String[] parts = tokens.issue(42, "TRADER", 3).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("TRADER", "ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(tokens.verify(forged)).isEqualTo(rejected(TokenRejection.BAD_SIGNATURE));
    }

    @Test
    void tampered_signature_is_rejected() {
        String token = tokens.issue(42, "TRADER", 3).token();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThat(tokens.verify(tampered)).isEqualTo(rejected(TokenRejection.BAD_SIGNATURE));
    }

    @Test
    void token_signed_with_another_secret_is_rejected() {
        AccessTokens other = new AccessTokens("another-secret-another-secret-xx".getBytes(StandardCharsets.US_ASCII),
                "orderbook", "orderbook-api", TTL, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(tokens.verify(other.issue(42, "ADMIN", 3).token())).isEqualTo(rejected(TokenRejection.BAD_SIGNATURE));
    }

    @Test
    void alg_none_token_is_rejected_as_unsigned() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"orderbook\",\"aud\":\"orderbook-api\",\"sub\":\"1\",\"role\":\"ADMIN\",\"ver\":0,"
                + "\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}");

        assertThat(tokens.verify(header + "." + payload + ".")).isEqualTo(rejected(TokenRejection.UNSIGNED));
        assertThat(tokens.verify(b64("{\"alg\":\"NONE\"}") + "." + payload + ".")).isEqualTo(rejected(TokenRejection.UNSIGNED));
        assertThat(tokens.verify(b64("{\"typ\":\"JWT\"}") + "." + payload + ".")).isEqualTo(rejected(TokenRejection.UNSIGNED));
    }

    @Test
    void token_with_another_algorithm_is_rejected_before_verification() {
        String hs512 = Jwts.builder().issuer("orderbook").audience().add("orderbook-api").and().subject("1")
                .claim("role", "ADMIN").claim("ver", 0).issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(new byte[64]), Jwts.SIG.HS512).compact();

        assertThat(tokens.verify(hs512)).isEqualTo(rejected(TokenRejection.UNEXPECTED_ALGORITHM));
    }

    @Test
    void wrong_issuer_and_wrong_audience_are_told_apart() {
        AccessTokens otherIssuer = new AccessTokens(SECRET, "someone-else", "orderbook-api", TTL, Clock.fixed(NOW, ZoneOffset.UTC));
        AccessTokens otherAudience = new AccessTokens(SECRET, "orderbook", "another-api", TTL, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(tokens.verify(otherIssuer.issue(1, "TRADER", 0).token())).isEqualTo(rejected(TokenRejection.WRONG_ISSUER));
        assertThat(tokens.verify(otherAudience.issue(1, "TRADER", 0).token())).isEqualTo(rejected(TokenRejection.WRONG_AUDIENCE));
    }

    @Test
    void correctly_signed_token_without_our_claims_is_rejected() {
        String noRole = Jwts.builder().issuer("orderbook").audience().add("orderbook-api").and().subject("1").claim("ver", 0)
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plusSeconds(600))).signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();
        String noExpiry = Jwts.builder().issuer("orderbook").audience().add("orderbook-api").and().subject("1").claim("role", "ADMIN")
                .claim("ver", 0).issuedAt(Date.from(NOW)).signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();
        String textSubject = Jwts.builder().issuer("orderbook").audience().add("orderbook-api").and().subject("alice").claim("role", "ADMIN")
                .claim("ver", 0).issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();

        assertThat(tokens.verify(noRole)).isEqualTo(rejected(TokenRejection.MISSING_CLAIM));
        assertThat(tokens.verify(noExpiry)).isEqualTo(rejected(TokenRejection.MISSING_CLAIM));
        assertThat(tokens.verify(textSubject)).isEqualTo(rejected(TokenRejection.MISSING_CLAIM));
    }

    @Test
    void garbage_is_rejected_as_malformed_without_throwing() {
        assertThat(tokens.verify(null)).isEqualTo(rejected(TokenRejection.MALFORMED));
        assertThat(tokens.verify("")).isEqualTo(rejected(TokenRejection.MALFORMED));
        assertThat(tokens.verify("not-a-jwt")).isEqualTo(rejected(TokenRejection.MALFORMED));
        assertThat(tokens.verify("a.b.c")).isEqualTo(rejected(TokenRejection.MALFORMED));
        assertThat(tokens.verify(b64("{\"alg\":\"HS256\"}") + ".%%%.abc")).isEqualTo(rejected(TokenRejection.MALFORMED));
        assertThat(tokens.verify("x".repeat(AccessTokens.MAX_TOKEN_CHARS + 1))).isEqualTo(rejected(TokenRejection.MALFORMED));
    }

    @Test
    void refuses_a_secret_shorter_than_256_bits() {
        assertThatThrownBy(() -> new AccessTokens(new byte[31], "i", "a", TTL, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits");
    }

    @Test
    void to_string_shows_no_token() {
        AccessTokens.IssuedAccessToken issued = tokens.issue(1, "TRADER", 0);

        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    private static TokenVerification rejected(TokenRejection reason) {
        return new TokenVerification.Rejected(reason);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
