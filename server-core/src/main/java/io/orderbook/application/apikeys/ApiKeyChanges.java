package io.orderbook.application.apikeys;

import java.time.Instant;
import java.util.List;

/**
 * What to change about a key; a null field stays as it is. The scope cannot change: a key that should
 * do more is a new key.
 *
 * @param ipAllowList the new list; empty allows every address
 */
public record ApiKeyChanges(String name, Integer requestsPerMinute, Instant expiresAt, List<String> ipAllowList) {

    public boolean isEmpty() {
        return name == null && requestsPerMinute == null && expiresAt == null && ipAllowList == null;
    }
}
