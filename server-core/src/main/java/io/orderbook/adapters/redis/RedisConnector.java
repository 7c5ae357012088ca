package io.orderbook.adapters.redis;

import java.util.Objects;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/**
 * Connects Redisson to one Redis server. Every object name gets a key prefix (see {@link KeyPrefix}), and
 * values use {@link StringCodec}: they are plain UTF-8 strings, readable with {@code redis-cli} and by any
 * language, and callers serialise explicitly (e.g. JSON with Jackson). Unlike Redisson's default Kryo codec
 * this needs no reflective access into the JDK and cannot be made to instantiate arbitrary classes.
 */
public final class RedisConnector {

    /** The prefix servers use unless configured otherwise. */
    public static final String DEFAULT_KEY_PREFIX = "obw:";

    private RedisConnector() {
    }

    /**
     * Creates a client; the caller shuts it down ({@link RedissonClient#shutdown()}).
     *
     * @param url       {@code redis://[[user]:password@]host[:port][/database]}
     * @param keyPrefix prepended to every object name, 1 to 64 of {@code A-Z a-z 0-9 . _ : -}
     * @return a connected client
     * @throws IllegalArgumentException on a malformed URL or prefix
     * @throws org.redisson.client.RedisConnectionException if the server cannot be reached
     */
    public static RedissonClient connect(String url, String keyPrefix) {
        return connect(RedisEndpoint.parse(url), keyPrefix);
    }

    /**
     * Creates a client; see {@link #connect(String, String)}.
     *
     * @param endpoint  the server and credentials
     * @param keyPrefix prepended to every object name, 1 to 64 of {@code A-Z a-z 0-9 . _ : -}
     * @return a connected client
     * @throws IllegalArgumentException on a malformed prefix
     * @throws org.redisson.client.RedisConnectionException if the server cannot be reached
     */
    public static RedissonClient connect(RedisEndpoint endpoint, String keyPrefix) {
        return Redisson.create(config(endpoint, keyPrefix));
    }

    static Config config(RedisEndpoint endpoint, String keyPrefix) {
        Objects.requireNonNull(endpoint, "endpoint");
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setNameMapper(new KeyPrefix(keyPrefix));
        endpoint.user().ifPresent(config::setUsername);
        endpoint.password().ifPresent(config::setPassword);
        SingleServerConfig server = config.useSingleServer()
                .setAddress(endpoint.address())
                .setDatabase(endpoint.database())
                // Redisson opens 24 idle connections by default; a few suffice until load needs more.
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(32)
                .setSubscriptionConnectionMinimumIdleSize(1);
        server.setClientName("orderbook-server");
        return config;
    }
}
