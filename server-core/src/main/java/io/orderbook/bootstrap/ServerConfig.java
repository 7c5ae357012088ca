package io.orderbook.bootstrap;

import io.orderbook.adapters.redis.RedisEndpoint;
import io.orderbook.application.jobs.JobsModule;
import io.orderbook.bootstrap.demo.DemoSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How server-core is configured: from an optional properties file and environment variables, where an
 * environment variable wins over the file. Without {@code DATABASE_URL} or {@code REDIS_URL} the server
 * starts embedded engines under {@link #dataDir()}. Without {@code MASTER_KEY} or {@code JWT_SECRET} it
 * generates them once into {@link #dataDir()} (see {@link GeneratedSecrets}).
 *
 * <p>The file uses the same names as the environment ({@code HTTP_PORT=8080}) or their dotted lower-case
 * form ({@code http.port=8080}). {@link #toString()} redacts every secret.
 *
 * @param database                   an external PostgreSQL, or empty for the embedded one
 * @param redisUrl                   an external Redis ({@code redis://[[user]:password@]host[:port][/db]}),
 *                                   or empty for the embedded one
 * @param httpPort                   the HTTP port; 0 picks a free one
 * @param masterKey                  32 bytes that encrypt secrets the server must recover
 * @param jwtSecret                  the HMAC key signing access tokens, at least 32 bytes
 * @param firstAdmin                 the administrator to create when there are no users yet
 * @param dataDir                    where embedded engines and generated secrets keep their files
 * @param requestLogRetentionDays    how many days request log entries are kept
 * @param httpHost                   the interface HTTP binds to: {@code 127.0.0.1} (this machine only) or
 *                                   {@code 0.0.0.0} (every interface, to serve remote clients)
 * @param anonymousRequestsPerMinute the rate limit of each client address without credentials (also login)
 * @param userRequestsPerMinute      the rate limit of each user calling with a bearer token; API keys carry
 *                                   their own limit
 * @param jobs                       the scheduled jobs' cron schedules and retention settings
 * @param demo                       demo markets, users and market maker for a first run (off by default)
 * @param kafka                      the Kafka broker, topics and price simulator; without
 *                                   {@code KAFKA_BOOTSTRAP_SERVERS} the server runs its own broker under
 *                                   {@link #dataDir()}
 */
public record ServerConfig(Optional<ExternalDatabase> database, Optional<URI> redisUrl, int httpPort,
                           Optional<Secret> masterKey, Optional<Secret> jwtSecret, Optional<AdminAccount> firstAdmin,
                           Path dataDir, int requestLogRetentionDays, String httpHost, int anonymousRequestsPerMinute,
                           int userRequestsPerMinute, JobsModule.Settings jobs,
                           DemoSettings demo, KafkaSettings kafka) {

    public static final String CONFIG_FILE = "CONFIG_FILE";
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_USER = "DATABASE_USER";
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";
    public static final String REDIS_URL = "REDIS_URL";
    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String MASTER_KEY = "MASTER_KEY";
    public static final String JWT_SECRET = "JWT_SECRET";
    public static final String ADMIN_USERNAME = "ADMIN_USERNAME";
    public static final String ADMIN_PASSWORD = "ADMIN_PASSWORD";
    public static final String DATA_DIR = "DATA_DIR";
    public static final String REQUEST_LOG_RETENTION_DAYS = "REQUEST_LOG_RETENTION_DAYS";
    public static final String HTTP_HOST = "HTTP_HOST";
    public static final String RATE_LIMIT_ANONYMOUS_PER_MINUTE = "RATE_LIMIT_ANONYMOUS_PER_MINUTE";
    public static final String RATE_LIMIT_USER_PER_MINUTE = "RATE_LIMIT_USER_PER_MINUTE";
    public static final String IDEMPOTENCY_KEY_RETENTION_HOURS = "IDEMPOTENCY_KEY_RETENTION_HOURS";
    public static final String BOOK_SNAPSHOT_DEPTH = "BOOK_SNAPSHOT_DEPTH";
    public static final String BOOK_SNAPSHOT_RETENTION_DAYS = "BOOK_SNAPSHOT_RETENTION_DAYS";
    public static final String JOB_RUN_RETENTION_DAYS = "JOB_RUN_RETENTION_DAYS";
    /** Each job's schedule: {@code JOB_<NAME>_CRON}, e.g. {@code JOB_ORDER_EXPIRY_CRON}, by job name. */
    public static final Map<String, String> JOB_CRON_SETTINGS = jobCronSettings();
    /** The value of a {@code JOB_<NAME>_CRON} setting that disables the job. */
    public static final String JOB_DISABLED = "off";
    public static final String DEMO_DATA = "DEMO_DATA";
    public static final String DEMO_TRADER_USERNAME = "DEMO_TRADER_USERNAME";
    public static final String DEMO_TRADER_PASSWORD = "DEMO_TRADER_PASSWORD";
    public static final String DEMO_MAKER_REFRESH_MILLIS = "DEMO_MAKER_REFRESH_MILLIS";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String PRICE_TOPIC = "PRICE_TOPIC";
    public static final String PRICE_DEAD_LETTER_TOPIC = "PRICE_DEAD_LETTER_TOPIC";
    public static final String PRICE_CONSUMER_GROUP = "PRICE_CONSUMER_GROUP";
    public static final String PRICE_MAX_AGE = "PRICE_MAX_AGE";
    public static final String ORDER_EVENTS_TOPIC = "ORDER_EVENTS_TOPIC";
    public static final String TRADE_EVENTS_TOPIC = "TRADE_EVENTS_TOPIC";
    public static final String PRICE_SIMULATOR_ENABLED = "PRICE_SIMULATOR_ENABLED";
    public static final String PRICE_SIMULATOR_TOKENS = "PRICE_SIMULATOR_TOKENS";
    public static final String PRICE_SIMULATOR_EVENTS_PER_SECOND = "PRICE_SIMULATOR_EVENTS_PER_SECOND";

    /** Every setting the server reads; a file naming anything else is rejected, so typos do not go unnoticed. */
    public static final Set<String> SETTINGS = settings(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, REDIS_URL,
            HTTP_PORT, MASTER_KEY, JWT_SECRET, ADMIN_USERNAME, ADMIN_PASSWORD, DATA_DIR, REQUEST_LOG_RETENTION_DAYS,
            HTTP_HOST, RATE_LIMIT_ANONYMOUS_PER_MINUTE, RATE_LIMIT_USER_PER_MINUTE, IDEMPOTENCY_KEY_RETENTION_HOURS,
            BOOK_SNAPSHOT_DEPTH, BOOK_SNAPSHOT_RETENTION_DAYS, JOB_RUN_RETENTION_DAYS,
            DEMO_DATA, DEMO_TRADER_USERNAME, DEMO_TRADER_PASSWORD, DEMO_MAKER_REFRESH_MILLIS, KAFKA_BOOTSTRAP_SERVERS,
            PRICE_TOPIC, PRICE_DEAD_LETTER_TOPIC, PRICE_CONSUMER_GROUP, PRICE_MAX_AGE, ORDER_EVENTS_TOPIC,
            TRADE_EVENTS_TOPIC, PRICE_SIMULATOR_ENABLED, PRICE_SIMULATOR_TOKENS, PRICE_SIMULATOR_EVENTS_PER_SECOND);

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_REQUEST_LOG_RETENTION_DAYS = 30;
    /** Loopback only: an embedded or single-user server is not reachable from the network unless asked. */
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_ANONYMOUS_REQUESTS_PER_MINUTE = 60;
    public static final int DEFAULT_USER_REQUESTS_PER_MINUTE = 600;
    public static final int MASTER_KEY_BYTES = 32;
    /** HMAC-SHA256 needs a key of at least 256 bits. */
    public static final int MIN_JWT_SECRET_BYTES = 32;
    public static final int MIN_ADMIN_PASSWORD_LENGTH = 8;

    /**
     * Checks that every object component is present; the parser has validated the values.
     *
     * @throws NullPointerException if a component is null
     */
    public ServerConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(firstAdmin, "firstAdmin");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(kafka, "kafka");
    }

    private static Map<String, String> jobCronSettings() {
        Map<String, String> names = new TreeMap<>();
        for (String job : JobsModule.DEFAULT_SCHEDULES.keySet()) {
            names.put(job, "JOB_" + job.toUpperCase(Locale.ROOT).replace('-', '_') + "_CRON");
        }
        return Collections.unmodifiableMap(names);
    }

    private static Set<String> settings(String... names) {
        Set<String> all = new TreeSet<>(List.of(names));
        all.addAll(JOB_CRON_SETTINGS.values());
        return Collections.unmodifiableSet(all);
    }

    /**
     * Reads the file named by the {@code CONFIG_FILE} environment variable, if set, and the process
     * environment.
     *
     * @return the configuration
     * @throws ConfigurationException listing every invalid or inconsistent setting
     */
    static ServerConfig fromEnvironment() {
        Map<String, String> environment = System.getenv();
        Optional<Path> file = Optional.ofNullable(environment.get(CONFIG_FILE)).filter(s -> !s.isBlank()).map(Path::of);
        return load(file, environment);
    }

    /**
     * Reads an optional properties file, then lets {@code environment} override it.
     *
     * @param file        a properties file; it must exist when given
     * @param environment usually {@link System#getenv()}; entries that are not settings are ignored
     * @return the configuration
     * @throws ConfigurationException listing every invalid or inconsistent setting
     */
    public static ServerConfig load(Optional<Path> file, Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        if (file.isPresent()) {
            settings.putAll(readFile(file.get()));
        }
        environment.forEach((name, value) -> {
            // An empty variable (FOO= in a compose file) means "not set", not "set to nothing".
            if (SETTINGS.contains(name) && value != null && !value.isBlank()) {
                settings.put(name, value);
            }
        });
        return new ServerConfigParser(settings).parse();
    }

    /** The defaults: embedded engines, port 8080, generated secrets, data under the user's home. */
    static ServerConfig defaults() {
        return load(Optional.empty(), Map.of());
    }

    /** Whether the embedded PostgreSQL is used. */
    boolean usesEmbeddedDatabase() {
        return database.isEmpty();
    }

    /** Whether the embedded Redis is used. */
    boolean usesEmbeddedRedis() {
        return redisUrl.isEmpty();
    }

    /** Whether the server runs its own Kafka broker. */
    boolean usesEmbeddedKafka() {
        return kafka.usesEmbeddedBroker();
    }

    /** Where the embedded Kafka broker keeps its topics between runs. */
    Path embeddedKafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** Where the embedded PostgreSQL keeps its data between runs. */
    Path embeddedPostgresDir() {
        return dataDir.resolve("postgres");
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException(List.of("cannot read configuration file " + file + ": " + e.getMessage()));
        }
        Map<String, String> settings = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            String name = key.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            String value = properties.getProperty(key).strip();
            if (!SETTINGS.contains(name)) {
                unknown.add("unknown setting '" + key + "' in " + file + "; known settings: "
                        + String.join(", ", new TreeSet<>(SETTINGS)));
            } else if (!value.isEmpty()) {
                settings.put(name, value);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(unknown);
        }
        return settings;
    }

    @Override
    public String toString() {
        return "ServerConfig[database=" + database.map(Object::toString).orElse("<embedded>")
                + ", redisUrl=" + redisUrl.map(RedisEndpoint::redact).orElse("<embedded>")
                + ", httpPort=" + httpPort
                + ", masterKey=" + (masterKey.isPresent() ? "<redacted>" : "<generated>")
                + ", jwtSecret=" + (jwtSecret.isPresent() ? "<redacted>" : "<generated>")
                + ", firstAdmin=" + firstAdmin.map(Object::toString).orElse("<none>")
                + ", dataDir=" + dataDir
                + ", requestLogRetentionDays=" + requestLogRetentionDays
                + ", httpHost=" + httpHost
                + ", anonymousRequestsPerMinute=" + anonymousRequestsPerMinute
                + ", userRequestsPerMinute=" + userRequestsPerMinute
                + ", jobs=" + jobs
                + ", demo=" + demo
                + ", kafka=" + kafka.bootstrapServers().orElse("<embedded>")
                + ", priceTopic=" + kafka.priceTopic()
                + ", priceSimulator=" + (kafka.runsSimulator() ? "on" : "off") + "]";

    }
}
