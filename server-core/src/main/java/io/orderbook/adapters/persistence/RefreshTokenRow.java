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

    protected RefreshTokenRow() {
        // for Hibernate
    }

    /** A new, not yet stored token; {@link RefreshTokenRepository#insert} assigns the id and creation time. */
    public RefreshTokenRow(long userId, String tokenHash, Instant expiresAt) {
        this.userId = userId;
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The id, or 0 before the row is inserted. */
    public long id() {
        return id == null ? 0 : id;
    }

    public long userId() {
        return userId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether the token may still be exchanged at {@code now}: not revoked and not expired. */
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
