package io.orderbook.adapters.http.apikeys;

import java.time.Instant;

/** The optional body of {@code POST /api-keys/{id}/regenerate} ({@code ApiKeyRegenerate}). */
record RegenerateApiKeyRequest(Long graceSeconds, Instant expiresAt) {

    static final RegenerateApiKeyRequest DEFAULTS = new RegenerateApiKeyRequest(null, null);
}
