package io.orderbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class TestEnginesTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();

    @Test
    void eachCallGetsItsOwnMigratedDatabaseWhichCloseDrops() throws SQLException {
        String name;
        try (TestDatabase other = TestEngines.newDatabase()) {
            name = other.name();
            assertThat(name).startsWith(TestEngines.DATABASE_NAME_PREFIX).isNotEqualTo(db.name());
            assertThat(databaseExists(name)).isTrue();
            try (Connection connection = other.connection();
                 ResultSet rows = connection.createStatement().executeQuery("select count(*) from users")) {
                assertThat(rows.next()).isTrue();
            }
        }
        assertThat(databaseExists(name)).isFalse();
    }

    @Test
    void eachRedisGetsItsOwnPrefix() {
        try (TestRedis first = TestEngines.newRedis(); TestRedis second = TestEngines.newRedis()) {
            assertThat(first.keyPrefix()).isNotEqualTo(second.keyPrefix()).startsWith("test-").endsWith(":");
            assertThat(first.url()).isEqualTo(second.url()).isEqualTo(TestEngines.redisUrl());
        }
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection connection = db.connection();
             PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
