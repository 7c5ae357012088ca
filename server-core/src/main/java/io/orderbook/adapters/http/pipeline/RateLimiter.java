package io.orderbook.adapters.http.pipeline;

/**
 * The rate-limit step of the request pipeline: counts one request against a bucket. Implementations
 * must hold across server instances (the limit is per key or per address, not per node).
 */
@FunctionalInterface
public interface RateLimiter {

    /**
     * Takes one permit from the bucket if one is left.
     *
     * @param bucket            e.g. {@code api-key:42}, {@code user:7}, {@code ip:203.0.113.9}
     * @param requestsPerMinute the bucket's limit; when it changes (a key's limit edited), the new value applies
     * @return whether the request may proceed, with the figures for the rate-limit headers
     */
    RateLimitDecision acquire(String bucket, int requestsPerMinute);
}
