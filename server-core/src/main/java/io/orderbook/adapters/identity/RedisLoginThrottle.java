package io.orderbook.adapters.identity;

import io.orderbook.application.auth.LoginThrottle;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Failed-login counters in Redis, shared by every node: one per username (lower-cased, known or not) and
 * one per client address, each counting failures in a fixed window that starts with its first failure.
 * Reaching the limit on either blocks logins until that window ends.
 */
public final class RedisLoginThrottle implements LoginThrottle {

    private static final String READ = """
            local user = tonumber(redis.call('GET', KEYS[1]) or '0')
            local address = tonumber(redis.call('GET', KEYS[2]) or '0')
            return {user, redis.call('PTTL', KEYS[1]), address, redis.call('PTTL', KEYS[2])}
            """;
    // The expiry is set whenever a counter has none, so a counter can never be left without one.
    private static final String COUNT_FAILURE = """
            for _, key in ipairs(KEYS) do
                redis.call('INCR', key)
                if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
            end
            return 1
            """;

    private final RedissonClient redisson;
    private final RScript script;
    private final int maxFailuresPerUsername;
    private final int maxFailuresPerAddress;
    private final Duration window;

    /**
     * A throttle whose counters every node shares.
     *
     * @param redisson               the Redis client the nodes share
     * @param maxFailuresPerUsername failures after which a username is blocked for the rest of the window
     * @param maxFailuresPerAddress  failures after which a client address is blocked for the rest of the window
     * @param window                 how long failures are counted, from the first one
     * @throws IllegalArgumentException if a limit is less than 1 or the window shorter than 1 ms
     */
    public RedisLoginThrottle(RedissonClient redisson, int maxFailuresPerUsername, int maxFailuresPerAddress, Duration window) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.script = redisson.getScript(StringCodec.INSTANCE);
        if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1) throw new IllegalArgumentException("limits must be >= 1");
        if (window.toMillis() < 1) throw new IllegalArgumentException("window must be at least 1 ms");
        this.maxFailuresPerUsername = maxFailuresPerUsername;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
    }

    @Override
    public Optional<Duration> blockedFor(String username, String clientIp) {
        List<Long> counts = script.eval(RScript.Mode.READ_ONLY, READ, RScript.ReturnType.LIST,
                List.of(userKey(username), addressKey(clientIp)));
        long blockedMillis = 0;
        if (counts.get(0) >= maxFailuresPerUsername) blockedMillis = Math.max(blockedMillis, remaining(counts.get(1)));
        if (counts.get(2) >= maxFailuresPerAddress) blockedMillis = Math.max(blockedMillis, remaining(counts.get(3)));
        return blockedMillis > 0 ? Optional.of(Duration.ofMillis(blockedMillis)) : Optional.empty();
    }

    @Override
    public void recordFailure(String username, String clientIp) {
        script.eval(RScript.Mode.READ_WRITE, COUNT_FAILURE, RScript.ReturnType.LONG,
                List.of(userKey(username), addressKey(clientIp)), Long.toString(window.toMillis()));
    }

    @Override
    public void recordSuccess(String username) {
        redisson.getBucket(userKey(username)).delete();
    }

    // A counter whose key vanished between the reads has no time left; one without expiry blocks a whole window.
    private long remaining(long pttl) {
        if (pttl == -2) return 0;
        return pttl < 0 ? window.toMillis() : pttl;
    }

    private static String userKey(String username) {
        return "login-failures:user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String clientIp) {
        return "login-failures:ip:" + (clientIp == null ? "unknown" : clientIp);
    }
}
