package io.orderbook.adapters.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.KeyScope;
import io.orderbook.adapters.http.pipeline.RateLimitDecision;
import io.orderbook.adapters.http.pipeline.RateLimitPolicy;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.testsupport.HttpTestClient;
import io.orderbook.testsupport.RateLimitWindows;
import io.orderbook.testsupport.TestAuthenticator;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Rate limits through HTTP, counted in Redis: headers, 429 with Retry-After, one exact count across two servers. */
class PerMinuteRateLimiterTest {

    private static final String KEY_OF_TEN = "obw_ten-per-minute";
    private static final String TOKEN = "user-token";

    private final TestRedis redis = TestEngines.newRedis();
    /** A second node's own connection to the same Redis and key prefix. */
    private RedissonClient secondNodeRedis;
    private HttpServer first;
    private HttpServer second;

    @BeforeEach
    void start() {
        secondNodeRedis = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        first = server(redis.client());
        second = server(secondNodeRedis);
    }

    @AfterEach
    void stop() {
        first.stop();
        second.stop();
        secondNodeRedis.shutdown(0, 2, TimeUnit.SECONDS);
        redis.close();
    }

    private static HttpServer server(RedissonClient redisson) {
        TestAuthenticator authenticator = new TestAuthenticator()
                .apiKey(KEY_OF_TEN, new Caller.ApiKey(1, Role.TRADER, 11, KeyScope.READ_ONLY, 10))
                .bearer(TOKEN, new Caller.User(2, Role.TRADER));
        return HttpServer.builder()
                .port(0)
                .authenticator(authenticator)
                .rateLimiter(new PerMinuteRateLimiter(redisson, new SimpleMeterRegistry()), new RateLimitPolicy(3, 5))
                .routes(routes -> routes
                        .get("/api/v1/things", Access.READ, ctx -> ctx.result("things"))
                        .get("/api/v1/open", Access.PUBLIC, ctx -> ctx.result("open")))
                .build()
                .start();
    }

