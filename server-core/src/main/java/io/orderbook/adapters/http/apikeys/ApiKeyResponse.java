package io.orderbook.adapters.http.apikeys;

import io.orderbook.adapters.persistence.ApiKeyScope;
import io.orderbook.application.apikeys.ApiKeyStatus;
import io.orderbook.application.apikeys.ApiKeyView;
import java.time.Instant;
import java.util.List;

/** The JSON of an API key ({@code ApiKey} in the OpenAPI document); never its secret. */
public record ApiKeyResponse(long id, long userId, String name, String prefix, ApiKeyScope scope, int requestsPerMinute,
                             Instant expiresAt, List<String> ipAllowList, ApiKeyStatus status, Instant createdAt,
                             Instant updatedAt, Instant lastUsedAt, Instant revokedAt, Instant previousSecretValidUntil) {

    public static ApiKeyResponse of(ApiKeyView key) {
        return new ApiKeyResponse(key.id(), key.userId(), key.name(), key.prefix(), key.scope(), key.requestsPerMinute(),
                key.expiresAt(), key.ipAllowList(), key.status(), key.createdAt(), key.updatedAt(), key.lastUsedAt(),
                key.revokedAt(), key.previousSecretValidUntil());
    }
}
