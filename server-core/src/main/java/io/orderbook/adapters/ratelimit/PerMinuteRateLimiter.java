package io.orderbook.adapters.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderbook.adapters.http.pipeline.RateLimitDecision;
import io.orderbook.adapters.http.pipeline.RateLimiter;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline's rate limit, counted per minute in Redis by {@link RedisRateLimiter}, so every
 * server instance sharing the Redis enforces one exact limit per bucket. The pipeline picks the bucket
 * and its size ({@link io.orderbook.adapters.http.pipeline.RateLimitPolicy}): an API key's own limit,
 * a per-user limit for bearer tokens, and a per-address limit for anonymous and login requests.
 *
 * <p>Windows are fixed minutes by Redis's clock; a changed limit (a key's rate edited) applies to the
 * very next request, counted against what the current window has already used.
 *
 * <p>When Redis cannot be asked, requests are refused with 503 {@code SERVICE_UNAVAILABLE} (fail closed):
 * limits that silently stop holding would be worse for a trading API than a short outage, which the
 * readiness check reports as well. Failures are counted in {@code rate_limit_failures_total}.
 */
public final class PerMinuteRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(PerMinuteRateLimiter.class);
    /** Counter keys are {@code <redisson prefix>rate:<bucket>}, e.g. {@code obw:rate:api-key:42}. */
    private static final String KEY_PREFIX = "";
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final RedisRateLimiter counters;
    private final Counter failures;
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    /** A limiter on the given client; failures are counted in {@code registry}. */
    public PerMinuteRateLimiter(RedissonClient redisson, MeterRegistry registry) {
        this(new RedisRateLimiter(redisson, KEY_PREFIX, Duration.ofMinutes(1)), registry);
    }

    PerMinuteRateLimiter(RedisRateLimiter counters, MeterRegistry registry) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.failures = Counter.builder("rate.limit.failures")
                .description("Rate-limit checks that failed because Redis could not be asked; those requests got 503")
                .register(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public RateLimitDecision acquire(String bucket, int requestsPerMinute) {
        RedisRateLimiter.Decision decision;
        try {
            decision = counters.acquire(bucket, requestsPerMinute);
        } catch (RuntimeException e) {
            failures.increment();
            logThrottled(e);
            throw ApiProblem.of(ErrorCode.SERVICE_UNAVAILABLE, "The rate limiter is not available; retry shortly.")
                    .withHeader("Retry-After", "1");
        }
        Duration resetAfter = decision.retryAfter().isNegative() ? Duration.ZERO : decision.retryAfter();
        return new RateLimitDecision(decision.allowed(), decision.limit(), decision.remaining(), resetAfter);
    }

    /** One warning per ten seconds at most: during an outage every request fails the same way. */
    private void logThrottled(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastFailureLog.compareAndSet(last, now)) {
            LOG.warn("Rate limit check failed; requests are refused with 503 until Redis answers again", e);
        }
    }
}