    @Test
    void everyResponseCarriesTheLimitHeadersAndTheRemainderCountsDown() {
        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(5));
        HttpTestClient client = new HttpTestClient(first.port());
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = client.get("/api/v1/things", "X-API-Key", KEY_OF_TEN);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(10 - i));
            assertThat(Long.parseLong(response.headers().firstValue("X-RateLimit-Reset").orElseThrow())).isBetween(1L, 60L);
        }
        // A bearer user counts against the per-user limit, an anonymous caller against the per-address one.
        assertThat(client.get("/api/v1/things", "Authorization", "Bearer " + TOKEN).headers().firstValue("X-RateLimit-Limit")).hasValue("5");
        assertThat(client.get("/api/v1/open").headers().firstValue("X-RateLimit-Limit")).hasValue("3");
    }

    @Test
    void overTheLimitTheAnswerIs429WithRetryAfter() {
        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(5));
        HttpTestClient client = new HttpTestClient(first.port());
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/open").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = client.get("/api/v1/open");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(HttpTestClient.json(refused).get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("X-RateLimit-Reset")).hasValue(Long.toString(retryAfter));
        // Failed authentication counts against the address too, so guessing keys is throttled.
        assertThat(client.get("/api/v1/things", "X-API-Key", "obw_guess").statusCode()).isEqualTo(429);
    }

    @Test
    void theLimitIsExactAcrossTwoServersSharingOneRedis() throws Exception {
        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(15));
        HttpTestClient one = new HttpTestClient(first.port());
        HttpTestClient two = new HttpTestClient(second.port());
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                HttpTestClient client = i % 2 == 0 ? one : two;
                statuses.add(clients.submit(() -> client.get("/api/v1/things", "X-API-Key", KEY_OF_TEN).statusCode()));
            }
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) codes.add(status.get());

        assertThat(codes).filteredOn(code -> code == 200).hasSize(10);
        assertThat(codes).filteredOn(code -> code == 429).hasSize(30);
    }

    @Test
    void countersLiveUnderTheRedisKeyPrefix() {
        new PerMinuteRateLimiter(redis.client(), new SimpleMeterRegistry()).acquire("api-key:99", 5);
        assertThat(redis.deleteKeys()).isEqualTo(1);
    }

    @Test
    void whenRedisCannotBeAskedThisNodeCountsAloneAndDoesNotWaitForRedis() {
        RedissonClient closed = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        closed.shutdown(0, 1, TimeUnit.SECONDS);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PerMinuteRateLimiter limiter = new PerMinuteRateLimiter(closed, meters);
        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(3));

        long start = System.nanoTime();
        RateLimitDecision first = limiter.acquire("ip:127.0.0.1", 2);
        RateLimitDecision second = limiter.acquire("ip:127.0.0.1", 2);
        RateLimitDecision third = limiter.acquire("ip:127.0.0.1", 2);
        RateLimitDecision otherBucket = limiter.acquire("ip:127.0.0.2", 2);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(List.of(first.allowed(), second.allowed(), third.allowed(), otherBucket.allowed())).containsExactly(true, true, false, true);
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(third.resetAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        // Redis was asked once; the following decisions were local without waiting for it again.
        assertThat(meters.get("rate.limit.failures").counter().count()).isEqualTo(1);
        assertThat(meters.get("rate.limit.fallback").counter().count()).isEqualTo(4);
    }

    @Test
    void aDecisionMapsRedisFiguresOntoThePipelinesRecord() {
        PerMinuteRateLimiter limiter = new PerMinuteRateLimiter(redis.client(), new SimpleMeterRegistry());
        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(3));
        RateLimitDecision allowed = limiter.acquire("user:5", 1);
        RateLimitDecision refused = limiter.acquire("user:5", 1);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.remaining()).isZero();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(1);
        assertThat(refused.resetAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        // A limit raised mid-window applies at once, counted against what was already used.
        assertThat(limiter.acquire("user:5", 3).remaining()).isEqualTo(1);
    }

    @Test
    void smallLimitsAreCountedOneByOneLargeOnesInBatchesOfOnePercent() {
        assertThat(PerMinuteRateLimiter.batchSize(1)).isEqualTo(1);
        assertThat(PerMinuteRateLimiter.batchSize(99)).isEqualTo(1);
        assertThat(PerMinuteRateLimiter.batchSize(100)).isEqualTo(1);
        assertThat(PerMinuteRateLimiter.batchSize(600)).isEqualTo(6);
        assertThat(PerMinuteRateLimiter.batchSize(Integer.MAX_VALUE)).isEqualTo(PerMinuteRateLimiter.MAX_BATCH);
    }

    @Test
    void withBatchesTwoNodesTogetherNeverAdmitMoreThanTheLimitAndRarelyAskRedis() {
        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(15));
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        PerMinuteRateLimiter one = new PerMinuteRateLimiter(redis.client(), firstMeters);
        PerMinuteRateLimiter two = new PerMinuteRateLimiter(secondNodeRedis, secondMeters);

        int allowed = 0;
        long lastRemaining = Long.MAX_VALUE;
        for (int i = 0; i < 1_200; i++) {
            RateLimitDecision decision = (i % 2 == 0 ? one : two).acquire("api-key:7", 1_000);
            if (decision.allowed()) allowed++;
            if (i % 2 == 0) {
                assertThat(decision.remaining()).isLessThanOrEqualTo(lastRemaining);
                lastRemaining = decision.remaining();
            }
        }

        assertThat(allowed).isEqualTo(1_000);
        double redisCalls = firstMeters.get("rate.limit.redis.calls").counter().count()
                + secondMeters.get("rate.limit.redis.calls").counter().count();
        assertThat(redisCalls).isBetween(100.0, 104.0);
        assertThat(one.acquire("api-key:7", 1_000).allowed()).isFalse();
        // A raised limit applies at once, against what the window has used.
        assertThat(one.acquire("api-key:7", 1_100).allowed()).isTrue();
    }
}
