package io.orderbook.application.apikeys;

import io.orderbook.adapters.persistence.ApiKeyRow;
import io.orderbook.adapters.persistence.ApiKeyScope;
import java.time.Instant;
import java.util.List;

/**
 * An API key as its owner and administrators see it: settings, status and last use, never its secret.
 *
 * @param expiresAt                null only for keys stored without an expiry by other means than this service
 * @param lastUsedAt               when it last authenticated a request (recorded within a few seconds), or null
 * @param previousSecretValidUntil after a regeneration with a grace period: until when the old secret works
 */
public record ApiKeyView(long id, long userId, String name, String prefix, ApiKeyScope scope, int requestsPerMinute,
                         Instant expiresAt, List<String> ipAllowList, ApiKeyStatus status, Instant createdAt,
                         Instant updatedAt, Instant lastUsedAt, Instant revokedAt, Instant previousSecretValidUntil) {

    public ApiKeyView {
        ipAllowList = List.copyOf(ipAllowList);
    }

    /** The view of a stored key, with its status as of {@code now}. */
    public static ApiKeyView of(ApiKeyRow row, Instant now) {
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
