package io.orderbook.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL database: a HikariCP pool, the schema migrated by Flyway, a Hibernate
 * {@link SessionFactory} that validates its mappings against that schema, and a small second pool for the
 * trading journal's group commits ({@link #journalDataSource()}).
 *
 * <p>Work runs in {@link #inTransaction(Function)}. A call made while another is running on the same
 * thread joins that transaction, so repository methods can be combined atomically:
 * <pre>{@code
 * database.inTransaction(session -> {
 *     users.update(user);
 *     refreshTokens.revokeAllOfUser(user.id(), now);
 *     return null;
 * });
 * }</pre>
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Every entity Hibernate maps; each one must match a table created by the migrations. */
    static final List<Class<?>> ENTITIES =
            List.of(UserRow.class, RefreshTokenRow.class, ApiKeyRow.class, RequestLogRow.class);

    private final HikariDataSource dataSource;
    private final HikariDataSource journalDataSource;
    private final StandardServiceRegistry registry;
    private final SessionFactory sessionFactory;
    /** The session of the transaction running on this thread, so nested calls join it. */
    private final ThreadLocal<Session> currentSession = new ThreadLocal<>();

    private Database(HikariDataSource dataSource, HikariDataSource journalDataSource, StandardServiceRegistry registry,
                     SessionFactory sessionFactory) {
        this.dataSource = dataSource;
        this.journalDataSource = journalDataSource;
        this.registry = registry;
        this.sessionFactory = sessionFactory;
    }

    /**
     * Opens the pool, applies pending migrations and starts Hibernate.
     *
     * @param target where the database is and how to log in
     * @return the open database; close it to release the pool
     * @throws IllegalStateException if the database cannot be reached, a migration fails or an entity
     *                               does not match the schema; nothing is left open in that case
     */
    public static Database open(DatabaseTarget target) {
        Objects.requireNonNull(target, "target");
        HikariDataSource dataSource = null;
        StandardServiceRegistry registry = null;
        try {
            dataSource = new HikariDataSource(poolConfig(target));
            migrate(dataSource);
            registry = new StandardServiceRegistryBuilder()
                    .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    // Flyway owns the schema; Hibernate only checks that the mappings agree with it.
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                    .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                    .applySetting(AvailableSettings.ORDER_INSERTS, true)
                    .applySetting(AvailableSettings.ORDER_UPDATES, true)
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            SessionFactory sessionFactory = sources.buildMetadata().buildSessionFactory();
            LOG.info("Database ready: {}", JdbcUrls.redact(target.jdbcUrl()));
            return new Database(dataSource, new HikariDataSource(journalPoolConfig(target)), registry, sessionFactory);
        } catch (RuntimeException e) {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            if (dataSource != null) {
                dataSource.close();
            }
            throw new IllegalStateException("Could not open database " + JdbcUrls.redact(target.jdbcUrl())
                    + ": " + e.getMessage(), e);
        }
    }

    private static HikariConfig poolConfig(DatabaseTarget target) {
        HikariConfig config = connectingTo(target, "orderbook-db");
        config.setMaximumPoolSize(target.poolSize());
        config.setMinimumIdle(Math.min(2, target.poolSize()));
        // Turns a JDBC batch of single-row INSERTs into multi-row INSERTs: several times faster for the request log.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Fail at start-up, after waiting a while for a database that is still starting, not on the first request.
        config.setInitializationFailTimeout(Math.max(1, target.startupWait().toMillis()));
        return config;
    }

    /**
     * The journal's pool: each statement is prepared on the server at its first use and keeps its generic plan, and
     * the planner may not choose sequential scans, hash or merge joins where an index serves. See
     * {@link #journalDataSource()}.
     */
    private static HikariConfig journalPoolConfig(DatabaseTarget target) {
        HikariConfig config = connectingTo(target, "orderbook-journal");
        // One sequencer writes and looks up; a second connection covers a caller on another thread.
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        // The main pool has just reached the database; this one connects in the background.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("options", "-c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off");
        return config;
    }

    /** A pool configuration that logs in to {@code target}, with nothing else set yet. */
    private static HikariConfig connectingTo(DatabaseTarget target, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(target.jdbcUrl());
        target.user().ifPresent(config::setUsername);
        target.password().ifPresent(config::setPassword);
        return config;
    }

    private static void migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} migration(s); schema now at version {}", result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    /**
     * Runs {@code work} in a transaction and returns its result. Commits when {@code work} returns, rolls
     * back when it throws. Joins the transaction already running on this thread, if any; then the outer
     * call commits or rolls back everything (an exception inside aborts the whole transaction).
     *
     * @param <T>  what the work returns
     * @param work the work, given the transaction's session
     * @return what {@code work} returned
     * @throws DuplicateKeyException when a unique constraint is violated
     * @throws StaleRowException when an update is based on an outdated copy of a versioned row
     */
    public <T> T inTransaction(Function<Session, T> work) {
        Objects.requireNonNull(work, "work");
        Session joined = currentSession.get();
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (RuntimeException e) {
                throw translate(e);
            }
        }
        try (Session session = sessionFactory.openSession()) {
            currentSession.set(session);
            Transaction transaction = session.beginTransaction();
            try {
                T result = work.apply(session);
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(transaction, e);
                throw translate(e);
            } catch (Error e) {
                rollbackQuietly(transaction, e);
                throw e;
            }
        } finally {
            currentSession.remove();
        }
    }

    /**
     * {@link #inTransaction(Function)} for work without a result.
     *
     * @param work the work, given the transaction's session
     * @throws DuplicateKeyException when a unique constraint is violated
     * @throws StaleRowException when an update is based on an outdated copy of a versioned row
     */
    public void runInTransaction(Consumer<Session> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /** {@return the pooled data source, for plain JDBC outside Hibernate (tests, tooling)} */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A small pool for the trading journal's group commits and its look-ups of client order ids and idempotency
     * keys: statements that join arrays of a batch ({@code unnest(?)}) to large tables, and run hundreds of times a
     * second. Its connections prepare each statement on the server at its first use and keep its generic plan, so a
     * batch is not parsed and planned again each time (at 2,000 orders/s that was a quarter of PostgreSQL's CPU).
     * A generic plan made while a table was small once joined it by a sequential scan and kept doing so as it grew
     * (the group commit read 51.7 million rows of {@code orders} in one 90 s load run); so on these connections the
     * planner may not choose sequential scans, hash or merge joins where an index serves, and every plan looks the
     * batch's rows up by index whatever the table's size when it was made. Not for queries that must scan.
     *
     * @return the journal's data source
     */
    public DataSource journalDataSource() {
        return journalDataSource;
    }

    /** Closes Hibernate and then the pools. */
    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            journalDataSource.close();
            dataSource.close();
        }
    }

    private static void rollbackQuietly(Transaction transaction, Throwable failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Turns failures callers are expected to handle into this package's exceptions: a unique-constraint
     * violation into {@link DuplicateKeyException}, a lost optimistic-locking race into {@link StaleRowException}.
     */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DuplicateKeyException || failure instanceof StaleRowException) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return new StaleRowException(failure);
            }
            if (cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                String named = jdbc instanceof ConstraintViolationException violation ? violation.getConstraintName() : null;
                return new DuplicateKeyException(named != null ? named : constraintOf(jdbc.getSQLException()), failure);
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return new DuplicateKeyException(constraintOf(sql), failure);
            }
        }
        return failure;
    }

    private static String constraintOf(SQLException exception) {
        if (exception instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return orUnknown(psql.getServerErrorMessage().getConstraint());
        }
        return "unknown";
    }

    private static String orUnknown(String constraint) {
        return constraint == null || constraint.isBlank() ? "unknown" : constraint;
    }
}
