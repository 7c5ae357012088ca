package io.orderbook.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class UserRepositoryTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();

    private final TestClock clock = TestClock.atFixedInstant();
    private final UserRepository users = new UserRepository(db.database(), clock);

    @Test
    void insertAssignsIdAndTimestampsAndFindsTheUserBack() {
        UserRow stored = users.insert(new UserRow("insert-alice", "argon2-hash", UserRole.TRADER, true));

        assertThat(stored.id()).isPositive();
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(stored.updatedAt()).isEqualTo(clock.instant());
        UserRow found = users.findById(stored.id()).orElseThrow();
        assertThat(found.username()).isEqualTo("insert-alice");
        assertThat(found.passwordHash()).isEqualTo("argon2-hash");
        assertThat(found.role()).isEqualTo(UserRole.TRADER);
        assertThat(found.enabled()).isTrue();
        assertThat(found.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void findByUsernameIgnoresCase() {
        users.insert(new UserRow("Case-Bob", "hash", UserRole.ADMIN, true));

        assertThat(users.findByUsername("case-bob")).map(UserRow::username).contains("Case-Bob");
        assertThat(users.findByUsername("CASE-BOB")).isPresent();
        assertThat(users.findByUsername("case-bo")).isEmpty();
    }

    @Test
    void aUsernameTakenInAnyCaseIsADuplicate() {
        users.insert(new UserRow("dup-carol", "hash", UserRole.TRADER, true));

        assertThatThrownBy(() -> users.insert(new UserRow("DUP-Carol", "other", UserRole.TRADER, true)))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.constraint()).isEqualTo(UserRepository.USERNAME_CONSTRAINT));
    }

    @Test
    void updateWritesChangesAndTheUpdateTime() {
        UserRow stored = users.insert(new UserRow("update-dave", "old-hash", UserRole.TRADER, true));
        clock.advance(Duration.ofMinutes(5));

        users.update(stored.setEnabled(false).setRole(UserRole.ADMIN).setPasswordHash("new-hash").setUsername("update-david"));

        UserRow found = users.findById(stored.id()).orElseThrow();
        assertThat(found.enabled()).isFalse();
        assertThat(found.role()).isEqualTo(UserRole.ADMIN);
        assertThat(found.passwordHash()).isEqualTo("new-hash");
        assertThat(found.username()).isEqualTo("update-david");
        assertThat(found.updatedAt()).isEqualTo(clock.instant());
        assertThat(found.createdAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
    }

    @Test
    void anUpdateFromAStaleCopyIsRefusedSoItCannotUndoAConcurrentChange() {
        UserRow stored = users.insert(new UserRow("stale-hank", "hash", UserRole.TRADER, true));
        UserRow adminsCopy = users.findById(stored.id()).orElseThrow();
        UserRow otherCopy = users.findById(stored.id()).orElseThrow();

        UserRow disabled = users.update(adminsCopy.setEnabled(false));
        assertThat(disabled.version()).isEqualTo(stored.version() + 1);

        assertThatThrownBy(() -> users.update(otherCopy.setRole(UserRole.ADMIN)))
                .isInstanceOf(StaleRowException.class);
        UserRow found = users.findById(stored.id()).orElseThrow();
        assertThat(found.enabled()).isFalse();
        assertThat(found.role()).isEqualTo(UserRole.TRADER);
        users.update(found.setRole(UserRole.ADMIN)); // a fresh copy goes through
        assertThat(users.findById(stored.id()).orElseThrow().role()).isEqualTo(UserRole.ADMIN);
    }

    @Test
    void renamingToATakenNameIsADuplicate() {
        users.insert(new UserRow("rename-erin", "hash", UserRole.TRADER, true));
        UserRow frank = users.insert(new UserRow("rename-frank", "hash", UserRole.TRADER, true));

        assertThatThrownBy(() -> users.update(frank.setUsername("Rename-Erin")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users.findById(frank.id()).orElseThrow().username()).isEqualTo("rename-frank");
    }

    @Test
    void updatingAnUnknownUserFails() {
        UserRow neverStored = new UserRow("ghost", "hash", UserRole.TRADER, true);

        assertThatThrownBy(() -> users.update(neverStored)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listPagesThroughAllUsersInIdOrder() {
        for (int i = 0; i < 5; i++) {
            users.insert(new UserRow("page-user-" + i, "hash", UserRole.TRADER, true));
        }
        long total = users.list(PageRequest.first(1)).total();

        Page<UserRow> first = users.list(PageRequest.first(2));
        Page<UserRow> second = users.list(first.request().next());

        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isEqualTo(total).isGreaterThanOrEqualTo(5);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(2);
        assertThat(second.items().getFirst().id()).isGreaterThan(first.items().getLast().id());
        Page<UserRow> last = users.list(new PageRequest(total - 1, 10));
        assertThat(last.items()).hasSize(1);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void countsEnabledAdministrators() {
        long before = users.countEnabledAdmins();
        users.insert(new UserRow("admin-count-1", "hash", UserRole.ADMIN, true));
        users.insert(new UserRow("admin-count-2", "hash", UserRole.ADMIN, false));
        users.insert(new UserRow("admin-count-3", "hash", UserRole.TRADER, true));

        assertThat(users.countEnabledAdmins()).isEqualTo(before + 1);
    }

    @Test
    void deleteRemovesTheUserWithItsKeysAndTokens() {
        UserRow gone = users.insert(new UserRow("delete-gina", "hash", UserRole.TRADER, true));
        ApiKeyRepository keys = new ApiKeyRepository(db.database(), clock);
        RefreshTokenRepository tokens = new RefreshTokenRepository(db.database(), clock);
        ApiKeyRow key = keys.insert(new ApiKeyRow(gone.id(), "bot", "obw_delgina", "hash", ApiKeyScope.READ_ONLY,
                60, null, java.util.List.of()));
        tokens.insert(new RefreshTokenRow(gone.id(), "delete-gina-token", clock.instant().plus(Duration.ofDays(1))));

        assertThat(users.delete(gone.id())).isTrue();

        assertThat(users.findById(gone.id())).isEmpty();
        assertThat(keys.findById(key.id())).isEmpty();
        assertThat(tokens.findByTokenHash("delete-gina-token")).isEmpty();
        assertThat(users.delete(gone.id())).isFalse();
    }

    @Test
    void incrementVersionChangesOnlyTheVersionAndTheUpdateTime() {
        UserRow stored = users.insert(new UserRow("version-hank", "hash", UserRole.TRADER, true));
        clock.advance(Duration.ofMinutes(1));

        assertThat(users.incrementVersion(stored.id())).isTrue();

        UserRow found = users.findById(stored.id()).orElseThrow();
        assertThat(found.version()).isEqualTo(stored.version() + 1);
        assertThat(found.updatedAt()).isEqualTo(clock.instant());
        assertThat(found.passwordHash()).isEqualTo("hash");
        assertThat(found.enabled()).isTrue();
        assertThatThrownBy(() -> users.update(stored.setEnabled(false))).isInstanceOf(StaleRowException.class);
        assertThat(users.incrementVersion(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void theDatabaseRejectsABlankUsernameAsALastLineOfDefence() {
        assertThatThrownBy(() -> users.insert(new UserRow("   ", "hash", UserRole.TRADER, true)))
                .isNotInstanceOf(DuplicateKeyException.class)
                .hasStackTraceContaining("users_username_not_blank");
    }
}
