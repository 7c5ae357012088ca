package io.orderbook.app;

import io.orderbook.app.client.EmbeddedEngine;
import io.orderbook.bootstrap.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ONE server of an app test run: a real server-core (all standalone modules) on a fresh database of the local
 * PostgreSQL and a key prefix of its own on the local Redis when they answer, else on embedded engines. Started on
 * first use, stopped (and its database dropped) when the test JVM exits. server-core's test support is not on the
 * app's test classpath, so this is the app's own small version of it.
 */
public final class TestServer {

    private static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String LOCAL_REDIS = "redis://127.0.0.1:6379";
    private static EmbeddedEngine engine;

    private TestServer() {
    }

    /** The engine, started on first call. */
    public static synchronized EmbeddedEngine engine() {
        if (engine == null) {
            engine = start();
        }
        return engine;
    }

    /** The running server. */
    public static EmbeddedServer server() {
        return engine().server();
    }

    private static EmbeddedEngine start() {
        try {
            Path dataDir = Files.createTempDirectory("app-test-server");
            Map<String, String> settings = new HashMap<>();
            String database = "app_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
            boolean localPostgres = execute("CREATE DATABASE " + database);
            if (localPostgres) {
                settings.put("DATABASE_URL", LOCAL_POSTGRES + database);
                settings.put("DATABASE_USER", "postgres");
            }
            settings.put("REDIS_URL", LOCAL_REDIS);
            // Tests log in often; the default anonymous limit (login) is meant for the open network.
            settings.put("RATE_LIMIT_ANONYMOUS_PER_MINUTE", "100000");
            settings.put("RATE_LIMIT_USER_PER_MINUTE", "1000000");
            String prefix = "apptest-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL) + ":";
            EmbeddedEngine started = new EmbeddedEngine(dataDir, settings, prefix);
            started.server();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                if (localPostgres) {
                    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }, "app-test-server-stop"));
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the test server's data directory", e);
        }
    }

    private static boolean execute(String sql) {
        try (Connection connection = DriverManager.getConnection(LOCAL_POSTGRES + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
