package io.orderbook.adapters.http.auth;

import io.orderbook.application.auth.TokenPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The JSON of a login or refresh ({@code TokenResponse}): shown once, never logged.
 *
 * @param accessToken           the JWT to send as {@code Authorization: Bearer}
 * @param tokenType             always {@code Bearer}
 * @param expiresIn             seconds until the access token expires
 * @param expiresAt             when the access token expires
 * @param refreshToken          the token that gets the next pair, once
 * @param refreshTokenExpiresAt when the refresh token expires
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String refreshToken,
                            Instant refreshTokenExpiresAt) {

    static TokenResponse of(TokenPair tokens, Clock clock) {
        long expiresIn = Math.max(0, Duration.between(clock.instant(), tokens.accessTokenExpiresAt()).toSeconds());
        return new TokenResponse(tokens.accessToken(), "Bearer", expiresIn, tokens.accessTokenExpiresAt(),
                tokens.refreshToken(), tokens.refreshTokenExpiresAt());
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=<redacted>, expiresAt=" + expiresAt + ", refreshToken=<redacted>]";
    }
}
