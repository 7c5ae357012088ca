package io.orderbook.app.client.admin;

import java.time.Instant;
import java.util.List;

/**
 * A key to create for the logged-in user.
 *
 * @param requestsPerMinute the key's own rate limit
 * @param ipAllowList       addresses or CIDR blocks the key may be used from; empty for any
 */
public record NewApiKey(String name, KeyScope scope, int requestsPerMinute, Instant expiresAt, List<String> ipAllowList) {

    public NewApiKey {
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
    }
}
