package io.orderbook.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC work on a pooled connection of the {@link Database}, with SQL failures turned unchecked. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** The work on a connection in auto-commit mode. */
    public static <T> T query(Database database, Work<T> work) {
        try (Connection connection = database.dataSource().getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database work failed: " + e.getMessage(), e);
        }
    }

    /** The work in one transaction, committed when it returns and rolled back when it throws. */
    public static <T> T inTransaction(Database database, Work<T> work) {
        return inTransaction(database.dataSource(), work);
    }

    /** The work in one transaction on a connection of {@code dataSource}, as {@link #inTransaction(Database, Work)}. */
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
