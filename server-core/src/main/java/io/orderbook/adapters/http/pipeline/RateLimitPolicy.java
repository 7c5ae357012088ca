package io.orderbook.adapters.http.pipeline;

/**
 * Which bucket a caller's requests count against, and its size: an API key's own limit, a per-user
 * limit for bearer tokens, and a per-address limit for anonymous callers.
 */
public record RateLimitPolicy(int anonymousPerMinute, int userPerMinute) {

    public RateLimitPolicy {
        if (anonymousPerMinute < 1 || userPerMinute < 1) throw new IllegalArgumentException("limits must be >= 1 per minute");
    }

    /** A bucket name and its limit per minute. */
    public record Bucket(String name, int requestsPerMinute) {
    }

    public Bucket bucketFor(Caller caller, String clientIp) {
        return switch (caller) {
            case Caller.ApiKey key -> new Bucket("api-key:" + key.apiKeyId(), key.requestsPerMinute());
            case Caller.User user -> new Bucket("user:" + user.userId(), userPerMinute);
            case Caller.Anonymous anonymous -> new Bucket("ip:" + clientIp, anonymousPerMinute);
        };
    }
}
