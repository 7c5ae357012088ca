package io.orderbook.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code users}: a person or system that logs in; the password is kept only as a hash. */
@Entity
@Table(name = "users")
public class UserRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private UserRole role;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserRow() {
        // for Hibernate
    }

    /** A new, not yet stored user; {@link UserRepository#insert} assigns the id and timestamps. */
    public UserRow(String username, String passwordHash, UserRole role, boolean enabled) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.enabled = enabled;
    }

    /** The id, or 0 before the row is inserted. */
    public long id() {
        return id == null ? 0 : id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public UserRole role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Increases with every update; {@link UserRepository#update} refuses a copy with an older version. */
    public long version() {
        return version;
    }

    public UserRow setUsername(String username) {
        this.username = Objects.requireNonNull(username, "username");
        return this;
    }

    public UserRow setPasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        return this;
    }

    public UserRow setRole(UserRole role) {
        this.role = Objects.requireNonNull(role, "role");
        return this;
    }

    public UserRow setEnabled(boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    void stampCreated(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    void stampUpdated(Instant now) {
        this.updatedAt = now;
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + ", role=" + role + ", enabled=" + enabled + "]";
    }
}
