package io.orderbook.adapters.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class RedisLoginThrottleTest {

    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    final RedisLoginThrottle throttle = new RedisLoginThrottle(redis.client(), 3, 5, Duration.ofSeconds(60));

    @Test
    void a_username_is_blocked_after_its_limit_of_failures_whatever_the_case_or_address() {
        for (int i = 0; i < 2; i++) throttle.recordFailure("Alice", "10.0.0." + i);
        assertThat(throttle.blockedFor("alice", "10.0.0.99")).isEmpty();

        throttle.recordFailure("ALICE", "10.0.0.3");

        assertThat(throttle.blockedFor("alice", "10.0.0.99")).hasValueSatisfying(
                left -> assertThat(left).isGreaterThan(Duration.ofSeconds(55)).isLessThanOrEqualTo(Duration.ofSeconds(60)));
        assertThat(throttle.blockedFor("bob", "10.0.0.99")).isEmpty();
    }

    @Test
    void an_address_is_blocked_after_its_limit_of_failures_whatever_the_usernames() {
        for (int i = 0; i < 5; i++) throttle.recordFailure("guess" + i, "10.1.0.1");

        assertThat(throttle.blockedFor("carol", "10.1.0.1")).isPresent();
        assertThat(throttle.blockedFor("carol", "10.1.0.2")).isEmpty();
    }

    @Test
    void success_clears_the_username_but_not_the_address() {
        for (int i = 0; i < 2; i++) throttle.recordFailure("dave", "10.2.0.1");
        throttle.recordSuccess("Dave");
        for (int i = 0; i < 2; i++) throttle.recordFailure("dave", "10.2.0.1");
        assertThat(throttle.blockedFor("dave", "10.2.0.2")).isEmpty();

        throttle.recordFailure("erin", "10.2.0.1");
        assertThat(throttle.blockedFor("frank", "10.2.0.1")).isPresent();
    }

    @Test
    void failures_are_forgotten_when_the_window_ends() throws InterruptedException {
        RedisLoginThrottle shortWindow = new RedisLoginThrottle(redis.client(), 1, 100, Duration.ofMillis(300));
        shortWindow.recordFailure("gina", "10.3.0.1");
        assertThat(shortWindow.blockedFor("gina", "10.3.0.1")).isPresent();

        Thread.sleep(400);

        assertThat(shortWindow.blockedFor("gina", "10.3.0.1")).isEmpty();
    }

    @Test
    void counters_are_shared_by_every_node_and_live_under_the_key_prefix() {
        RedissonClient otherNode = io.orderbook.adapters.redis.RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        try {
            RedisLoginThrottle other = new RedisLoginThrottle(otherNode, 3, 5, Duration.ofSeconds(60));
            throttle.recordFailure("hank", "10.4.0.1");
            other.recordFailure("hank", "10.4.0.2");
            throttle.recordFailure("hank", "10.4.0.3");

            assertThat(other.blockedFor("hank", "10.4.0.9")).isPresent();
            assertThat(redis.client().getKeys().getKeysByPattern("login-failures:*")).contains("login-failures:user:hank");
        } finally {
            otherNode.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
