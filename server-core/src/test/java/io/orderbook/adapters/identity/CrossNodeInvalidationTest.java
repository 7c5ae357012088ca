package io.orderbook.adapters.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.identity.IdentityTestServer;
import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.persistence.ApiKeyScope;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.apikeys.ApiKeyChanges;
import io.orderbook.application.apikeys.IssuedApiKey;
import io.orderbook.application.apikeys.NewApiKey;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.application.users.UserChanges;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Two nodes, A and B, each with its own IdentityModule, database pool and Redis connection, sharing one
 * PostgreSQL database and one Redis: a change made through A's services is refused by B's authenticator
 * at once, although B had the credentials cached (the cache lives for a minute here, so only the
 * invalidation message can explain the refusal).
 */
class CrossNodeInvalidationTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    static final Actor SYSTEM_ADMIN = new Actor(0, UserRole.ADMIN);
    /** How long B may take to hear of a change: the Redis round trip of a pub/sub message, with lots of slack for CI. */
    static final long AT_ONCE_MILLIS = 1_000;
    static final AtomicInteger names = new AtomicInteger();
    static Database databaseB;
    static RedissonClient redisB;
    static IdentityModule nodeA;
    static IdentityModule nodeB;

    @BeforeAll
    static void start() {
        IdentityModule.Settings settings = IdentityTestServer.testSettings().withCredentialCacheTtl(Duration.ofMinutes(1));
        nodeA = new IdentityModule(db.database(), redis.client(), settings, clock);
        databaseB = Database.open(db.target());
        redisB = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        nodeB = new IdentityModule(databaseB, redisB, settings, clock);
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
        redisB.shutdown(0, 2, TimeUnit.SECONDS);
        databaseB.close();
    }

    private static UserAccount user(UserRole role) {
        return nodeA.users().create(SYSTEM_ADMIN, "node-user-" + names.incrementAndGet(), IdentityTestServer.PASSWORD, role);
    }

    private static IssuedApiKey key(UserAccount owner) {
        return nodeA.apiKeys().create(new Actor(owner.id(), owner.role()),
                new NewApiKey("k", ApiKeyScope.READ_WRITE, 100, clock.instant().plus(Duration.ofDays(1)), List.of()));
    }

    private static AuthenticationResult onB(PresentedCredentials credentials) {
        return nodeB.authenticator().authenticate(credentials, "10.0.0.1");
    }

    /** Polls B until it refuses, and returns how long that took. */
    private static long millisUntilRefused(Supplier<AuthenticationResult> attempt) throws InterruptedException {
        long start = System.nanoTime();
        while (attempt.get() instanceof AuthenticationResult.Authenticated) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) break;
            Thread.sleep(1);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void a_key_revoked_on_a_is_refused_on_b_at_once() throws InterruptedException {
        UserAccount owner = user(UserRole.TRADER);
        IssuedApiKey issued = key(owner);
        PresentedCredentials credentials = new PresentedCredentials.ApiKey(issued.plaintext());
        assertThat(onB(credentials)).isInstanceOf(AuthenticationResult.Authenticated.class);

        nodeA.apiKeys().revoke(new Actor(owner.id(), owner.role()), issued.key().id());

        assertThat(millisUntilRefused(() -> onB(credentials))).isLessThan(AT_ONCE_MILLIS);
        assertThat(onB(credentials)).isInstanceOfSatisfying(AuthenticationResult.Refused.class,
                refused -> assertThat(refused.problem().code().name()).isEqualTo("API_KEY_REVOKED"));
    }

    @Test
    void a_user_disabled_on_a_loses_keys_and_tokens_on_b_at_once() throws InterruptedException {
        UserAccount owner = user(UserRole.TRADER);
        PresentedCredentials key = new PresentedCredentials.ApiKey(key(owner).plaintext());
        PresentedCredentials token = new PresentedCredentials.BearerToken(nodeA.auth().login(owner.username(), IdentityTestServer.PASSWORD, "10.0.0.1").accessToken());
        assertThat(onB(key)).isInstanceOf(AuthenticationResult.Authenticated.class);
        assertThat(onB(token)).isInstanceOf(AuthenticationResult.Authenticated.class);

        nodeA.users().patch(SYSTEM_ADMIN, owner.id(), new UserChanges(null, false, null));

        assertThat(millisUntilRefused(() -> onB(key))).isLessThan(AT_ONCE_MILLIS);
        assertThat(millisUntilRefused(() -> onB(token))).isLessThan(AT_ONCE_MILLIS);
    }

    @Test
    void a_role_change_on_a_applies_to_the_owners_keys_on_b_at_once() throws InterruptedException {
        UserAccount owner = user(UserRole.TRADER);
        PresentedCredentials key = new PresentedCredentials.ApiKey(key(owner).plaintext());
        assertThat(((AuthenticationResult.Authenticated) onB(key)).caller()).isInstanceOfSatisfying(Caller.ApiKey.class,
                caller -> assertThat(caller.role()).isEqualTo(Role.TRADER));

        nodeA.users().patch(SYSTEM_ADMIN, owner.id(), new UserChanges(UserRole.ADMIN, null, null));

        long start = System.nanoTime();
        while (!(onB(key) instanceof AuthenticationResult.Authenticated a && ((Caller.ApiKey) a.caller()).role() == Role.ADMIN)) {
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(AT_ONCE_MILLIS));
            Thread.sleep(1);
        }
    }

    @Test
    void a_rate_limit_change_and_a_regeneration_on_a_apply_on_b_at_once() throws InterruptedException {
        UserAccount owner = user(UserRole.TRADER);
        Actor actor = new Actor(owner.id(), owner.role());
        IssuedApiKey issued = key(owner);
        PresentedCredentials old = new PresentedCredentials.ApiKey(issued.plaintext());
        assertThat(onB(old)).isInstanceOf(AuthenticationResult.Authenticated.class);

        nodeA.apiKeys().patch(actor, issued.key().id(), new ApiKeyChanges(null, 7, null, null));
        long start = System.nanoTime();
        while (((Caller.ApiKey) ((AuthenticationResult.Authenticated) onB(old)).caller()).requestsPerMinute() != 7) {
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(AT_ONCE_MILLIS));
            Thread.sleep(1);
        }

        IssuedApiKey regenerated = nodeA.apiKeys().regenerate(actor, issued.key().id(), Duration.ZERO, null);
        assertThat(millisUntilRefused(() -> onB(old))).isLessThan(AT_ONCE_MILLIS);
        assertThat(onB(new PresentedCredentials.ApiKey(regenerated.plaintext()))).isInstanceOf(AuthenticationResult.Authenticated.class);
    }

    @Test
    void without_a_change_b_serves_from_its_cache() {
        UserAccount owner = user(UserRole.TRADER);
        IssuedApiKey issued = key(owner);
        PresentedCredentials credentials = new PresentedCredentials.ApiKey(issued.plaintext());
        assertThat(onB(credentials)).isInstanceOf(AuthenticationResult.Authenticated.class);

        // Written behind the services' back: no announcement, so B keeps what it cached.
        try (var connection = db.connection(); var statement = connection.createStatement()) {
            statement.executeUpdate("update api_keys set revoked_at = now() where id = " + issued.key().id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        assertThat(onB(credentials)).isInstanceOf(AuthenticationResult.Authenticated.class);
    }
}
