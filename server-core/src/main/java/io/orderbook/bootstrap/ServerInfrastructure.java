package io.orderbook.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderbook.adapters.persistence.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RedissonClient;

/**
 * What {@link ServerCore} has started and lends to the modules plugged into it: the configuration, the
 * database, Redis, Kafka, the metrics registry, the clock and the server's secrets. The core owns and closes all
 * of it; modules must not close them.
 */
public final class ServerInfrastructure {

    private final ServerConfig config;
    private final Database database;
    private final RedissonClient redisson;
    private final PrometheusMeterRegistry meterRegistry;
    private final Clock clock;
    private final GeneratedSecrets secrets;
    private final Supplier<String> kafka;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    ServerInfrastructure(ServerConfig config, Database database, RedissonClient redisson,
                         PrometheusMeterRegistry meterRegistry, Clock clock, Supplier<String> kafka) {
        this.config = Objects.requireNonNull(config, "config");
        this.database = Objects.requireNonNull(database, "database");
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = new GeneratedSecrets(config.dataDir());
        this.kafka = Objects.requireNonNull(kafka, "kafka");
    }

    /**
     * The Kafka cluster's {@code bootstrap.servers}: the configured one, or the server's own broker, started on the
     * first call (so a server whose modules do not use Kafka never starts one).
     *
     * @return {@code host:port[,host:port...]}
     */
    public String kafkaBootstrapServers() {
        return kafka.get();
    }

    /**
     * The server's configuration.
     *
     * @return the configuration the core was built with
     */
    public ServerConfig config() {
        return config;
    }

    /**
     * The migrated PostgreSQL database; the core closes it.
     *
     * @return the database
     */
    public Database database() {
        return database;
    }

    /**
     * The Redisson client; its object names are prefixed so several clusters can share one Redis.
     *
     * @return the client; the core shuts it down
     */
    public RedissonClient redisson() {
        return redisson;
    }

    /**
     * The registry behind {@code /api/v1/metrics}.
     *
     * @return the registry
     */
    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /**
     * The server's clock, for every module.
     *
     * @return the clock the core was built with
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The configured master key, or the one generated into {@code DATA_DIR/secrets} on first use.
     *
     * @return the 32-byte master key
     */
    public Secret masterKey() {
        return secrets.masterKey(config);
    }

    /**
     * The configured JWT signing secret, or the one generated into {@code DATA_DIR/secrets} on first use.
     *
     * @return the HMAC key for access tokens
     */
    public Secret jwtSecret() {
        return secrets.jwtSecret(config);
    }

    /**
     * Publishes a module's service so that code embedding the server (the workstation's in-process client) can
     * call it directly instead of going through HTTP. One instance per type; a second one replaces the first.
     *
     * @param <T>     the service's type
     * @param type    the type it is published and looked up under
     * @param service the service
     */
    public <T> void provide(Class<T> type, T service) {
        services.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(service, "service"));
    }

    /**
     * A service published with {@link #provide}, if a module published one of that type.
     *
     * @param <T>  the service's type
     * @param type the type it was published under
     * @return the service, or empty if none of that type was published
     */
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }
}
