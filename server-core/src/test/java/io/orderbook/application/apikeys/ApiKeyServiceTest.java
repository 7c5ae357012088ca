package io.orderbook.application.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.persistence.ApiKeyRepository;
import io.orderbook.adapters.persistence.ApiKeyRow;
import io.orderbook.adapters.persistence.ApiKeyScope;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.UserRow;
import io.orderbook.adapters.security.ApiKeyCodec;
import io.orderbook.application.auth.CredentialEvents;
import io.orderbook.application.users.Actor;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    static final TestClock clock = TestClock.atSystemTime();
    static final AtomicInteger names = new AtomicInteger();

    final ApiKeyRepository rows = new ApiKeyRepository(db.database(), clock);
    final List<String> announced = new CopyOnWriteArrayList<>();
    final ApiKeyService keys = new ApiKeyService(db.database(), rows, new ApiKeyCodec(), new CredentialEvents() {
        @Override
        public void userChanged(long userId) {
        }

        @Override
        public void apiKeyChanged(String prefix) {
            announced.add(prefix);
        }
    }, clock, Duration.ofDays(730), 100);

    private static Actor owner() {
        UserRow row = new UserRepository(db.database(), clock).insert(new UserRow("owner-" + names.incrementAndGet(), "hash", UserRole.TRADER, true));
        return new Actor(row.id(), UserRole.TRADER);
    }

    private IssuedApiKey create(Actor actor, Duration lifetime) {
        return keys.create(actor, new NewApiKey("k", ApiKeyScope.READ_WRITE, 60, clock.instant().plus(lifetime), List.of()));
    }

    @Test
    void only_the_hash_of_a_new_key_is_stored() {
        IssuedApiKey issued = create(owner(), Duration.ofDays(1));

        ApiKeyRow row = rows.findById(issued.key().id()).orElseThrow();
        assertThat(row.secretHash()).isEqualTo(ApiKeyCodec.hash(issued.plaintext())).doesNotContain(issued.plaintext().substring(13));
        assertThat(issued.toString()).doesNotContain(issued.plaintext());
    }

    @Test
    void the_old_secret_never_outlives_the_old_expiry() {
        Actor actor = owner();
        IssuedApiKey issued = create(actor, Duration.ofMinutes(10));

        IssuedApiKey regenerated = keys.regenerate(actor, issued.key().id(), Duration.ofHours(1), clock.instant().plus(Duration.ofDays(5)));

        ApiKeyRow row = rows.findById(issued.key().id()).orElseThrow();
        assertThat(row.previousSecretHash()).hasValue(ApiKeyCodec.hash(issued.plaintext()));
        assertThat(row.previousSecretValidUntil()).hasValue(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(row.secretHash()).isEqualTo(ApiKeyCodec.hash(regenerated.plaintext()));
        assertThat(row.expiresAt()).hasValue(clock.instant().plus(Duration.ofDays(5)));
        assertThat(announced).containsExactly(issued.key().prefix());
    }

    @Test
    void a_second_regeneration_replaces_the_previous_secret() {
        Actor actor = owner();
        IssuedApiKey first = create(actor, Duration.ofDays(1));
        IssuedApiKey second = keys.regenerate(actor, first.key().id(), Duration.ofHours(1), null);

        keys.regenerate(actor, first.key().id(), Duration.ZERO, null);

        ApiKeyRow row = rows.findById(first.key().id()).orElseThrow();
        assertThat(row.previousSecretHash()).isEmpty();
        assertThat(row.secretHash()).isNotEqualTo(ApiKeyCodec.hash(second.plaintext()));
    }

    @Test
    void revoking_twice_announces_once_and_keeps_the_first_revocation_time() {
        Actor actor = owner();
        IssuedApiKey issued = create(actor, Duration.ofDays(1));
        Instant revokedAt = keys.revoke(actor, issued.key().id()).revokedAt();
        clock.advance(Duration.ofSeconds(5));

        ApiKeyView again = keys.revoke(actor, issued.key().id());

        assertThat(again.revokedAt()).isEqualTo(revokedAt);
        assertThat(again.status()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(announced).hasSize(1);
    }

    @Test
    void another_users_key_is_not_found_for_every_operation() {
        Actor alice = owner();
        Actor bob = owner();
        long id = create(alice, Duration.ofDays(1)).key().id();

        for (Runnable call : List.<Runnable>of(
                () -> keys.get(bob, id),
                () -> keys.patch(bob, id, new ApiKeyChanges("x", null, null, null)),
                () -> keys.revoke(bob, id),
                () -> keys.regenerate(bob, id, null, null),
                () -> keys.delete(bob, id))) {
            try {
                call.run();
                throw new AssertionError("expected 404");
            } catch (ApiProblem problem) {
                assertThat(problem.code().name()).isEqualTo("NOT_FOUND");
            }
        }
        assertThat(rows.findById(id).orElseThrow().revokedAt()).isEmpty();
        assertThat(announced).isEmpty();
    }
}
