package io.orderbook.application.apikeys;

import io.orderbook.adapters.persistence.ApiKeyRow;
import io.orderbook.adapters.persistence.ApiKeyScope;
import java.time.Instant;
import java.util.List;

/**
 * An API key as its owner and administrators see it: settings, status and last use, never its secret.
 *
 * @param id                       the key's id
 * @param userId                   its owner
 * @param name                     the name its owner gave it
 * @param prefix                   the visible part of the key text, which identifies it in lists and logs
 * @param scope                    what it may do
 * @param requestsPerMinute        its rate limit
 * @param expiresAt                null only for keys stored without an expiry by other means than this service
 * @param ipAllowList              the addresses it may be used from; empty for any
 * @param status                   whether it can be used, as of when the view was made
 * @param createdAt                when it was created
 * @param updatedAt                when it was last changed
 * @param lastUsedAt               when it last authenticated a request (recorded within a few seconds), or null
 * @param revokedAt                when it was revoked, or null
 * @param previousSecretValidUntil after a regeneration with a grace period: until when the old secret works; null
 *                                 when no old secret works
 */
public record ApiKeyView(long id, long userId, String name, String prefix, ApiKeyScope scope, int requestsPerMinute,
                         Instant expiresAt, List<String> ipAllowList, ApiKeyStatus status, Instant createdAt,
                         Instant updatedAt, Instant lastUsedAt, Instant revokedAt, Instant previousSecretValidUntil) {

    /**
     * Copies the allow-list, so the view does not change with it.
     *
     * @throws NullPointerException if {@code ipAllowList} is null or holds null
     */
    public ApiKeyView {
        ipAllowList = List.copyOf(ipAllowList);
    }

    /** The view of a stored key, with its status as of {@code now}. */
    static ApiKeyView of(ApiKeyRow row, Instant now) {
        Instant previousValidUntil = row.previousSecretValidUntil().filter(now::isBefore).orElse(null);
        return new ApiKeyView(row.id(), row.userId(), row.name(), row.prefix(), row.scope(), row.rateLimitPerMinute(),
                row.expiresAt().orElse(null), row.ipAllowList(), statusOf(row, now), row.createdAt(), row.updatedAt(),
                row.lastUsedAt().orElse(null), row.revokedAt().orElse(null), previousValidUntil);
    }

    static ApiKeyStatus statusOf(ApiKeyRow row, Instant now) {
        if (row.revokedAt().isPresent()) return ApiKeyStatus.REVOKED;
        if (row.expiresAt().filter(expiry -> !now.isBefore(expiry)).isPresent()) return ApiKeyStatus.EXPIRED;
        return ApiKeyStatus.ACTIVE;
    }
}
