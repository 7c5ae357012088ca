package io.orderbook.testsupport;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.DatabaseTarget;
import io.orderbook.bootstrap.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A database created for one test class on the shared test PostgreSQL; {@link #close()} drops it.
 * Get one from {@link TestEngines#newDatabase()}.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final DatabaseTarget target;
    private final Runnable drop;
    private Database database;
    private boolean closed;

    TestDatabase(String name, DatabaseTarget target, Runnable drop) {
        this.name = name;
        this.target = target;
        this.drop = drop;
    }

    /** The database's unique name, e.g. {@code obw_test_1767000000_1a2b3c4d}. */
    public String name() {
        return name;
    }

    /** Where to connect, e.g. to open a second {@link Database} on the same data. */
    public DatabaseTarget target() {
        return target;
    }

    /**
     * The environment of a server on this database and the tests' Redis, listening on a free port: a mutable
     * map, for the test to add its own settings to.
     */
    public Map<String, String> serverEnvironment(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put(ServerConfig.DATABASE_URL, target.jdbcUrl());
        env.put(ServerConfig.DATABASE_USER, target.user().orElseThrow());
        env.put(ServerConfig.REDIS_URL, TestEngines.redisUrl().toString());
        env.put(ServerConfig.HTTP_PORT, "0");
        env.put(ServerConfig.DATA_DIR, dataDir.toString());
        return env;
    }

    /** The migrated database with Hibernate started, opened on first call. */
    public synchronized Database database() {
        if (closed) {
            throw new IllegalStateException("test database " + name + " is closed");
        }
        if (database == null) {
            database = Database.open(target);
        }
        return database;
    }

    /** A plain JDBC connection from the pool, for checking what was written; close it after use. */
    public Connection connection() throws SQLException {
        return database().dataSource().getConnection();
    }

    /** Closes the pool and drops the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            drop.run();
        }
    }
}
