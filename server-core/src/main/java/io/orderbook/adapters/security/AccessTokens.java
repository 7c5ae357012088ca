package io.orderbook.adapters.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Issues and verifies short-lived JWT access tokens, HMAC-SHA256 signed with a configured secret.
 *
 * <p>Token: subject = user id, claims {@code role} and {@code ver} (the user's token version), plus
 * {@code iss}, {@code aud}, {@code iat}, {@code nbf}, {@code exp} and a random {@code jti}. Verification pins the
 * algorithm to HS256 before any cryptography, so {@code alg: none} and algorithm-confusion tokens are
 * refused with their own {@link TokenRejection}.
 */
public final class AccessTokens {

    private static final String ROLE_CLAIM = "role";
    private static final String VERSION_CLAIM = "ver";
    /** Tokens longer than this are refused unparsed; ours are about 300 characters. */
    public static final int MAX_TOKEN_CHARS = 4_096;
    private static final String ALGORITHM = "HS256";
    private static final int MIN_SECRET_BYTES = 32;
    private static final long CLOCK_SKEW_SECONDS = 30;
    private static final ObjectMapper HEADER_READER = new ObjectMapper();

    private final SecretKey key;
    private final String issuer;
    private final String audience;
    private final Duration timeToLive;
    private final Clock clock;
    private final JwtParser parser;

    /**
     * A signed token and the instant it stops being accepted, for the {@code expiresIn} of a login response.
     *
     * @param token     the compact JWT to hand to the client
     * @param expiresAt when the token stops being accepted
     */
    public record IssuedAccessToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedAccessToken[token=<redacted>, expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * A token service; every server node must be built with the same secret, issuer and audience.
     *
     * @param secret     at least 256 bits of secret shared by every server node
     * @param issuer     the {@code iss} this server writes and requires
     * @param audience   the {@code aud} this server writes and requires
     * @param timeToLive how long a token is accepted, typically minutes
     * @param clock      the source of issue times and of "now" when verifying
     * @throws IllegalArgumentException if the secret is shorter than 256 bits, the issuer or audience is blank,
     *                                  or the time to live is not positive
     */
    public AccessTokens(byte[] secret, String issuer, String audience, Duration timeToLive, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must have at least " + MIN_SECRET_BYTES * 8 + " bits");
        }
        this.key = Keys.hmacShaKeyFor(secret.clone());
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) throw new IllegalArgumentException("timeToLive must be positive");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                .build();
    }

    /**
     * Issues a token for the user, valid from now for the configured time to live.
     *
     * @param userId       the user's id, written as the subject
     * @param role         the user's role, e.g. {@code TRADER}; not blank
     * @param tokenVersion the user's current token version
     * @return the signed token and its expiry
     */
    public IssuedAccessToken issue(long userId, String role, long tokenVersion) {
        requireText(role, "role");
        Instant now = clock.instant();
        Instant expiresAt = now.plus(timeToLive);
        String token = Jwts.builder()
                .issuer(issuer)
                .audience().add(audience).and()
                .subject(Long.toString(userId))
                .claim(ROLE_CLAIM, role)
                .claim(VERSION_CLAIM, tokenVersion)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedAccessToken(token, expiresAt);
    }

    /**
     * Verifies signature, algorithm, issuer, audience, expiry and the claims this server needs. Never throws for bad input.
     *
     * @param token the compact JWT a client presented, or {@code null}
     * @return the claims, or the reason the token is refused
     */
    public TokenVerification verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) return rejected(TokenRejection.MALFORMED);
        TokenRejection headerProblem = checkHeader(token);
        if (headerProblem != null) return rejected(headerProblem);
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException e) {
            return rejected(TokenRejection.EXPIRED);
        } catch (PrematureJwtException e) {
            return rejected(TokenRejection.NOT_YET_VALID);
        } catch (InvalidClaimException e) {
            return rejected(switch (e.getClaimName()) {
                case Claims.ISSUER -> TokenRejection.WRONG_ISSUER;
                case Claims.AUDIENCE -> TokenRejection.WRONG_AUDIENCE;
                default -> TokenRejection.MISSING_CLAIM;
            });
        } catch (SecurityException e) {
            return rejected(TokenRejection.BAD_SIGNATURE);
        } catch (JwtException | IllegalArgumentException e) {
            return rejected(TokenRejection.MALFORMED);
        }
        return readClaims(claims, clock.instant());
    }

    // Reads the header ourselves so the algorithm is pinned before jjwt chooses a verifier from it.
    private static TokenRejection checkHeader(String token) {
        int firstDot = token.indexOf('.');
        if (firstDot <= 0 || token.indexOf('.', firstDot + 1) < 0) return TokenRejection.MALFORMED;
        JsonNode header;
        try {
            header = HEADER_READER.readTree(Base64.getUrlDecoder().decode(token.substring(0, firstDot)));
        } catch (Exception e) {
            return TokenRejection.MALFORMED;
        }
        if (header == null || !header.isObject()) return TokenRejection.MALFORMED;
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || alg.asText().isBlank() || alg.asText().equalsIgnoreCase("none")) {
            return TokenRejection.UNSIGNED;
        }
        return ALGORITHM.equals(alg.asText()) ? null : TokenRejection.UNEXPECTED_ALGORITHM;
    }

    private static TokenVerification readClaims(Claims claims, Instant now) {
        String subject = claims.getSubject();
        Object role = claims.get(ROLE_CLAIM);
        Object version = claims.get(VERSION_CLAIM);
        Date issuedAt = claims.getIssuedAt();
        Date expiration = claims.getExpiration();
        if (subject == null || !(role instanceof String roleText) || roleText.isBlank()
                || !(version instanceof Number versionNumber) || issuedAt == null || expiration == null) {
            return rejected(TokenRejection.MISSING_CLAIM);
        }
        // jjwt checks nbf but not iat; a token issued in the future means a skewed clock or a forgery.
        if (issuedAt.toInstant().isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) return rejected(TokenRejection.NOT_YET_VALID);
        long userId;
        try {
            userId = Long.parseLong(subject);
        } catch (NumberFormatException e) {
            return rejected(TokenRejection.MISSING_CLAIM);
        }
        return new TokenVerification.Valid(new AccessTokenClaims(
                userId, roleText, versionNumber.longValue(), claims.getId(), issuedAt.toInstant(), expiration.toInstant()));
    }

    private static TokenVerification rejected(TokenRejection reason) {
        return new TokenVerification.Rejected(reason);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        return value;
    }

    @Override
    public String toString() {
        return "AccessTokens[issuer=" + issuer + ", audience=" + audience + ", timeToLive=" + timeToLive + "]";
    }
}
