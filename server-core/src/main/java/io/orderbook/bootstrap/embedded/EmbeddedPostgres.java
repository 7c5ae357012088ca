package io.orderbook.bootstrap.embedded;

import io.orderbook.adapters.persistence.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process (zonky's bundled binaries), for running with nothing installed.
 * It listens on localhost on a free port, trusts local connections as the {@code postgres} superuser, and
 * stops on {@link #close()} (or at JVM exit).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server whose data lives in {@code dataDirectory} and is kept between runs; the directory is
     * initialised on first start.
     *
     * @param dataDirectory where the data lives; created if missing
     * @return the running server
     * @throws java.io.UncheckedIOException if the directory cannot be created or the server does not start
     */
    public static EmbeddedPostgres start(Path dataDirectory) {
        return start(dataDirectory, true);
    }

    /**
     * Like {@link #start(Path)}; with {@code stopAtJvmExit} false the library registers no shutdown hook of
     * its own, for an owner whose own hook closes everything in order (JVM hooks run concurrently, so the
     * library's could stop the database while the owner still writes to it).
     *
     * @param dataDirectory where the data lives; created if missing
     * @param stopAtJvmExit whether the library stops the server at JVM exit
     * @return the running server
     * @throws java.io.UncheckedIOException if the directory cannot be created or the server does not start
     */
    public static EmbeddedPostgres start(Path dataDirectory, boolean stopAtJvmExit) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
            return start(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopAtJvmExit));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create PostgreSQL data directory " + dataDirectory, e);
        }
    }

    /**
     * Starts a throwaway server for tests: data in a temporary directory deleted on close, and durability
     * switched off (no fsync) because nothing needs to survive a crash.
     *
     * @return the running server
     * @throws java.io.UncheckedIOException if the server does not start
     */
    public static EmbeddedPostgres startTemporary() {
        return start(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off"));
    }

    private static EmbeddedPostgres start(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = new EmbeddedPostgres(builder
                    .setServerConfig("max_connections", "200")
                    .start());
            LOG.info("Embedded PostgreSQL started on port {} in {} ms", postgres.port(),
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * The port the server listens on, on localhost.
     *
     * @return the port
     */
    public int port() {
        return server.getPort();
    }

    /**
     * A JDBC URL of one database on this server, as the superuser.
     *
     * @param database the database's name
     * @return {@code jdbc:postgresql://localhost:<port>/<database>}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Where the persistence adapter connects to reach {@code database} on this server.
     *
     * @param database the database's name
     * @return the target, as the superuser without a password
     */
    public DatabaseTarget target(String database) {
        return DatabaseTarget.of(jdbcUrl(database), Optional.of(SUPERUSER), Optional.empty());
    }

    /**
     * Creates a database unless it exists; names are lower-case letters, digits and underscores.
     *
     * @param name the database's name
     * @throws IllegalArgumentException if the name is not lower-case letters, digits and underscores (at most 63)
     * @throws IllegalStateException    if the server refuses to create it
     */
    public void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name); // name checked above; DDL takes no parameters
            }
            LOG.info("Created database {}", name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on embedded PostgreSQL", e);
        }
    }

    /** Stops the server (a fast shutdown: open transactions roll back, committed data is kept). */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}
