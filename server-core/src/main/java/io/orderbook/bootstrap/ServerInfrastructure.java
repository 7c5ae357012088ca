package io.orderbook.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderbook.adapters.persistence.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RedissonClient;

/**
 * What {@link ServerCore} has started and lends to the modules plugged into it: the configuration, the
 * database, Redis, the metrics registry, the clock and the server's secrets. The core owns and closes all
 * of it; modules must not close them.
 */
public final class ServerInfrastructure {

    private final ServerConfig config;
    private final Database database;
    private final RedissonClient redisson;
    private final PrometheusMeterRegistry meterRegistry;
    private final Clock clock;
    private final GeneratedSecrets secrets;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    ServerInfrastructure(ServerConfig config, Database database, RedissonClient redisson,
                         PrometheusMeterRegistry meterRegistry, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.database = Objects.requireNonNull(database, "database");
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = new GeneratedSecrets(config.dataDir());
    }

    public ServerConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    /** The Redisson client; its object names are prefixed so several clusters can share one Redis. */
    public RedissonClient redisson() {
        return redisson;
    }

    /** The registry behind {@code /api/v1/metrics}. */
    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    public Clock clock() {
        return clock;
    }

    /** The configured master key, or the one generated into {@code DATA_DIR/secrets} on first use. */
    public Secret masterKey() {
        return secrets.masterKey(config);
    }

    /** The configured JWT signing secret, or the one generated into {@code DATA_DIR/secrets} on first use. */
    public Secret jwtSecret() {
        return secrets.jwtSecret(config);
    }

    /**
     * Publishes a module's service so that code embedding the server (the workstation's in-process client) can
     * call it directly instead of going through HTTP. One instance per type; a second one replaces the first.
     */
    public <T> void provide(Class<T> type, T service) {
        services.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(service, "service"));
    }

    /** A service published with {@link #provide}, if a module published one of that type. */
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }
}
