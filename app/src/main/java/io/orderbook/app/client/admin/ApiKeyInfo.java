package io.orderbook.app.client.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An API key's settings and state, never its secret.
 *
 * @param prefix                   the visible part, {@code obw_<prefix>_...}, to recognise the key by
 * @param status                   {@code ACTIVE}, {@code EXPIRED} or {@code REVOKED}
 * @param lastUsedAt               when it last authenticated a request, or null
 * @param previousSecretValidUntil after a regeneration with a grace period: until when the old secret works, or null
 */
public record ApiKeyInfo(long id, long userId, String name, String prefix, KeyScope scope, int requestsPerMinute,
                         Instant expiresAt, List<String> ipAllowList, String status, Instant createdAt,
                         Instant lastUsedAt, Instant previousSecretValidUntil) {

    public ApiKeyInfo {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(scope, "scope");
        ipAllowList = List.copyOf(ipAllowList);
    }

    /** How the key text starts, as users see it in lists: {@code obw_7Hq2xK9a_…}. */
    public String displayPrefix() {
        return "obw_" + prefix + "_…";
    }
}
