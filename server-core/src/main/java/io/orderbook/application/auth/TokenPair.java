package io.orderbook.application.auth;

import java.time.Instant;

/**
 * What a login or a refresh hands out: a short-lived access token and the single-use refresh token that
 * gets the next one. Both are shown to the client once; only the refresh token's hash is stored.
 */
public record TokenPair(String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "TokenPair[accessToken=<redacted>, accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshToken=<redacted>, refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
