package io.orderbook.adapters.http.apikeys;

import io.orderbook.adapters.persistence.ApiKeyScope;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api-keys} ({@code ApiKeyCreate}). */
record CreateApiKeyRequest(String name, ApiKeyScope scope, Integer requestsPerMinute, Instant expiresAt,
                                  List<String> ipAllowList) {
}
