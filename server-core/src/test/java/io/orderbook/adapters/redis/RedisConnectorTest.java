package io.orderbook.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RMap;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RScript;
import org.redisson.api.RateType;

class RedisConnectorTest {

    @AutoClose
    final TestRedis first = TestEngines.newRedis();
    @AutoClose
    final TestRedis second = TestEngines.newRedis();

    @Test
    void connectsAndStoresPlainStrings() {
        first.client().getBucket("last-price:BTC-EUR").set("64123.50");

        assertThat(first.client().<String>getBucket("last-price:BTC-EUR").get()).isEqualTo("64123.50");
        assertThat(rawGet(first.keyPrefix() + "last-price:BTC-EUR")).isEqualTo("64123.50");
    }

    @Test
    void theSameNameUnderTwoPrefixesIsTwoKeys() {
        first.client().getBucket("shared-name").set("first");
        second.client().getBucket("shared-name").set("second");

        assertThat(first.client().<String>getBucket("shared-name").get()).isEqualTo("first");
        assertThat(second.client().<String>getBucket("shared-name").get()).isEqualTo("second");
        assertThat(rawGet(first.keyPrefix() + "shared-name")).isEqualTo("first");
        assertThat(rawGet(second.keyPrefix() + "shared-name")).isEqualTo("second");
        assertThat(rawExists("shared-name")).isFalse();
    }

    @Test
    void mapsRateLimitersAndLocksLiveUnderThePrefixToo() throws InterruptedException {
        // Names unique to this run, so the raw KEYS lookups below cannot see another run's keys.
        String unique = Long.toHexString(System.nanoTime());
        RMap<String, String> map = first.client().getMap("api-key-cache-" + unique);
        map.put("obw_abc", "{\"scope\":\"READ_ONLY\"}");
        RRateLimiter limiter = first.client().getRateLimiter("limit:key-" + unique);
        limiter.trySetRate(RateType.OVERALL, 2, Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        RLock lock = first.client().getLock("job:retention-" + unique);
        assertThat(lock.tryLock(0, 5, TimeUnit.SECONDS)).isTrue();

        List<String> keys = keysMatching("*" + unique + "*");
        // Redisson derives some keys inside a hash tag: {prefix:limit:key-...}:value
        assertThat(keys).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(key -> assertThat(key).satisfiesAnyOf(
                        k -> assertThat(k).startsWith(first.keyPrefix()),
                        k -> assertThat(k).startsWith("{" + first.keyPrefix())));
        // The second prefix sees none of it.
        RRateLimiter sameNameElsewhere = second.client().getRateLimiter("limit:key-" + unique);
        assertThat(sameNameElsewhere.isExists()).isFalse();
        sameNameElsewhere.trySetRate(RateType.OVERALL, 2, Duration.ofMinutes(1));
        assertThat(sameNameElsewhere.tryAcquire()).isTrue();
        assertThat(second.client().getMap("api-key-cache-" + unique).isExists()).isFalse();
        lock.unlock();
    }

    @Test
    void closingATestRedisDeletesItsKeysOnly() {
        first.client().getBucket("to-delete").set("x");
        second.client().getBucket("to-keep").set("y");

        assertThat(first.deleteKeys()).isEqualTo(1);

        assertThat(rawExists(first.keyPrefix() + "to-delete")).isFalse();
        assertThat(rawExists(second.keyPrefix() + "to-keep")).isTrue();
    }

    @Test
    void deleteKeysAlsoRemovesKeysRedissonPutInsideAHashTag() {
        String name = "limit:cleanup-" + Long.toHexString(System.nanoTime());
        RRateLimiter limiter = first.client().getRateLimiter(name);
        limiter.trySetRate(RateType.OVERALL, 5, Duration.ofMinutes(1));
        limiter.tryAcquire();
        assertThat(keysMatching("*" + name + "*")).isNotEmpty();

        first.deleteKeys();

        assertThat(keysMatching("*" + name + "*")).isEmpty();
    }

    @Test
    void rejectsAPrefixThatCouldActAsAPattern() {
        assertThatThrownBy(() -> RedisConnector.connect(TestEngines.redisUrl().toString(), "bad*prefix"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisConnector.connect(TestEngines.redisUrl().toString(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Raw commands through a script: keys passed in ARGV bypass the client's prefix.
    private String rawGet(String key) {
        return second.client().getScript().eval(RScript.Mode.READ_ONLY, "return redis.call('GET', ARGV[1])",
                RScript.ReturnType.VALUE, List.of(), key);
    }

    private boolean rawExists(String key) {
        Long exists = second.client().getScript().eval(RScript.Mode.READ_ONLY, "return redis.call('EXISTS', ARGV[1])",
                RScript.ReturnType.LONG, List.of(), key);
        return exists == 1;
    }

    /** Keys under any prefix except the second client's. */
    private List<String> keysMatching(String pattern) {
        List<String> keys = second.client().getScript().eval(RScript.Mode.READ_ONLY,
                "return redis.call('KEYS', ARGV[1])", RScript.ReturnType.LIST, List.of(), pattern);
        return keys.stream()
                .filter(key -> !key.startsWith(second.keyPrefix()) && !key.startsWith("{" + second.keyPrefix()))
                .toList();
    }
}
