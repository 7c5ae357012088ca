package io.orderbook.app.client.admin;

import java.time.Instant;
import java.util.List;

/**
 * A key to create for the logged-in user.
 *
 * @param name              the owner's label for the key
 * @param scope             whether the key may only read, or read and write
 * @param requestsPerMinute the key's own rate limit
 * @param expiresAt         when the key stops working, or null for never
 * @param ipAllowList       addresses or CIDR blocks the key may be used from; empty for any
 */
public record NewApiKey(String name, KeyScope scope, int requestsPerMinute, Instant expiresAt, List<String> ipAllowList) {

    /** Treats a missing allow-list as empty and copies it so that it cannot change afterwards. */
    public NewApiKey {
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
    }
}
