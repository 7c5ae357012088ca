package io.orderbook.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();

    private final TestClock clock = TestClock.atFixedInstant();
    private final UserRepository users = new UserRepository(db.database(), clock);

    @Test
    void migrationCreatesTheApiSystemTables() throws SQLException {
        assertThat(tables()).contains("users", "refresh_tokens", "api_keys", "request_log", "flyway_schema_history");
        try (Connection connection = db.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, success from flyway_schema_history order by installed_rank")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("version")).isEqualTo("1");
            assertThat(rows.getBoolean("success")).isTrue();
        }
    }

    @Test
    void openingAnAlreadyMigratedDatabaseAppliesNothingAndValidates() {
        try (Database second = Database.open(db.target().withPoolSize(2))) {
            long count = second.inTransaction(session ->
                    session.createSelectionQuery("select count(*) from UserRow", Long.class).getSingleResult());
            assertThat(count).isNotNegative();
        }
    }

    @Test
    void hibernateRejectsASchemaThatDoesNotMatchTheEntities() throws SQLException {
        try (TestDatabase drifted = TestEngines.newEmptyDatabase()) {
            drifted.database().close(); // migrates
            try (Connection connection = java.sql.DriverManager.getConnection(drifted.target().jdbcUrl(), "postgres", null);
                 Statement statement = connection.createStatement()) {
                statement.execute("alter table api_keys drop column last_used_at");
            }
            assertThatThrownBy(() -> Database.open(drifted.target()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("last_used_at");
        }
    }

    @Test
    void journalConnectionsLookABatchUpByIndexEvenInAGenericPlanMadeOnAnEmptyTable() throws SQLException {
        String lookup = """
                prepare lookup(int8[], text[]) as
                update orders o set status = coalesce(v.status, o.status)
                from unnest($1, $2) as v(id, status) where o.id = v.id""";

        assertThat(genericPlan(db.database().journalDataSource(), lookup))
                .contains("Index Scan using orders_pkey").doesNotContain("Seq Scan");
        // What the journal's connections prevent: a plan that would scan the whole table once it has grown.
        assertThat(genericPlan(db.database().dataSource(), lookup)).contains("Seq Scan on orders");
    }

    private static String genericPlan(DataSource source, String prepareLookup) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
            statement.execute(prepareLookup);
            try (ResultSet rows = statement.executeQuery("explain execute lookup('{1}', '{OPEN}')")) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                statement.execute("deallocate lookup");
                statement.execute("reset plan_cache_mode");
            }
        }
    }

    @Test
    void nestedCallsJoinTheOuterTransactionAndRollBackTogether() {
        assertThatThrownBy(() -> db.database().runInTransaction(session -> {
            users.insert(new UserRow("joined-1", "hash", UserRole.TRADER, true));
            users.insert(new UserRow("joined-2", "hash", UserRole.TRADER, true));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(users.findByUsername("joined-1")).isEmpty();
        assertThat(users.findByUsername("joined-2")).isEmpty();
    }

    @Test
    void nestedCallsCommitWithTheOuterTransaction() {
        db.database().runInTransaction(session -> {
            users.insert(new UserRow("committed-1", "hash", UserRole.TRADER, true));
            users.insert(new UserRow("committed-2", "hash", UserRole.TRADER, true));
        });

        assertThat(users.findByUsername("committed-1")).isPresent();
        assertThat(users.findByUsername("committed-2")).isPresent();
    }

    @Test
    void aUniqueViolationInsideAnOuterTransactionSurfacesAsDuplicateKeyException() {
        users.insert(new UserRow("taken", "hash", UserRole.TRADER, true));

        assertThatThrownBy(() -> db.database().runInTransaction(session -> {
            users.insert(new UserRow("fresh", "hash", UserRole.TRADER, true));
            users.insert(new UserRow("TAKEN", "hash", UserRole.TRADER, true));
        })).isInstanceOfSatisfying(DuplicateKeyException.class,
                e -> assertThat(e.constraint()).isEqualTo(UserRepository.USERNAME_CONSTRAINT));
        assertThat(users.findByUsername("fresh")).isEmpty();
    }

    @Test
    void theTransactionIsReleasedAfterAFailureSoTheThreadCanStartANewOne() {
        assertThatThrownBy(() -> db.database().runInTransaction(session -> {
            throw new IllegalArgumentException("first");
        })).hasMessage("first");

        UserRow stored = users.insert(new UserRow("after-failure", "hash", UserRole.ADMIN, true));
        assertThat(users.findById(stored.id())).isPresent();
    }

    @Test
    void openFailsClearlyWhenTheServerIsUnreachable() {
        DatabaseTarget nowhere = DatabaseTarget.of("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=1",
                java.util.Optional.of("postgres"), java.util.Optional.of("secret-password")).withStartupWait(Duration.ZERO);

        assertThatThrownBy(() -> Database.open(nowhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not open database jdbc:postgresql://127.0.0.1:1/nothing")
                .hasMessageNotContaining("secret-password");
    }

    private static List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = db.connection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
