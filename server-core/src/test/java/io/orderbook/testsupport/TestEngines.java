package io.orderbook.testsupport;

import io.orderbook.adapters.persistence.DatabaseTarget;
import io.orderbook.bootstrap.embedded.EmbeddedPostgres;
import io.orderbook.bootstrap.embedded.EmbeddedRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL and Redis servers tests run against, started at most once per test JVM and shared by all
 * test classes; each class gets its own database and its own Redis key prefix, so classes never see each
 * other's data.
 *
 * <pre>{@code
 * class ApiKeyServiceTest {
 *     @AutoClose static final TestDatabase db = TestEngines.newDatabase(); // migrated; dropped after the class
 *     @AutoClose static final TestRedis redis = TestEngines.newRedis();    // keys deleted after the class
 *     ...  new ApiKeyRepository(db.database(), clock)  ...  redis.client().getBucket("x")  ...
 * }
 * }</pre>
 *
 * <p>Which servers: PostgreSQL on 127.0.0.1:5432 (user {@code postgres}, trust authentication) and Redis on
 * 127.0.0.1:6379 when they answer, else embedded ones started on first use and stopped at JVM exit. The
 * system properties {@code obw.test.postgres} and {@code obw.test.redis} override this: {@code embedded}
 * always starts an embedded server, {@code host:port} tries that address first
 * (e.g. {@code mvn verify -Dobw.test.postgres=embedded -Dobw.test.redis=embedded}).
 */
public final class TestEngines {

    private static final Logger LOG = LoggerFactory.getLogger(TestEngines.class);

    static final String DATABASE_NAME_PREFIX = "obw_test_";
    /** Databases this old were left by a crashed test JVM; younger ones may belong to a run in progress. */
    private static final Duration STALE_DATABASE_AGE = Duration.ofHours(6);
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    /** Small pools: the local server is shared with other test runs and has about 100 connections in all. */
    private static final int TEST_POOL_SIZE = 4;

    private static PostgresServer postgres;
    /** Dropped at JVM exit if a test forgot to close them, so the shared local server does not fill up. */
    private static final Set<TestDatabase> UNCLOSED = ConcurrentHashMap.newKeySet();
    private static URI redisUrl;

    private TestEngines() {
    }

    /** A new database with the schema migrated by Flyway and Hibernate started on it. */
    public static TestDatabase newDatabase() {
        TestDatabase database = newEmptyDatabase();
        database.database();
        return database;
    }

    /** A new, empty database: nothing migrated until {@link TestDatabase#database()} is first called. */
    public static TestDatabase newEmptyDatabase() {
        PostgresServer server = postgres();
        String name = DATABASE_NAME_PREFIX + Instant.now().getEpochSecond() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        server.execute("create database " + name);
        TestDatabase database = new TestDatabase(name, server.target(name),
                () -> server.execute("drop database if exists " + name + " with (force)"));
        UNCLOSED.add(database);
        return database;
    }

    /** A connection to the shared Redis under a key prefix no other test uses. */
    public static TestRedis newRedis() {
        return new TestRedis(redisUrl(), uniqueKeyPrefix());
    }

    /** The shared Redis server's URL, starting it if needed. */
    public static synchronized URI redisUrl() {
        if (redisUrl == null) {
            redisUrl = startRedis();
        }
        return redisUrl;
    }

    /** A Redis key prefix no other test uses, e.g. {@code test-5f3a9c1e27:}. */
    public static String uniqueKeyPrefix() {
        return "test-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL) + ":";
    }

    private static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = startPostgres();
            postgres.dropStaleDatabases();
            Runtime.getRuntime().addShutdownHook(new Thread(TestEngines::closeForgottenDatabases, "test-database-drop"));
        }
        return postgres;
    }

    private static void closeForgottenDatabases() {
        for (TestDatabase database : UNCLOSED) {
            try {
                database.close();
            } catch (RuntimeException e) {
                // The embedded server may already be stopping; its data directory goes away anyway.
            }
        }
    }

    private static PostgresServer startPostgres() {
        String choice = System.getProperty("obw.test.postgres", "auto").strip();
        if (!choice.equals("embedded")) {
            String address = choice.equals("auto") ? "127.0.0.1:5432" : choice;
            String adminUrl = "jdbc:postgresql://" + address + "/postgres";
            if (canLogIn(adminUrl)) {
                LOG.info("Tests use the PostgreSQL server at {}", address);
                return new PostgresServer(adminUrl, name -> DatabaseTarget.of(
                        "jdbc:postgresql://" + address + "/" + name, Optional.of("postgres"), Optional.empty())
                        .withPoolSize(TEST_POOL_SIZE));
            }
            LOG.info("No PostgreSQL answers at {} as postgres without a password; starting an embedded one", address);
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
        LOG.info("Tests use embedded PostgreSQL on port {}", embedded.port());
        return new PostgresServer(embedded.jdbcUrl("postgres"), name -> embedded.target(name).withPoolSize(TEST_POOL_SIZE));
    }

    private static boolean canLogIn(String adminUrl) {
        try (Connection connection = DriverManager.getConnection(adminUrl, adminProperties())) {
            return connection.isValid(CONNECT_TIMEOUT_MILLIS / 1000);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Properties adminProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS / 1000));
        return properties;
    }

    private static URI startRedis() {
        String choice = System.getProperty("obw.test.redis", "auto").strip();
        if (!choice.equals("embedded")) {
            String address = choice.equals("auto") ? "127.0.0.1:6379" : choice;
            if (answersPing(address)) {
                LOG.info("Tests use the Redis server at {}", address);
                return URI.create("redis://" + address);
            }
            LOG.info("No Redis answers at {} without a password; starting an embedded one", address);
        }
        EmbeddedRedis embedded = EmbeddedRedis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-redis-stop"));
        LOG.info("Tests use embedded Redis on port {}", embedded.port());
        return embedded.url();
    }

    /** Whether a Redis server that needs no password listens at {@code host:port}. */
    private static boolean answersPing(String address) {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                    CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The PostgreSQL server in use, reached as its superuser to create and drop test databases. */
    private record PostgresServer(String adminUrl, Function<String, DatabaseTarget> targets) {

        DatabaseTarget target(String database) {
            return targets.apply(database);
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl, adminProperties());
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database setup failed: " + sql, e);
            }
        }

        /** Drops test databases a crashed test JVM left behind long ago. */
        void dropStaleDatabases() {
            long staleBefore = Instant.now().minus(STALE_DATABASE_AGE).getEpochSecond();
            try (Connection connection = DriverManager.getConnection(adminUrl, adminProperties());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select datname from pg_database where datname like '" + DATABASE_NAME_PREFIX + "%'")) {
                List<String> stale = new ArrayList<>();
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (createdEpochSecond(name).filter(created -> created < staleBefore).isPresent()) {
                        stale.add(name);
                    }
                }
                for (String name : stale) {
                    LOG.info("Dropping stale test database {}", name);
                    execute("drop database if exists " + name + " with (force)");
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Could not drop stale test databases", e);
            }
        }

        private static Optional<Long> createdEpochSecond(String name) {
            String[] parts = name.substring(DATABASE_NAME_PREFIX.length()).split("_");
            try {
                return Optional.of(Long.parseLong(parts[0]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
