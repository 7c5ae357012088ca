package io.orderbook.application.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.RefreshTokenRepository;
import io.orderbook.adapters.persistence.RefreshTokenRow;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.security.PasswordHasher;
import io.orderbook.application.auth.CredentialEvents;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    static final TestClock clock = TestClock.atSystemTime();
    static final Actor SYSTEM_ADMIN = new Actor(0, UserRole.ADMIN);
    static final String PASSWORD = "a long enough password";
    static final AtomicInteger names = new AtomicInteger();

    final UserRepository userRows = new UserRepository(db.database(), clock);
    final RefreshTokenRepository refreshTokens = new RefreshTokenRepository(db.database(), clock);
    final List<Long> announced = new CopyOnWriteArrayList<>();
    final CredentialEvents events = new CredentialEvents() {
        @Override
        public void userChanged(long userId) {
            announced.add(userId);
        }

        @Override
        public void apiKeyChanged(String prefix) {
        }
    };
    final UserService users = new UserService(db.database(), userRows, refreshTokens,
            new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), 2, new SecureRandom()), AdminChangeLock.inProcess(), events, clock);

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = db.connection()) {
            connection.createStatement().executeUpdate("delete from users");
        }
    }

    private UserAccount create(UserRole role) {
        return users.create(SYSTEM_ADMIN, "user-" + names.incrementAndGet(), PASSWORD, role);
    }

    private static ApiProblem problem(Runnable call) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            return problem;
        }
        throw new AssertionError("expected an ApiProblem");
    }

    @Test
    void only_administrators_may_use_it() {
        Actor trader = new Actor(1, UserRole.TRADER);
        assertThat(problem(() -> users.list(trader, PageRequest.first(10))).code().name()).isEqualTo("FORBIDDEN");
        assertThat(problem(() -> users.create(trader, "someone", PASSWORD, UserRole.ADMIN)).code().name()).isEqualTo("FORBIDDEN");
        assertThat(problem(() -> users.delete(trader, 2)).code().name()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_change_increments_the_token_version_revokes_refresh_tokens_and_is_announced() {
        UserAccount user = create(UserRole.TRADER);
        long versionBefore = userRows.findById(user.id()).orElseThrow().version();
        refreshTokens.insert(new RefreshTokenRow(user.id(), "hash-" + user.id(), clock.instant().plus(Duration.ofDays(1))));

        users.patch(SYSTEM_ADMIN, user.id(), new UserChanges(null, null, "another long password"));

        assertThat(userRows.findById(user.id()).orElseThrow().version()).isGreaterThan(versionBefore);
        assertThat(refreshTokens.findByTokenHash("hash-" + user.id()).orElseThrow().revokedAt()).isPresent();
        assertThat(announced).containsExactly(user.id());
    }

    @Test
    void setting_what_the_user_already_has_changes_and_announces_nothing() {
        UserAccount user = create(UserRole.TRADER);
        long versionBefore = userRows.findById(user.id()).orElseThrow().version();

        users.patch(SYSTEM_ADMIN, user.id(), new UserChanges(UserRole.TRADER, true, null));

        assertThat(userRows.findById(user.id()).orElseThrow().version()).isEqualTo(versionBefore);
        assertThat(announced).isEmpty();
    }

    @Test
    void the_last_enabled_administrator_cannot_be_disabled_demoted_or_deleted() {
        UserAccount only = create(UserRole.ADMIN);
        create(UserRole.TRADER);
        // An actor that is not the target: e.g. a request authenticated just before the actor lost its rights.
        Actor other = new Actor(only.id() + 1000, UserRole.ADMIN);

        assertThat(problem(() -> users.patch(other, only.id(), new UserChanges(null, false, null))).code().name()).isEqualTo("CONFLICT");
        assertThat(problem(() -> users.patch(other, only.id(), new UserChanges(UserRole.TRADER, null, null))).code().name()).isEqualTo("CONFLICT");
        assertThat(problem(() -> users.delete(other, only.id())).code().name()).isEqualTo("CONFLICT");
        assertThat(userRows.countEnabledAdmins()).isEqualTo(1);

        create(UserRole.ADMIN);
        users.patch(other, only.id(), new UserChanges(null, false, null));
        assertThat(userRows.countEnabledAdmins()).isEqualTo(1);
    }

    @Test
    void two_administrators_disabling_each_other_at_once_never_leave_none() throws Exception {
        for (int round = 0; round < 20; round++) {
            emptyTables();
            UserAccount a = create(UserRole.ADMIN);
            UserAccount b = create(UserRole.ADMIN);
            CountDownLatch start = new CountDownLatch(1);
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> results = new ArrayList<>();
                results.add(executor.submit(() -> {
                    start.await();
                    return users.patch(new Actor(a.id(), UserRole.ADMIN), b.id(), new UserChanges(null, false, null));
                }));
                results.add(executor.submit(() -> {
                    start.await();
                    return users.patch(new Actor(b.id(), UserRole.ADMIN), a.id(), new UserChanges(null, false, null));
                }));
                start.countDown();
                int succeeded = 0;
                for (Future<?> result : results) {
                    try {
                        result.get();
                        succeeded++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ApiProblem.class);
                    }
                }
                assertThat(succeeded).isEqualTo(1);
            }
            assertThat(userRows.countEnabledAdmins()).isEqualTo(1);
        }
    }

    @Test
    void the_first_administrator_is_created_once_and_only_when_there_are_no_users() {
        assertThat(users.ensureFirstAdmin("admin", "configured-pw")).isTrue();
        assertThat(users.ensureFirstAdmin("admin", "configured-pw")).isFalse();
        assertThat(users.ensureFirstAdmin("other-admin", "configured-pw")).isFalse();

        List<UserAccount> all = users.list(SYSTEM_ADMIN, PageRequest.first(10)).items();
        assertThat(all).singleElement().satisfies(admin -> {
            assertThat(admin.username()).isEqualTo("admin");
            assertThat(admin.role()).isEqualTo(UserRole.ADMIN);
            assertThat(admin.enabled()).isTrue();
        });
        assertThat(userRows.findByUsername("admin").orElseThrow().passwordHash()).startsWith("$argon2id$").doesNotContain("configured-pw");
    }

    @Test
    void the_first_administrator_is_created_once_when_several_nodes_start_together() throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) results.add(executor.submit(() -> users.ensureFirstAdmin("admin", "configured-pw")));
            int created = 0;
            for (Future<Boolean> result : results) created += result.get() ? 1 : 0;
            assertThat(created).isEqualTo(1);
        }
        assertThat(users.list(SYSTEM_ADMIN, PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void a_first_administrator_that_could_never_log_in_is_a_configuration_error() {
        assertThatThrownBy(() -> users.ensureFirstAdmin("bad name", "configured-pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.ensureFirstAdmin("admin", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
