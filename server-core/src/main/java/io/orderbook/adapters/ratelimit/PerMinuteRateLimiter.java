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
import java.util.concurrent.locks.ReentrantLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline's rate limit, counted per minute in Redis by {@link RedisRateLimiter}, so that all
 * server instances sharing the Redis enforce one limit per bucket. The pipeline picks the bucket and its
 * size ({@link io.orderbook.adapters.http.pipeline.RateLimitPolicy}): an API key's own limit, a per-user
 * limit for bearer tokens, and a per-address limit for anonymous and login requests. Windows are fixed
 * minutes by Redis's clock.
 *
 * <p><b>Batches.</b> Asking Redis on every request would cost more than the rest of the request chain, so
 * a node takes permits of a bucket's current window in batches and hands them out from memory until they
 * are used or the window ends. Limits below {@value #EXACT_BELOW} per minute take one permit at a time:
 * those are exact across the cluster, and refused requests are not counted. Larger limits take 1 % of the
 * limit (at most {@value #MAX_BATCH}) at a time: the cluster still never admits more than the limit in a
 * window, but up to a batch per node may go unused when the window ends, and
 * {@code X-RateLimit-Remaining} does not see other nodes' unused permits. Once Redis has no permits left,
 * the node refuses that bucket until the window ends without asking again. A changed limit (a key's rate
 * edited) applies to the very next request, counted against what the window has already used.
 *
 * <p><b>When Redis does not answer</b> within {@value #REDIS_TIMEOUT_MILLIS} ms, this node counts on its
 * own (the same fixed minutes, in memory) and leaves Redis alone for {@value #REDIS_PAUSE_SECONDS} s before
 * asking again. Limits then hold per node instead of per cluster, and requests neither wait for Redis
 * timeouts nor fail: refusing everything would also take down health probes and login, while the
 * readiness check already reports Redis as down. Counted in {@code rate_limit_redis_calls_total},
 * {@code rate_limit_failures_total} and {@code rate_limit_fallback_total}.
 */
public final class PerMinuteRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(PerMinuteRateLimiter.class);
    /** Counter keys are {@code <redisson prefix>rate:<bucket>}, e.g. {@code obw:rate:api-key:42}. */
    private static final String KEY_PREFIX = "";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Limits below this are counted one request at a time, exactly. */
    static final int EXACT_BELOW = 100;
    static final int MAX_BATCH = 1_000;
    static final long REDIS_TIMEOUT_MILLIS = 1_000;
    static final long REDIS_PAUSE_SECONDS = 5;
    /** Beyond this many buckets in memory, those whose window has ended are swept out. */
    private static final int SWEEP_ABOVE = 10_000;
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final RedisRateLimiter counters;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final LocalWindows local = new LocalWindows(WINDOW.toMillis());
    private final Counter redisCalls;
    private final Counter failures;
    private final Counter fallbacks;
    /** Until when (System.nanoTime) decisions are made locally without asking Redis. */
    private volatile long localUntil = System.nanoTime();
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    /**
     * A limiter on the given client.
     *
     * @param redisson the client of the Redis every instance shares
     * @param registry where the limiter's counters (Redis calls, failures, local fallbacks) are registered
     */
    public PerMinuteRateLimiter(RedissonClient redisson, MeterRegistry registry) {
        this.counters = new RedisRateLimiter(redisson, KEY_PREFIX, WINDOW);
        Objects.requireNonNull(registry, "registry");
        this.redisCalls = Counter.builder("rate.limit.redis.calls")
                .description("Permit batches asked of Redis").register(registry);
        this.failures = Counter.builder("rate.limit.failures")
                .description("Rate-limit calls to Redis that failed or timed out").register(registry);
        this.fallbacks = Counter.builder("rate.limit.fallback")
                .description("Rate-limit decisions made by this node alone because Redis was unavailable").register(registry);
    }

    /** Permits taken from Redis at once for a bucket of this limit. */
    static long batchSize(int requestsPerMinute) {
        return requestsPerMinute < EXACT_BELOW ? 1 : Math.min(MAX_BATCH, requestsPerMinute / 100);
    }

    @Override
    public RateLimitDecision acquire(String bucket, int requestsPerMinute) {
        Lease lease = leases.computeIfAbsent(bucket, name -> new Lease());
        lease.lock.lock();
        try {
            long now = System.nanoTime();
            RateLimitDecision fromLease = lease.take(requestsPerMinute, now);
            if (fromLease != null) {
                return fromLease;
            }
            if (now - localUntil < 0) {
                return countLocally(bucket, requestsPerMinute);
            }
            long wanted = batchSize(requestsPerMinute);
            RedisRateLimiter.Reservation reservation;
            try {
                redisCalls.increment();
                reservation = counters.reserveAsync(bucket, requestsPerMinute, wanted)
                        .toCompletableFuture().get(REDIS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return countLocally(bucket, requestsPerMinute);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                localUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(REDIS_PAUSE_SECONDS);
                failures.increment();
                logThrottled(e);
                return countLocally(bucket, requestsPerMinute);
            }
            lease.renew(reservation, requestsPerMinute, wanted, System.nanoTime());
            RateLimitDecision fresh = lease.take(requestsPerMinute, System.nanoTime());
            // Null only when Redis answered as its window ended; the permit was granted for that window.
            return fresh != null ? fresh : new RateLimitDecision(reservation.granted() > 0, requestsPerMinute,
                    Math.max(0, requestsPerMinute - reservation.counted()), reservation.untilWindowEnd());
        } finally {
            lease.lock.unlock();
            if (leases.size() > SWEEP_ABOVE) {
                long now = System.nanoTime();
                leases.values().removeIf(old -> old.endedBefore(now));
            }
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

    /** The permits this node holds for one bucket's current window; guarded by its lock. */
    private static final class Lease {
        final ReentrantLock lock = new ReentrantLock();
        private int limit;
        /** When the window ends, by this node's System.nanoTime. */
        private volatile long windowEnd = System.nanoTime();
        private long available;
        /** Requests counted cluster-wide when the permits were taken, those permits included. */
        private long counted;
        /** Redis had no more permits for this window. */
        private boolean usedUp;

        /** The decision from permits in hand, or null when Redis must be asked (none left, new window, other limit). */
        RateLimitDecision take(int requestsPerMinute, long now) {
            if (limit != requestsPerMinute || now - windowEnd >= 0) {
                return null;
            }
            Duration resetAfter = Duration.ofNanos(windowEnd - now);
            if (available > 0) {
                available--;
                return new RateLimitDecision(true, limit, Math.max(0, limit - counted + available), resetAfter);
            }
            return usedUp ? new RateLimitDecision(false, limit, 0, resetAfter) : null;
        }

        void renew(RedisRateLimiter.Reservation reservation, int requestsPerMinute, long wanted, long now) {
            limit = requestsPerMinute;
            windowEnd = now + reservation.untilWindowEnd().toNanos();
            available = reservation.granted();
            counted = reservation.counted();
            usedUp = reservation.granted() < wanted;
        }

        boolean endedBefore(long now) {
            return now - windowEnd >= 0;
        }
    }

    /** Fixed windows counted in this process's memory, the fallback while Redis is unavailable. */
    static final class LocalWindows {

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
