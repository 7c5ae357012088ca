package io.orderbook.adapters.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores refresh tokens by their hash. Each method runs in its own transaction or joins the one running on
 * this thread (see {@link Database#inTransaction}).
 */
public final class RefreshTokenRepository {

    /** The unique constraint on the token hash. */
    public static final String TOKEN_HASH_CONSTRAINT = "refresh_tokens_token_hash_key";

    private final Database database;
    private final Clock clock;

    public RefreshTokenRepository(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new token and returns it with its id and creation time.
     *
     * @throws DuplicateKeyException with {@link #TOKEN_HASH_CONSTRAINT} if the hash is already stored
     */
    public RefreshTokenRow insert(RefreshTokenRow token) {
        if (token.id() != 0) {
            throw new IllegalArgumentException("token is already stored: " + token.id());
        }
        return database.inTransaction(session -> {
            token.stampCreated(clock.instant());
            session.persist(token);
            session.flush();
            return token;
        });
    }

    public Optional<RefreshTokenRow> findByTokenHash(String tokenHash) {
        return database.inTransaction(session -> session
                .createSelectionQuery("from RefreshTokenRow t where t.tokenHash = :hash", RefreshTokenRow.class)
                .setParameter("hash", tokenHash)
                .uniqueResultOptional());
    }

    /**
     * Revokes one token unless it is already revoked.
     *
     * @return whether this call revoked it; false if it was revoked before or does not exist, so two
     *         concurrent refreshes with the same token cannot both succeed
     */
    public boolean revoke(long id, Instant at) {
        return database.inTransaction(session -> session
                .createMutationQuery("update RefreshTokenRow t set t.revokedAt = :at where t.id = :id and t.revokedAt is null")
                .setParameter("at", at)
                .setParameter("id", id)
                .executeUpdate() == 1);
    }

    /** Revokes every live token of a user (logout everywhere, user disabled); returns how many. */
    public int revokeAllOfUser(long userId, Instant at) {
        return database.inTransaction(session -> session
                .createMutationQuery("update RefreshTokenRow t set t.revokedAt = :at where t.userId = :userId and t.revokedAt is null")
                .setParameter("at", at)
                .setParameter("userId", userId)
                .executeUpdate());
    }

    /** Deletes tokens that expired before {@code cutoff} (housekeeping); returns how many. */
    public int deleteExpiredBefore(Instant cutoff) {
        return database.inTransaction(session -> session
                .createMutationQuery("delete from RefreshTokenRow t where t.expiresAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }
}
