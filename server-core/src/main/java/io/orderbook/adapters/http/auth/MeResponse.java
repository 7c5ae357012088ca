package io.orderbook.adapters.http.auth;

import io.orderbook.adapters.http.apikeys.ApiKeyResponse;
import io.orderbook.adapters.http.users.UserResponse;

/**
 * The JSON of {@code GET /auth/me}: who is calling and how.
 *
 * @param authenticatedWith {@code BEARER_TOKEN} or {@code API_KEY}
 * @param apiKey            the key used, or null for a bearer token
 */
record MeResponse(UserResponse user, String authenticatedWith, ApiKeyResponse apiKey) {
}
