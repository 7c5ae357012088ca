package io.orderbook.adapters.security;

import java.time.Instant;

/**
 * What a verified access token says: whose it is, the role it was issued for, and the user's token
 * version at issue time. The caller compares {@code tokenVersion} with the user's current version, so
 * logout-everywhere, a password change or disabling the user invalidate older tokens at once.
 *
 * @param userId       the user the token was issued to (its subject)
 * @param role         the user's role when the token was issued, e.g. {@code ADMIN}
 * @param tokenVersion the user's token version when the token was issued
 * @param tokenId      the token's random id ({@code jti}), or {@code null} if the token has none
 * @param issuedAt     when the token was issued
 * @param expiresAt    when the token stops being accepted
 */
public record AccessTokenClaims(long userId, String role, long tokenVersion, String tokenId, Instant issuedAt, Instant expiresAt) {
}
