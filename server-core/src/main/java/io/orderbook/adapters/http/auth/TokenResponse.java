package io.orderbook.adapters.http.auth;

import io.orderbook.application.auth.TokenPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The JSON of a login or refresh ({@code TokenResponse}): shown once, never logged. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String refreshToken,
                            Instant refreshTokenExpiresAt) {

    public static TokenResponse of(TokenPair tokens, Clock clock) {
        long expiresIn = Math.max(0, Duration.between(clock.instant(), tokens.accessTokenExpiresAt()).toSeconds());
        return new TokenResponse(tokens.accessToken(), "Bearer", expiresIn, tokens.accessTokenExpiresAt(),
                tokens.refreshToken(), tokens.refreshTokenExpiresAt());
    }

    @Override
    public String toString() {
        return "TokenResponse[accessToken=<redacted>, expiresAt=" + expiresAt + ", refreshToken=<redacted>]";
    }
}
