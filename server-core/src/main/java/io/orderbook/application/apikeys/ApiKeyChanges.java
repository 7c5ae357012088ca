package io.orderbook.application.apikeys;

import java.time.Instant;
import java.util.List;

/**
 * What to change about a key; a null field stays as it is. The scope cannot change: a key that should
 * do more is a new key.
 *
 * @param name              the new name, 1 to 100 characters after trimming
 * @param requestsPerMinute the new rate limit
 * @param expiresAt         the new expiry, in the future and within the service's maximum lifetime
 * @param ipAllowList       the new list; empty allows every address
 */
public record ApiKeyChanges(String name, Integer requestsPerMinute, Instant expiresAt, List<String> ipAllowList) {

    /** Whether nothing is to change, which the service refuses. */
    boolean isEmpty() {
        return name == null && requestsPerMinute == null && expiresAt == null && ipAllowList == null;
    }
}
