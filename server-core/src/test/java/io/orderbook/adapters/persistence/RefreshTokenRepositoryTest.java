package io.orderbook.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefreshTokenRepositoryTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();

    private final TestClock clock = TestClock.atFixedInstant();
    private final RefreshTokenRepository tokens = new RefreshTokenRepository(db.database(), clock);
    private long userId;

    @BeforeEach
    void createUser() {
        userId = new UserRepository(db.database(), clock)
                .insert(new UserRow("token-user-" + System.nanoTime(), "hash", UserRole.TRADER, true)).id();
    }

    @Test
    void insertAndFindByHash() {
        Instant expiry = clock.instant().plus(Duration.ofDays(30));
        RefreshTokenRow stored = tokens.insert(new RefreshTokenRow(userId, "hash-find", expiry));

        RefreshTokenRow found = tokens.findByTokenHash("hash-find").orElseThrow();
        assertThat(found.id()).isEqualTo(stored.id()).isPositive();
        assertThat(found.userId()).isEqualTo(userId);
        assertThat(found.expiresAt()).isEqualTo(expiry);
        assertThat(found.createdAt()).isEqualTo(clock.instant());
        assertThat(found.revokedAt()).isEmpty();
        assertThat(found.isUsableAt(clock.instant())).isTrue();
        assertThat(found.isUsableAt(expiry)).isFalse();
        assertThat(tokens.findByTokenHash("hash-unknown")).isEmpty();
    }

    @Test
    void aTokenHashIsStoredOnce() {
        tokens.insert(new RefreshTokenRow(userId, "hash-dup", clock.instant().plusSeconds(60)));

        assertThatThrownBy(() -> tokens.insert(new RefreshTokenRow(userId, "hash-dup", clock.instant().plusSeconds(60))))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.constraint()).isEqualTo(RefreshTokenRepository.TOKEN_HASH_CONSTRAINT));
    }

    @Test
    void revokeSucceedsOnlyOnce() {
        RefreshTokenRow token = tokens.insert(new RefreshTokenRow(userId, "hash-revoke", clock.instant().plusSeconds(60)));

        assertThat(tokens.revoke(token.id(), clock.instant())).isTrue();
        assertThat(tokens.revoke(token.id(), clock.instant().plusSeconds(1))).isFalse();
        RefreshTokenRow found = tokens.findByTokenHash("hash-revoke").orElseThrow();
        assertThat(found.revokedAt()).contains(clock.instant());
        assertThat(found.isUsableAt(clock.instant())).isFalse();
    }

    @Test
    void revokeAllOfUserRevokesOnlyThatUsersLiveTokens() {
        long otherUser = new UserRepository(db.database(), clock)
                .insert(new UserRow("token-other-" + System.nanoTime(), "hash", UserRole.TRADER, true)).id();
        RefreshTokenRow first = tokens.insert(new RefreshTokenRow(userId, "hash-all-1", clock.instant().plusSeconds(60)));
        tokens.insert(new RefreshTokenRow(userId, "hash-all-2", clock.instant().plusSeconds(60)));
        tokens.insert(new RefreshTokenRow(otherUser, "hash-all-other", clock.instant().plusSeconds(60)));
        tokens.revoke(first.id(), clock.instant());

        assertThat(tokens.revokeAllOfUser(userId, clock.instant())).isEqualTo(1);
        assertThat(tokens.findByTokenHash("hash-all-2").orElseThrow().revokedAt()).isPresent();
        assertThat(tokens.findByTokenHash("hash-all-other").orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    void deleteExpiredBeforeRemovesOnlyExpiredTokens() {
        tokens.insert(new RefreshTokenRow(userId, "hash-old", clock.instant().minus(Duration.ofDays(2))));
        tokens.insert(new RefreshTokenRow(userId, "hash-new", clock.instant().plus(Duration.ofDays(2))));

        assertThat(tokens.deleteExpiredBefore(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(tokens.findByTokenHash("hash-old")).isEmpty();
        assertThat(tokens.findByTokenHash("hash-new")).isPresent();
    }
}
