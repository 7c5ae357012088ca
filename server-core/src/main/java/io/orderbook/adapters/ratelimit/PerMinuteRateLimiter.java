package io.orderbook.adapters.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderbook.adapters.http.pipeline.RateLimitDecision;
import io.orderbook.adapters.http.pipeline.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline's rate limit, counted per minute in Redis by {@link RedisRateLimiter}, so every
 * server instance sharing the Redis enforces one exact limit per bucket. The pipeline picks the bucket
 * and its size ({@link io.orderbook.adapters.http.pipeline.RateLimitPolicy}): an API key's own limit,
 * a per-user limit for bearer tokens, and a per-address limit for anonymous and login requests.
 * Windows are fixed minutes by Redis's clock; a changed limit (a key's rate edited) applies to the very
 * next request, counted against what the current window has already used.
 *
 * <p>When Redis does not answer within {@value #REDIS_TIMEOUT_MILLIS} ms, this node counts on its own
 * (the same fixed minutes, in memory) and leaves Redis alone for {@value #REDIS_PAUSE_SECONDS} s before
 * asking again. Limits then hold per node instead of per cluster, and requests neither wait for Redis
 * timeouts nor fail: refusing everything would also take down health probes and login, and the
 * readiness check already reports Redis as down. Each fallback is counted in
 * {@code rate_limit_fallback_total}, each failed Redis call in {@code rate_limit_failures_total}.
 */
public final class PerMinuteRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(PerMinuteRateLimiter.class);
    /** Counter keys are {@code <redisson prefix>rate:<bucket>}, e.g. {@code obw:rate:api-key:42}. */
    private static final String KEY_PREFIX = "";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    static final long REDIS_TIMEOUT_MILLIS = 500;
    static final long REDIS_PAUSE_SECONDS = 5;
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final RedisRateLimiter counters;
    private final LocalWindows local = new LocalWindows(WINDOW.toMillis());
    private final Counter failures;
    private final Counter fallbacks;
    /** Until when (System.nanoTime) decisions are made locally without asking Redis. */
    private volatile long localUntil = System.nanoTime();
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    /** A limiter on the given client; its counters go to {@code registry}. */
    public PerMinuteRateLimiter(RedissonClient redisson, MeterRegistry registry) {
        this.counters = new RedisRateLimiter(redisson, KEY_PREFIX, WINDOW);
        Objects.requireNonNull(registry, "registry");
        this.failures = Counter.builder("rate.limit.failures")
                .description("Rate-limit calls to Redis that failed or timed out")
                .register(registry);
        this.fallbacks = Counter.builder("rate.limit.fallback")
                .description("Rate-limit decisions made by this node alone because Redis was unavailable")
                .register(registry);
    }

    @Override
    public RateLimitDecision acquire(String bucket, int requestsPerMinute) {
        long now = System.nanoTime();
        if (now - localUntil < 0) {
            return countLocally(bucket, requestsPerMinute);
        }
        try {
            RedisRateLimiter.Decision decision = counters.acquireAsync(bucket, requestsPerMinute)
                    .toCompletableFuture().get(REDIS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            Duration resetAfter = decision.retryAfter().isNegative() ? Duration.ZERO : decision.retryAfter();
            return new RateLimitDecision(decision.allowed(), decision.limit(), decision.remaining(), resetAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return countLocally(bucket, requestsPerMinute);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            localUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(REDIS_PAUSE_SECONDS);
            failures.increment();
            logThrottled(e);
            return countLocally(bucket, requestsPerMinute);
        }
    }

    private RateLimitDecision countLocally(String bucket, int requestsPerMinute) {
        fallbacks.increment();
        return local.acquire(bucket, requestsPerMinute);
    }

    /** One warning per ten seconds at most: during an outage every request would log the same. */
    private void logThrottled(Exception e) {
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastFailureLog.compareAndSet(last, now)) {
            LOG.warn("Rate limits are counted on this node alone for {} s: Redis did not answer ({})", REDIS_PAUSE_SECONDS, e.toString());
        }
    }

    /** Fixed windows counted in this process's memory, the fallback while Redis is unavailable. */
    static final class LocalWindows {

        /** Beyond this many buckets, windows that have ended are swept out. */
        private static final int SWEEP_ABOVE = 10_000;

        private record Window(long start, long count, boolean lastAllowed) {
        }

        private final long windowMillis;
        private final Map<String, Window> windows = new ConcurrentHashMap<>();

        LocalWindows(long windowMillis) {
            this.windowMillis = windowMillis;
        }

        RateLimitDecision acquire(String bucket, int limit) {
            long now = System.currentTimeMillis();
            long start = now - now % windowMillis;
            Window window = windows.compute(bucket, (name, old) -> {
                long used = old == null || old.start() != start ? 0 : old.count();
                return used < limit ? new Window(start, used + 1, true) : new Window(start, used, false);
            });
            if (windows.size() > SWEEP_ABOVE) {
                windows.values().removeIf(w -> w.start() < start);
            }
            return new RateLimitDecision(window.lastAllowed(), limit, Math.max(0, limit - window.count()),
                    Duration.ofMillis(start + windowMillis - now));
        }
    }
}
