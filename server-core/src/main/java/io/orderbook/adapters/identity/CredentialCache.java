package io.orderbook.adapters.identity;

import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.KeyScope;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.persistence.ApiKeyRepository;
import io.orderbook.adapters.persistence.ApiKeyRow;
import io.orderbook.adapters.persistence.ApiKeyWithOwner;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRow;
import io.orderbook.application.apikeys.IpAllowList;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What authentication needs to know about users (by id) and API keys (by prefix), read from the database
 * and kept for a short time so that a request does not cost a query. {@link CredentialInvalidation}
 * drops entries on every node as soon as a service changes them; the time to live only bounds how long
 * a lost invalidation message could go unnoticed.
 */
public final class CredentialCache {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialCache.class);

    /** A user as far as bearer tokens are concerned; {@code version} is the current token version. */
    record UserEntry(long id, boolean enabled, long version, Caller.User caller) {
    }

    /**
     * A key with its owner's role and enabled flag, and the caller it authenticates as ready-made.
     * {@code allowList} is null when the stored list cannot be read, which allows no address.
     */
    record KeyEntry(long id, long userId, String secretHash, String previousSecretHash, Instant previousSecretValidUntil,
                    Instant expiresAt, Instant revokedAt, IpAllowList allowList, boolean ownerEnabled, Caller.ApiKey caller) {
    }

    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final ExpiringCache<Long, UserEntry> userEntries;
    private final ExpiringCache<String, KeyEntry> keyEntries;

    /**
     * An empty cache.
     *
     * @param users      where users are read on a miss
     * @param keys       where API keys, with their owners, are read on a miss
     * @param ttl        how long an entry is used before it is read again; only bounds a lost invalidation message
     * @param maxEntries users and, separately, keys held at most
     * @throws IllegalArgumentException if {@code ttl} is negative or {@code maxEntries} is less than 1
     */
    public CredentialCache(UserRepository users, ApiKeyRepository keys, Duration ttl, int maxEntries) {
        this(users, keys, ttl, maxEntries, System::nanoTime);
    }

    CredentialCache(UserRepository users, ApiKeyRepository keys, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.users = Objects.requireNonNull(users, "users");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.userEntries = new ExpiringCache<>(ttl.toNanos(), maxEntries, nanoTime);
        this.keyEntries = new ExpiringCache<>(ttl.toNanos(), maxEntries, nanoTime);
    }

    /** The user, or null when there is none. */
    UserEntry user(long id) {
        return userEntries.get(id, this::loadUser);
    }

    /** The key with this prefix, or null when there is none. */
    KeyEntry key(String prefix) {
        return keyEntries.get(prefix, this::loadKey);
    }

    /** Forgets the user and every key of theirs (a key carries its owner's role and enabled flag). */
    void userChanged(long userId) {
        userEntries.invalidate(userId);
        keyEntries.invalidateIf(key -> key.userId() == userId);
    }

    /** Forgets the key with this prefix. */
    void apiKeyChanged(String prefix) {
        keyEntries.invalidate(prefix);
    }

    /** Forgets everything, e.g. after invalidation messages may have been missed. */
    void clear() {
        userEntries.clear();
        keyEntries.clear();
    }

    private UserEntry loadUser(long id) {
        return users.findById(id).map(CredentialCache::entryOf).orElse(null);
    }

    private KeyEntry loadKey(String prefix) {
        return keys.findByPrefixWithOwner(prefix).map(CredentialCache::entryOf).orElse(null);
    }

    private static UserEntry entryOf(UserRow row) {
        return new UserEntry(row.id(), row.enabled(), row.version(), new Caller.User(row.id(), Role.valueOf(row.role().name())));
    }

    private static KeyEntry entryOf(ApiKeyWithOwner found) {
        ApiKeyRow row = found.key();
        IpAllowList allowList;
        try {
            allowList = IpAllowList.ofStored(row.ipAllowList());
        } catch (IllegalArgumentException e) {
            LOG.warn("API key {} has an unreadable IP allow-list; it is refused from every address", row.id());
            allowList = null;
        }
        Caller.ApiKey caller = new Caller.ApiKey(row.userId(), Role.valueOf(found.ownerRole().name()), row.id(),
                KeyScope.valueOf(row.scope().name()), row.rateLimitPerMinute());
        return new KeyEntry(row.id(), row.userId(), row.secretHash(), row.previousSecretHash().orElse(null),
                row.previousSecretValidUntil().orElse(null), row.expiresAt().orElse(null), row.revokedAt().orElse(null),
                allowList, found.ownerEnabled(), caller);
    }
}
