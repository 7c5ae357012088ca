package io.orderbook.adapters.http.apikeys;

import java.time.Instant;
import java.util.List;

/** The body of {@code PATCH /api-keys/{id}} ({@code ApiKeyPatch}); absent or null fields stay unchanged. */
record PatchApiKeyRequest(String name, Integer requestsPerMinute, Instant expiresAt, List<String> ipAllowList) {
}
