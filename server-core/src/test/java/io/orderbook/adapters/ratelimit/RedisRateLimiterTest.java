package io.orderbook.adapters.ratelimit;

import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisRateLimiterTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @AutoClose
    final TestRedis redis = TestEngines.newRedis();

    @Test
    void countsDownRemainingAndRefusesOverTheLimitWithRetryAfter() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.client(), redis.keyPrefix(), HOUR);

        RedisRateLimiter.Decision first = limiter.acquire("key:1", 3);
        RedisRateLimiter.Decision second = limiter.acquire("key:1", 3);
        RedisRateLimiter.Decision third = limiter.acquire("key:1", 3);
        RedisRateLimiter.Decision refused = limiter.acquire("key:1", 3);

        assertThat(List.of(first.remaining(), second.remaining(), third.remaining())).containsExactly(2L, 1L, 0L);
        assertThat(first.allowed() && second.allowed() && third.allowed()).isTrue();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.limit()).isEqualTo(3);
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(HOUR);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 3600L);
        assertThat(refused.resetAt()).isEqualTo(first.resetAt());
    }

    @Test
    void subjectsAreCountedSeparately() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.client(), redis.keyPrefix(), HOUR);
        assertThat(limiter.acquire("key:1", 1).allowed()).isTrue();
        assertThat(limiter.acquire("key:1", 1).allowed()).isFalse();
        assertThat(limiter.acquire("key:2", 1).allowed()).isTrue();
        assertThat(limiter.acquire("ip:127.0.0.1", 1).allowed()).isTrue();
    }

    @Test
    void aNewWindowStartsTheCountAgain() throws InterruptedException {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.client(), redis.keyPrefix(), Duration.ofMillis(200));
        RedisRateLimiter.Decision used = limiter.acquire("key:1", 1);
        while (!limiter.acquire("key:1", 1).allowed()) {
            Thread.sleep(20);
        }
        assertThat(used.allowed()).isTrue();
    }

    @Test
    void theLimitIsExactAcrossTwoServerInstancesSharingOneRedis() throws Exception {
        RedissonClient secondInstance = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                String subject = "key:shared-" + attempt;
                List<RedisRateLimiter> instances = List.of(
                        new RedisRateLimiter(redis.client(), redis.keyPrefix(), HOUR),
                        new RedisRateLimiter(secondInstance, redis.keyPrefix(), HOUR));
                List<RedisRateLimiter.Decision> decisions = hammer(instances, subject, 50, 8, 25);
                // A window boundary during the run would legitimately allow more; then run again.
                if (decisions.stream().map(RedisRateLimiter.Decision::resetAt).distinct().count() > 1) {
                    continue;
                }
                assertThat(decisions).hasSize(200);
                assertThat(decisions.stream().filter(RedisRateLimiter.Decision::allowed).count()).isEqualTo(50);
                return;
            }
            throw new AssertionError("every attempt straddled a window boundary");
        } finally {
            secondInstance.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    @Test
    void rejectsANonPositiveLimit() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.client(), redis.keyPrefix(), HOUR);
        assertThatThrownBy(() -> limiter.acquire("key:1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<RedisRateLimiter.Decision> hammer(List<RedisRateLimiter> instances, String subject,
                                                           long limit, int threads, int requestsPerThread)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<RedisRateLimiter.Decision>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RedisRateLimiter limiter = instances.get(t % instances.size());
                futures.add(pool.submit(() -> {
                    List<RedisRateLimiter.Decision> mine = new ArrayList<>();
                    for (int i = 0; i < requestsPerThread; i++) {
                        mine.add(limiter.acquire(subject, limit));
                    }
                    return mine;
                }));
            }
            List<RedisRateLimiter.Decision> all = new ArrayList<>();
            for (Future<List<RedisRateLimiter.Decision>> future : futures) {
                all.addAll(future.get(30, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acquireAsyncLoadsTheScriptWhenRedisHasForgottenIt() throws Exception {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.client(), redis.keyPrefix(), HOUR);
        // SCRIPT FLUSH, as after a Redis restart: EVALSHA answers NOSCRIPT until the script is loaded again.
        redis.client().getScript().scriptFlush();

        RedisRateLimiter.Decision first = limiter.acquireAsync("key:1", 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
        RedisRateLimiter.Decision second = limiter.acquireAsync("key:1", 2).toCompletableFuture().get(5, TimeUnit.SECONDS);
        RedisRateLimiter.Decision refused = limiter.acquireAsync("key:1", 2).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(List.of(first.allowed(), second.allowed(), refused.allowed())).containsExactly(true, true, false);
        assertThat(limiter.acquire("key:1", 2).allowed()).isFalse();
    }
}
