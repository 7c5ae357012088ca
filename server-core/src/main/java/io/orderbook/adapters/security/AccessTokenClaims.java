package io.orderbook.adapters.security;

import java.time.Instant;

/**
 * What a verified access token says: whose it is, the role it was issued for, and the user's token
 * version at issue time. The caller compares {@code tokenVersion} with the user's current version, so
 * logout-everywhere, a password change or disabling the user invalidate older tokens at once.
 */
public record AccessTokenClaims(long userId, String role, long tokenVersion, String tokenId, Instant issuedAt, Instant expiresAt) {
}
