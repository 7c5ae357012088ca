package io.orderbook.application.auth;

import java.time.Instant;

/**
 * What a login or a refresh hands out: a short-lived access token and the single-use refresh token that
 * gets the next one. Both are shown to the client once; only the refresh token's hash is stored.
 *
 * @param accessToken           the signed bearer token (JWT) for API calls
 * @param accessTokenExpiresAt  when the access token stops being accepted
 * @param refreshToken          the opaque single-use token that gets the next pair
 * @param refreshTokenExpiresAt when the refresh token stops being accepted
 */
public record TokenPair(String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "TokenPair[accessToken=<redacted>, accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshToken=<redacted>, refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
