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

    protected ApiKeyRow() {
        // for Hibernate
    }

    /**
     * A new, not yet stored key; {@link ApiKeyRepository#insert} assigns the id and timestamps.
     *
     * @param expiresAt   when the key stops working, or {@code null} for never
     * @param ipAllowList addresses or CIDR blocks the key may be used from; empty for any
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

    /** The id, or 0 before the row is inserted. */
    public long id() {
        return id == null ? 0 : id;
    }

    public long userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public String secretHash() {
        return secretHash;
    }

    public ApiKeyScope scope() {
        return scope;
    }

    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public List<String> ipAllowList() {
        return List.of(ipAllowList);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<String> previousSecretHash() {
        return Optional.ofNullable(previousSecretHash);
    }

    public Optional<Instant> previousSecretValidUntil() {
        return Optional.ofNullable(previousSecretValidUntil);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Increases with every update; {@link ApiKeyRepository#update} refuses a copy with an older version. */
    public long version() {
        return version;
    }

    public ApiKeyRow setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    public ApiKeyRow setSecretHash(String secretHash) {
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        return this;
    }

    public ApiKeyRow setScope(ApiKeyScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
        return this;
    }

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

    /** Sets when the key stops working; {@code null} for never. */
    public ApiKeyRow setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public ApiKeyRow setIpAllowList(List<String> ipAllowList) {
        this.ipAllowList = List.copyOf(ipAllowList).toArray(String[]::new);
        return this;
    }

    /** Marks the key revoked at {@code at}; {@code null} un-revokes it. */
    public ApiKeyRow setRevokedAt(Instant at) {
        this.revokedAt = at;
        return this;
    }

    /**
     * Sets the secret that keeps working after a regeneration and until when; both {@code null} for none.
     * They are set together because the table allows only both or neither.
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
