package io.orderbook.app.client.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An API key's settings and state, never its secret.
 *
 * @param id                       the key's id
 * @param userId                   the user the key acts for
 * @param name                     the owner's label for the key
 * @param prefix                   the visible part, {@code obw_<prefix>_...}, to recognise the key by
 * @param scope                    whether the key may only read, or read and write
 * @param requestsPerMinute        the key's own rate limit
 * @param expiresAt                when the key stops working, or null when it never expires
 * @param ipAllowList              addresses or CIDR blocks the key may be used from; empty for any
 * @param status                   {@code ACTIVE}, {@code EXPIRED} or {@code REVOKED}
 * @param createdAt                when the key was created
 * @param lastUsedAt               when it last authenticated a request, or null
 * @param previousSecretValidUntil after a regeneration with a grace period: until when the old secret works, or null
 */
public record ApiKeyInfo(long id, long userId, String name, String prefix, KeyScope scope, int requestsPerMinute,
                         Instant expiresAt, List<String> ipAllowList, String status, Instant createdAt,
                         Instant lastUsedAt, Instant previousSecretValidUntil) {

    /**
     * Checks the required parts and copies the allow-list so that it cannot change afterwards.
     *
     * @throws NullPointerException if prefix, scope or ipAllowList is null
     */
    public ApiKeyInfo {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(scope, "scope");
        ipAllowList = List.copyOf(ipAllowList);
    }

    /**
     * How the key text starts, as users see it in lists.
     *
     * @return e.g. {@code obw_7Hq2xK9a_…}
     */
    public String displayPrefix() {
        return "obw_" + prefix + "_…";
    }
}
