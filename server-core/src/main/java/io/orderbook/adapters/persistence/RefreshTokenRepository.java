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

    /**
     * A repository on {@code database}.
     *
     * @param database the database holding {@code refresh_tokens}
     * @param clock    the source of creation times
     */
    public RefreshTokenRepository(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new token and returns it with its id and creation time.
     *
     * @param token a token not yet stored (id 0); it is filled in and returned
     * @return {@code token}, now with its id and creation time
     * @throws IllegalArgumentException if {@code token} is already stored
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

    /**
     * Finds a token by its hash.
     *
     * @param tokenHash the hash of the token a client presents
     * @return the token, revoked or expired ones included; empty if unknown
     */
    public Optional<RefreshTokenRow> findByTokenHash(String tokenHash) {
        return database.inTransaction(session -> session
                .createSelectionQuery("from RefreshTokenRow t where t.tokenHash = :hash", RefreshTokenRow.class)
                .setParameter("hash", tokenHash)
                .uniqueResultOptional());
    }

    /**
     * Revokes one token unless it is already revoked.
     *
     * @param id the token's id
     * @param at the revocation time
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

    /**
     * Revokes every token of a user not yet revoked (logout everywhere, user disabled).
     *
     * @param userId the user's id
     * @param at     the revocation time
     * @return how many tokens this call revoked
     */
    public int revokeAllOfUser(long userId, Instant at) {
        return database.inTransaction(session -> session
                .createMutationQuery("update RefreshTokenRow t set t.revokedAt = :at where t.userId = :userId and t.revokedAt is null")
                .setParameter("at", at)
                .setParameter("userId", userId)
                .executeUpdate());
    }

    /**
     * Deletes tokens that expired before {@code cutoff} (housekeeping).
     *
     * @param cutoff tokens expiring before this instant are deleted
     * @return how many were deleted
     */
    public int deleteExpiredBefore(Instant cutoff) {
        return database.inTransaction(session -> session
                .createMutationQuery("delete from RefreshTokenRow t where t.expiresAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }
}
