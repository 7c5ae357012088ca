package io.orderbook.adapters.http.apikeys;

import io.orderbook.adapters.persistence.ApiKeyScope;
import io.orderbook.application.apikeys.ApiKeyStatus;
import io.orderbook.application.apikeys.ApiKeyView;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of an API key ({@code ApiKey} in the OpenAPI document); never its secret.
 *
 * @param id                       the key's id
 * @param userId                   the owner's id
 * @param name                     the owner's label for the key
 * @param prefix                   the visible part of the key, which identifies it in lists and logs
 * @param scope                    what the key may do
 * @param requestsPerMinute        the key's rate limit
 * @param expiresAt                when the key stops working, or null for never
 * @param ipAllowList              addresses or CIDR blocks the key may be used from; empty for any
 * @param status                   whether the key is active, expired or revoked
 * @param createdAt                when the key was created
 * @param updatedAt                when the key was last changed
 * @param lastUsedAt               when the key last authenticated a request, or null if never
 * @param revokedAt                when the key was revoked, or null
 * @param previousSecretValidUntil until when the secret replaced by the last regeneration still works, or null
 */
public record ApiKeyResponse(long id, long userId, String name, String prefix, ApiKeyScope scope, int requestsPerMinute,
                             Instant expiresAt, List<String> ipAllowList, ApiKeyStatus status, Instant createdAt,
                             Instant updatedAt, Instant lastUsedAt, Instant revokedAt, Instant previousSecretValidUntil) {

    /**
     * The JSON of a key.
     *
     * @param key the key as the application sees it
     * @return the response
     */
    public static ApiKeyResponse of(ApiKeyView key) {
        return new ApiKeyResponse(key.id(), key.userId(), key.name(), key.prefix(), key.scope(), key.requestsPerMinute(),
                key.expiresAt(), key.ipAllowList(), key.status(), key.createdAt(), key.updatedAt(), key.lastUsedAt(),
                key.revokedAt(), key.previousSecretValidUntil());
    }
}
