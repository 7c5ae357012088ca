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

    /** For Hibernate, which fills the fields of a row it reads. */
    protected UserRow() {
        // for Hibernate
    }

    /**
     * A new, not yet stored user; {@link UserRepository#insert} assigns the id and timestamps.
     *
     * @param username     the login name, unique, at most 64 characters
     * @param passwordHash the hash of the password
     * @param role         what the user may do
     * @param enabled      whether the user may log in and use API keys
     */
    public UserRow(String username, String passwordHash, UserRole role, boolean enabled) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.enabled = enabled;
    }

    /** {@return the id, or 0 before the row is inserted} */
    public long id() {
        return id == null ? 0 : id;
    }

    /** {@return the login name} */
    public String username() {
        return username;
    }

    /** {@return the hash of the password} */
    public String passwordHash() {
        return passwordHash;
    }

    /** {@return what the user may do} */
    public UserRole role() {
        return role;
    }

    /** {@return whether the user may log in and use API keys} */
    public boolean enabled() {
        return enabled;
    }

    /** {@return when the row was inserted; {@code null} before that} */
    public Instant createdAt() {
        return createdAt;
    }

    /** {@return when the row was last inserted or updated; {@code null} before it is inserted} */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Increases with every update; {@link UserRepository#update} refuses a copy with an older version.
     *
     * @return the optimistic-locking version read with this copy
     */
    public long version() {
        return version;
    }

    /**
     * Renames the user.
     *
     * @param username the new login name, at most 64 characters
     * @return this row
     */
    public UserRow setUsername(String username) {
        this.username = Objects.requireNonNull(username, "username");
        return this;
    }

    /**
     * Replaces the password hash.
     *
     * @param passwordHash the hash of the new password
     * @return this row
     */
    public UserRow setPasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        return this;
    }

    /**
     * Changes what the user may do.
     *
     * @param role the new role
     * @return this row
     */
    public UserRow setRole(UserRole role) {
        this.role = Objects.requireNonNull(role, "role");
        return this;
    }

    /**
     * Enables or disables the user.
     *
     * @param enabled whether the user may log in and use API keys
     * @return this row
     */
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
