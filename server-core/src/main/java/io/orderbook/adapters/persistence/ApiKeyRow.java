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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of {@code api_keys}: a key a user created for programs. The key is recognised by its visible
 * {@link #prefix()}; its secret part is kept only as a hash. After a regeneration the previous secret's
 * hash may stay valid until {@link #previousSecretValidUntil()}.
 */
@Entity
@Table(name = "api_keys")
public class ApiKeyRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "prefix", nullable = false, updatable = false, length = 32)
    private String prefix;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false, length = 16)
    private ApiKeyScope scope;

    @Column(name = "rate_limit_per_minute", nullable = false)
    private int rateLimitPerMinute;

    @Column(name = "expires_at")
    private Instant expiresAt;

    // text[]: Hibernate maps a basic array to a SQL array on PostgreSQL.
    @Column(name = "ip_allow_list", nullable = false)
    private String[] ipAllowList = new String[0];

    @Column(name = "revoked_at")
    private Instant revokedAt;

    // Written only by ApiKeyRepository.touchLastUsed, so an update from an older copy never moves it back.
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "previous_secret_hash")
    private String previousSecretHash;

    @Column(name = "previous_secret_valid_until")
    private Instant previousSecretValidUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For Hibernate, which fills the fields of a row it reads. */
    protected ApiKeyRow() {
        // for Hibernate
    }

    /**
     * A new, not yet stored key; {@link ApiKeyRepository#insert} assigns the id and timestamps.
     *
     * @param userId             the owning user's id
     * @param name               the owner's label for the key, at most 100 characters
     * @param prefix             the visible part of the key, by which it is looked up; at most 32 characters
     * @param secretHash         the hash of the key's secret part
     * @param scope              what the key may do
     * @param rateLimitPerMinute requests per minute the key may make; positive
     * @param expiresAt   when the key stops working, or {@code null} for never
     * @param ipAllowList addresses or CIDR blocks the key may be used from; empty for any
     * @throws IllegalArgumentException if {@code rateLimitPerMinute} is not positive
     */
    public ApiKeyRow(long userId, String name, String prefix, String secretHash, ApiKeyScope scope,
                     int rateLimitPerMinute, Instant expiresAt, List<String> ipAllowList) {
        this.userId = userId;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.name = Objects.requireNonNull(name, "name");
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.rateLimitPerMinute = positive(rateLimitPerMinute);
        this.expiresAt = expiresAt;
        this.ipAllowList = List.copyOf(ipAllowList).toArray(String[]::new);
    }

    /** {@return the id, or 0 before the row is inserted} */
    public long id() {
        return id == null ? 0 : id;
    }

    /** {@return the owning user's id} */
    public long userId() {
        return userId;
    }

    /** {@return the owner's label for the key} */
    public String name() {
        return name;
    }

    /** {@return the visible part of the key, unique across keys} */
    public String prefix() {
        return prefix;
    }

    /** {@return the hash of the current secret} */
    public String secretHash() {
        return secretHash;
    }

    /** {@return what the key may do} */
    public ApiKeyScope scope() {
        return scope;
    }

    /** {@return requests per minute the key may make} */
    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    /** {@return when the key stops working; empty if never} */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** {@return the addresses or CIDR blocks the key may be used from; empty for any} */
    public List<String> ipAllowList() {
        return List.of(ipAllowList);
    }

    /** {@return when the key was revoked; empty while it is not} */
    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /** {@return when the key last authenticated a request, as last recorded; empty if never} */
    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    /** {@return the hash of the secret replaced by the last regeneration, while it is kept; else empty} */
    public Optional<String> previousSecretHash() {
        return Optional.ofNullable(previousSecretHash);
    }

    /** {@return until when the previous secret still works; empty if there is none} */
    public Optional<Instant> previousSecretValidUntil() {
        return Optional.ofNullable(previousSecretValidUntil);
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
     * Increases with every update; {@link ApiKeyRepository#update} refuses a copy with an older version.
     *
     * @return the optimistic-locking version read with this copy
     */
    public long version() {
        return version;
    }

    /**
     * Renames the key.
     *
     * @param name the new label, at most 100 characters
     * @return this row
     */
    public ApiKeyRow setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Replaces the hash of the current secret.
     *
     * @param secretHash the hash of the new secret
     * @return this row
     */
    public ApiKeyRow setSecretHash(String secretHash) {
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        return this;
    }

    /**
     * Changes what the key may do.
     *
     * @param scope the new scope
     * @return this row
     */
    public ApiKeyRow setScope(ApiKeyScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
        return this;
    }

    /**
     * Changes the key's request budget.
     *
     * @param rateLimitPerMinute requests per minute; positive
     * @return this row
     * @throws IllegalArgumentException if {@code rateLimitPerMinute} is not positive
     */
    public ApiKeyRow setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = positive(rateLimitPerMinute);
        return this;
    }

    private static int positive(int rateLimitPerMinute) {
        if (rateLimitPerMinute <= 0) {
            throw new IllegalArgumentException("rateLimitPerMinute must be positive, was " + rateLimitPerMinute);
        }
        return rateLimitPerMinute;
    }

    /**
     * Sets when the key stops working.
     *
     * @param expiresAt the end of validity, or {@code null} for never
     * @return this row
     */
    public ApiKeyRow setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    /**
     * Replaces the addresses the key may be used from.
     *
     * @param ipAllowList addresses or CIDR blocks; empty for any
     * @return this row
     */
    public ApiKeyRow setIpAllowList(List<String> ipAllowList) {
        this.ipAllowList = List.copyOf(ipAllowList).toArray(String[]::new);
        return this;
    }

    /**
     * Marks the key revoked.
     *
     * @param at when it was revoked; {@code null} un-revokes it
     * @return this row
     */
    public ApiKeyRow setRevokedAt(Instant at) {
        this.revokedAt = at;
        return this;
    }

    /**
     * Sets the secret that keeps working after a regeneration and until when; both {@code null} for none.
     * They are set together because the table allows only both or neither.
     *
     * @param hash       the hash of the secret that keeps working, or {@code null}
     * @param validUntil when it stops working, or {@code null}
     * @return this row
     * @throws IllegalArgumentException if exactly one of the two is {@code null}
     */
    public ApiKeyRow setPreviousSecret(String hash, Instant validUntil) {
        if ((hash == null) != (validUntil == null)) {
            throw new IllegalArgumentException("previous secret hash and its validity end go together");
        }
        this.previousSecretHash = hash;
        this.previousSecretValidUntil = validUntil;
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
        return "ApiKeyRow[id=" + id + ", userId=" + userId + ", name=" + name + ", prefix=" + prefix
                + ", scope=" + scope + ", rateLimitPerMinute=" + rateLimitPerMinute + ", expiresAt=" + expiresAt
                + ", revokedAt=" + revokedAt + "]";
    }
}
