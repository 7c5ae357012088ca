package io.orderbook.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC work on a pooled connection of the {@link Database}, with SQL failures turned unchecked. */
public final class Jdbc {

    private Jdbc() {
    }

    /**
     * Work on a connection.
     *
     * @param <T> what the work returns
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection a connection, to use only until this returns
         * @return the work's result
         * @throws SQLException if a statement fails; the caller rethrows it unchecked
         */
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs work on a connection in auto-commit mode.
     *
     * @param <T>      what the work returns
     * @param database the database to take a connection from
     * @param work     the work
     * @return the work's result
     * @throws IllegalStateException if the work or the connection fails with an {@link SQLException}
     */
    public static <T> T query(Database database, Work<T> work) {
        return query(database.dataSource(), work);
    }

    /**
     * Runs work in auto-commit mode on a connection of {@code dataSource}, as {@link #query(Database, Work)}.
     *
     * @param <T>        what the work returns
     * @param dataSource where to take the connection from
     * @param work       the work
     * @return the work's result
     * @throws IllegalStateException if the work or the connection fails with an {@link SQLException}
     */
    public static <T> T query(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database work failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs work in one transaction, committed when it returns and rolled back when it throws.
     *
     * @param <T>      what the work returns
     * @param database the database to take a connection from
     * @param work     the work
     * @return the work's result
     * @throws IllegalStateException if the work or the connection fails with an {@link SQLException}
     */
    public static <T> T inTransaction(Database database, Work<T> work) {
        return inTransaction(database.dataSource(), work);
    }

    /**
     * Runs work in one transaction on a connection of {@code dataSource}, as {@link #inTransaction(Database, Work)}.
     *
     * @param <T>        what the work returns
     * @param dataSource where to take the connection from
     * @param work       the work
     * @return the work's result
     * @throws IllegalStateException if the work or the connection fails with an {@link SQLException}
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database work failed: " + e.getMessage(), e);
        }
    }
}
