package io.orderbook.adapters.http.pipeline;

/**
 * Which bucket a caller's requests count against, and its size: an API key's own limit, a per-user
 * limit for bearer tokens, and a per-address limit for anonymous callers.
 *
 * @param anonymousPerMinute requests per minute from one address without credentials, at least 1
 * @param userPerMinute      requests per minute of one user with a bearer token, at least 1
 */
public record RateLimitPolicy(int anonymousPerMinute, int userPerMinute) {

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is below 1
     */
    public RateLimitPolicy {
        if (anonymousPerMinute < 1 || userPerMinute < 1) throw new IllegalArgumentException("limits must be >= 1 per minute");
    }

    /** A bucket name and its limit per minute. */
    record Bucket(String name, int requestsPerMinute) {
    }

    Bucket bucketFor(
Caller caller, String clientIp) {
        return switch (caller) {
            case Caller.ApiKey key -> new Bucket("api-key:" + key.apiKeyId(), key.requestsPerMinute());
            case Caller.User user -> new Bucket("user:" + user.userId(), userPerMinute);
            case Caller.Anonymous anonymous -> new Bucket("ip:" + clientIp, anonymousPerMinute);
        };
    }
}
