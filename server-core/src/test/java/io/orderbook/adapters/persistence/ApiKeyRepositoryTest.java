package io.orderbook.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyRepositoryTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestClock clock = TestClock.atFixedInstant();
    private final UserRepository users = new UserRepository(db.database(), clock);
    private final ApiKeyRepository keys = new ApiKeyRepository(db.database(), clock);
    private UserRow owner;

    @BeforeEach
    void createOwner() {
        owner = users.insert(new UserRow("key-owner-" + SEQUENCE.incrementAndGet(), "hash", UserRole.TRADER, true));
    }

    private ApiKeyRow newKey(long userId) {
        return new ApiKeyRow(userId, "trading bot", "obw_" + SEQUENCE.incrementAndGet() + "x", "secret-hash",
                ApiKeyScope.READ_WRITE, 120, clock.instant().plus(Duration.ofDays(90)), List.of("10.0.0.0/8", "2001:db8::1"));
    }

    @Test
    void insertStoresEveryFieldAndFindByPrefixReadsItBack() {
        ApiKeyRow stored = keys.insert(newKey(owner.id()));

        ApiKeyRow found = keys.findByPrefix(stored.prefix()).orElseThrow();
        assertThat(found.id()).isEqualTo(stored.id()).isPositive();
        assertThat(found.userId()).isEqualTo(owner.id());
        assertThat(found.name()).isEqualTo("trading bot");
        assertThat(found.secretHash()).isEqualTo("secret-hash");
        assertThat(found.scope()).isEqualTo(ApiKeyScope.READ_WRITE);
        assertThat(found.rateLimitPerMinute()).isEqualTo(120);
        assertThat(found.expiresAt()).contains(clock.instant().plus(Duration.ofDays(90)));
        assertThat(found.ipAllowList()).containsExactly("10.0.0.0/8", "2001:db8::1");
        assertThat(found.revokedAt()).isEmpty();
        assertThat(found.lastUsedAt()).isEmpty();
        assertThat(found.previousSecretHash()).isEmpty();
        assertThat(found.previousSecretValidUntil()).isEmpty();
        assertThat(found.createdAt()).isEqualTo(clock.instant());
        assertThat(found.updatedAt()).isEqualTo(clock.instant());
        assertThat(keys.findById(stored.id())).isPresent();
        assertThat(keys.findByPrefix("obw_missing")).isEmpty();
    }

    @Test
    void aKeyWithoutExpiryOrAllowListIsStoredAsSuch() {
        ApiKeyRow stored = keys.insert(new ApiKeyRow(owner.id(), "reader", "obw_plain" + SEQUENCE.incrementAndGet(),
                "hash", ApiKeyScope.READ_ONLY, 1, null, List.of()));

        ApiKeyRow found = keys.findById(stored.id()).orElseThrow();
        assertThat(found.expiresAt()).isEmpty();
        assertThat(found.ipAllowList()).isEmpty();
        assertThat(found.scope()).isEqualTo(ApiKeyScope.READ_ONLY);
    }

    @Test
    void aPrefixIsUsedOnce() {
        ApiKeyRow first = keys.insert(newKey(owner.id()));
        ApiKeyRow clash = new ApiKeyRow(owner.id(), "clash", first.prefix(), "other", ApiKeyScope.READ_ONLY, 10, null, List.of());

        assertThatThrownBy(() -> keys.insert(clash))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.constraint()).isEqualTo(ApiKeyRepository.PREFIX_CONSTRAINT));
    }

    @Test
    void findByPrefixWithOwnerReportsTheOwnersRoleAndState() {
        ApiKeyRow stored = keys.insert(newKey(owner.id()));
        users.update(owner.setEnabled(false));

        ApiKeyWithOwner found = keys.findByPrefixWithOwner(stored.prefix()).orElseThrow();

        assertThat(found.key().id()).isEqualTo(stored.id());
        assertThat(found.ownerRole()).isEqualTo(UserRole.TRADER);
        assertThat(found.ownerEnabled()).isFalse();
        assertThat(keys.findByPrefixWithOwner("obw_nothing")).isEmpty();
    }

    @Test
    void updateWritesSettingsRevocationAndARegeneratedSecret() {
        ApiKeyRow stored = keys.insert(newKey(owner.id()));
        clock.advance(Duration.ofHours(1));
        Instant graceEnd = clock.instant().plus(Duration.ofMinutes(10));

        keys.update(stored.setName("renamed")
                .setScope(ApiKeyScope.READ_ONLY)
                .setRateLimitPerMinute(30)
                .setExpiresAt(null)
                .setIpAllowList(List.of("192.168.1.7"))
                .setPreviousSecret(stored.secretHash(), graceEnd)
                .setSecretHash("new-secret-hash")
                .setRevokedAt(clock.instant()));

        ApiKeyRow found = keys.findById(stored.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("renamed");
        assertThat(found.scope()).isEqualTo(ApiKeyScope.READ_ONLY);
        assertThat(found.rateLimitPerMinute()).isEqualTo(30);
        assertThat(found.expiresAt()).isEmpty();
        assertThat(found.ipAllowList()).containsExactly("192.168.1.7");
        assertThat(found.secretHash()).isEqualTo("new-secret-hash");
        assertThat(found.previousSecretHash()).contains("secret-hash");
        assertThat(found.previousSecretValidUntil()).contains(graceEnd);
        assertThat(found.revokedAt()).contains(clock.instant());
        assertThat(found.updatedAt()).isEqualTo(clock.instant());
        assertThat(found.createdAt()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
    }

    @Test
    void aRegenerationBasedOnACopyReadBeforeARevocationIsRefused() {
        ApiKeyRow stored = keys.insert(newKey(owner.id()));
        ApiKeyRow regenerating = keys.findById(stored.id()).orElseThrow();

        ApiKeyRow revoked = keys.update(keys.findById(stored.id()).orElseThrow().setRevokedAt(clock.instant()));
        assertThat(revoked.version()).isEqualTo(stored.version() + 1);

        assertThatThrownBy(() -> keys.update(regenerating.setSecretHash("regenerated").setRevokedAt(null)))
                .isInstanceOf(StaleRowException.class);
        ApiKeyRow found = keys.findById(stored.id()).orElseThrow();
        assertThat(found.revokedAt()).contains(clock.instant());
        assertThat(found.secretHash()).isEqualTo("secret-hash");
    }

    @Test
    void updatingAnUnknownKeyFails() {
        assertThatThrownBy(() -> keys.update(newKey(owner.id()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateDoesNotOverwriteTheLastUseWithAStaleCopy() {
        ApiKeyRow stale = keys.insert(newKey(owner.id()));
        keys.touchLastUsed(stale.id(), clock.instant().plusSeconds(5));

        keys.update(stale.setName("renamed later"));

        assertThat(keys.findById(stale.id()).orElseThrow().lastUsedAt()).contains(clock.instant().plusSeconds(5));
    }

    @Test
    void listByOwnerShowsOnlyThatOwnersKeysAndListAllShowsEveryKey() {
        UserRow other = users.insert(new UserRow("key-other-" + SEQUENCE.incrementAndGet(), "hash", UserRole.TRADER, true));
        ApiKeyRow mine1 = keys.insert(newKey(owner.id()));
        ApiKeyRow mine2 = keys.insert(newKey(owner.id()));
        ApiKeyRow mine3 = keys.insert(newKey(owner.id()));
        ApiKeyRow theirs = keys.insert(newKey(other.id()));

        Page<ApiKeyRow> firstPage = keys.listByOwner(owner.id(), PageRequest.first(2));
        Page<ApiKeyRow> secondPage = keys.listByOwner(owner.id(), firstPage.request().next());
        assertThat(firstPage.total()).isEqualTo(3);
        assertThat(firstPage.items()).extracting(ApiKeyRow::id).containsExactly(mine1.id(), mine2.id());
        assertThat(secondPage.items()).extracting(ApiKeyRow::id).containsExactly(mine3.id());
        assertThat(secondPage.hasNext()).isFalse();

        Page<ApiKeyRow> all = keys.listAll(PageRequest.first(PageRequest.MAX_LIMIT));
        assertThat(all.items()).extracting(ApiKeyRow::id).contains(mine1.id(), mine2.id(), mine3.id(), theirs.id());
        assertThat(all.total()).isEqualTo(all.items().size());
    }

    @Test
    void deleteRemovesTheKey() {
        ApiKeyRow stored = keys.insert(newKey(owner.id()));

        assertThat(keys.delete(stored.id())).isTrue();
        assertThat(keys.findById(stored.id())).isEmpty();
        assertThat(keys.delete(stored.id())).isFalse();
    }

    @Test
    void touchLastUsedOnlyMovesForward() {
        ApiKeyRow stored = keys.insert(newKey(owner.id()));
        Instant later = clock.instant().plusSeconds(30);

        keys.touchLastUsed(stored.id(), later);
        keys.touchLastUsed(stored.id(), later.minusSeconds(10));

        assertThat(keys.findById(stored.id()).orElseThrow().lastUsedAt()).contains(later);
    }

    @Test
    void touchLastUsedWritesManyKeysInOneBatch() {
        ApiKeyRow first = keys.insert(newKey(owner.id()));
        ApiKeyRow second = keys.insert(newKey(owner.id()));

        keys.touchLastUsed(Map.of(first.id(), clock.instant().plusSeconds(1), second.id(), clock.instant().plusSeconds(2),
                Long.MAX_VALUE, clock.instant()));

        assertThat(keys.findById(first.id()).orElseThrow().lastUsedAt()).contains(clock.instant().plusSeconds(1));
        assertThat(keys.findById(second.id()).orElseThrow().lastUsedAt()).contains(clock.instant().plusSeconds(2));
    }

    @Test
    void aPreviousSecretNeedsItsValidityEnd() {
        ApiKeyRow key = newKey(owner.id());

        assertThatThrownBy(() -> key.setPreviousSecret("hash", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.setRateLimitPerMinute(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
