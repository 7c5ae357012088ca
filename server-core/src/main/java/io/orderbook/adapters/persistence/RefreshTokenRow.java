package io.orderbook.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A row of {@code refresh_tokens}: a long-lived login session, stored only as the token's hash. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshTokenRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** For Hibernate, which fills the fields of a row it reads. */
    protected RefreshTokenRow() {
        // for Hibernate
    }

    /**
     * A new, not yet stored token; {@link RefreshTokenRepository#insert} assigns the id and creation time.
     *
     * @param userId    the id of the user the session belongs to
     * @param tokenHash the hash of the token handed to the client
     * @param expiresAt when the token stops working
     */
    public RefreshTokenRow(long userId, String tokenHash, Instant expiresAt) {
        this.userId = userId;
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** {@return the id, or 0 before the row is inserted} */
    public long id() {
        return id == null ? 0 : id;
    }

    /** {@return the id of the user the session belongs to} */
    public long userId() {
        return userId;
    }

    /** {@return the hash of the token} */
    public String tokenHash() {
        return tokenHash;
    }

    /** {@return when the token stops working} */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** {@return when the token was revoked (logout, rotation); empty while it is not} */
    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /** {@return when the row was inserted; {@code null} before that} */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Whether the token may still be exchanged: not revoked and not expired.
     *
     * @param now the moment of the exchange
     * @return {@code true} if the token is usable at {@code now}
     */
    public boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void stampCreated(Instant now) {
        this.createdAt = now;
    }

    @Override
    public String toString() {
        return "RefreshTokenRow[id=" + id + ", userId=" + userId + ", expiresAt=" + expiresAt
                + ", revokedAt=" + revokedAt + "]";
    }
}
