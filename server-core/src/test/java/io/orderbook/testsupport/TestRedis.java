package io.orderbook.testsupport;

import io.orderbook.adapters.redis.RedisConnector;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * A key prefix of its own on the shared test Redis, with a Redisson client that uses it; {@link #close()}
 * deletes the keys under the prefix and shuts the client down. Get one from {@link TestEngines#newRedis()}.
 */
public final class TestRedis implements AutoCloseable {

    /** Deletes every key matching any pattern in ARGV; SCAN keeps the server responsive even with many keys. */
    private static final String DELETE_MATCHING = """
            local deleted = 0
            for _, pattern in ipairs(ARGV) do
                local cursor = '0'
                repeat
                    local reply = redis.call('SCAN', cursor, 'MATCH', pattern, 'COUNT', 1000)
                    cursor = reply[1]
                    for _, key in ipairs(reply[2]) do
                        deleted = deleted + redis.call('DEL', key)
                    end
                until cursor == '0'
            end
            return deleted
            """;

    private final URI url;
    private final String keyPrefix;
    private RedissonClient client;

    TestRedis(URI url, String keyPrefix) {
        this.url = url;
        this.keyPrefix = keyPrefix;
    }

    public URI url() {
        return url;
    }

    /** The prefix every key of this test starts with, e.g. {@code test-5f3a9c1e27:}. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** A client whose object names all start with {@link #keyPrefix()}, created on first call. */
    public synchronized RedissonClient client() {
        if (client == null) {
            client = RedisConnector.connect(url.toString(), keyPrefix);
        }
        return client;
    }

    /**
     * Deletes this test's keys; returns how many. Redisson derives some keys from a name inside a hash tag
     * ({@code {prefix:limiter}:value}), so those start with a brace.
     */
    public long deleteKeys() {
        return client().getScript().eval(RScript.Mode.READ_WRITE, DELETE_MATCHING, RScript.ReturnType.LONG,
                List.of(), keyPrefix + "*", "{" + keyPrefix + "*");
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                deleteKeys();
            } finally {
                // No quiet period: nothing else uses this client, and the default one costs seconds per test.
                client.shutdown(0, 2, TimeUnit.SECONDS);
                client = null;
            }
        }
    }
}
