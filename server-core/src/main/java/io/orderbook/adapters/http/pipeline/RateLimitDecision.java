package io.orderbook.adapters.http.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a {@link RateLimiter} for one request: whether it may proceed and the numbers for the
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} headers.
 *
 * @param allowed    whether the request may proceed
 * @param limit      requests allowed per window
 * @param remaining  requests left in the current window after this one (0 when refused)
 * @param resetAfter time until the window frees capacity again; becomes {@code Retry-After} when refused
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration resetAfter) {
    /**
     * Checks the figures.
     *
     * @throws IllegalArgumentException if a figure is negative
     */
    public RateLimitDecision {
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (limit < 0 || remaining < 0 || resetAfter.isNegative()) throw new IllegalArgumentException("negative rate limit figures");
    }
}
