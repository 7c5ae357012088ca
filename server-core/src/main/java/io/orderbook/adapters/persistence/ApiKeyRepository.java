package io.orderbook.adapters.persistence;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stores and finds API keys. Each method runs in its own transaction or joins the one running on this
 * thread (see {@link Database#inTransaction}). Rows returned are detached copies: change them and pass
 * them to {@link #update}.
 */
public final class ApiKeyRepository {

    /** The unique constraint on the visible key prefix. */
    public static final String PREFIX_CONSTRAINT = "api_keys_prefix_key";

    private final Database database;
    private final Clock clock;

    /**
     * A repository on {@code database}.
     *
     * @param database the database holding {@code api_keys}
     * @param clock    the source of creation and update times
     */
    public ApiKeyRepository(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new key and returns it with its id and timestamps.
     *
     * @param key a key not yet stored (id 0); it is filled in and returned
     * @return {@code key}, now with its id and timestamps
     * @throws DuplicateKeyException with {@link #PREFIX_CONSTRAINT} if the prefix is taken
     * @throws IllegalArgumentException if {@code key} is already stored
     */
    public ApiKeyRow insert(ApiKeyRow key) {
        if (key.id() != 0) {
            throw new IllegalArgumentException("key is already stored: " + key.id());
        }
        return database.inTransaction(session -> {
            key.stampCreated(clock.instant());
            session.persist(key);
            session.flush();
            return key;
        });
    }

    /**
     * Writes the changed fields of a stored key (name, scope, limit, expiry, allow-list, secrets, revocation)
     * and sets its update time. {@code lastUsedAt} is never written here: {@link #touchLastUsed} owns it.
     *
     * @param key a changed copy of a stored key, carrying the version it was read with
     * @return the stored state, with its new version
     * @throws StaleRowException if the key changed since {@code key} was read (e.g. revoked meanwhile)
     * @throws IllegalArgumentException if there is no such key
     */
    public ApiKeyRow update(ApiKeyRow key) {
        return database.inTransaction(session -> {
            if (session.find(ApiKeyRow.class, key.id()) == null) {
                throw new IllegalArgumentException("no API key with id " + key.id());
            }
            key.stampUpdated(clock.instant());
            ApiKeyRow merged = session.merge(key);
            session.flush();
            return merged;
        });
    }

    /**
     * Finds a key by its id.
     *
     * @param id the key's id
     * @return the key, or empty if there is none with that id
     */
    public Optional<ApiKeyRow> findById(long id) {
        return database.inTransaction(session -> Optional.ofNullable(session.find(ApiKeyRow.class, id)));
    }

    /**
     * Finds a key by the visible prefix a caller presents.
     *
     * @param prefix the visible part of the key
     * @return the key, or empty if no key has that prefix
     */
    public Optional<ApiKeyRow> findByPrefix(String prefix) {
        return database.inTransaction(session -> session
                .createSelectionQuery("from ApiKeyRow k where k.prefix = :prefix", ApiKeyRow.class)
                .setParameter("prefix", prefix)
                .uniqueResultOptional());
    }

    /**
     * Finds a key by prefix with its owner's role and enabled flag: everything authentication needs, in one query.
     *
     * @param prefix the visible part of the key
     * @return the key and its owner's state, or empty if no key has that prefix
     */
    public Optional<ApiKeyWithOwner> findByPrefixWithOwner(String prefix) {
        return database.inTransaction(session -> session
                .createSelectionQuery("""
                        select k, u.role, u.enabled
                        from ApiKeyRow k join UserRow u on u.id = k.userId
                        where k.prefix = :prefix""", Object[].class)
                .setParameter("prefix", prefix)
                .uniqueResultOptional()
                .map(row -> new ApiKeyWithOwner((ApiKeyRow) row[0], (UserRole) row[1], (Boolean) row[2])));
    }

    /**
     * The keys of one user, oldest first.
     *
     * @param userId the owner's id
     * @param page   which slice to return
     * @return the slice and the owner's total number of keys
     */
    public Page<ApiKeyRow> listByOwner(long userId, PageRequest page) {
        return database.inTransaction(session -> {
            long total = session.createSelectionQuery("select count(*) from ApiKeyRow k where k.userId = :userId", Long.class)
                    .setParameter("userId", userId)
                    .getSingleResult();
            var items = session.createSelectionQuery("from ApiKeyRow k where k.userId = :userId order by k.id", ApiKeyRow.class)
                    .setParameter("userId", userId)
                    .setFirstResult(Math.toIntExact(page.offset()))
                    .setMaxResults(page.limit())
                    .getResultList();
            return new Page<>(items, total, page);
        });
    }

    /**
     * The keys of all users, oldest first (for administrators).
     *
     * @param page which slice to return
     * @return the slice and the total number of keys
     */
    public Page<ApiKeyRow> listAll(PageRequest page) {
        return database.inTransaction(session -> {
            long total = session.createSelectionQuery("select count(*) from ApiKeyRow", Long.class).getSingleResult();
            var items = session.createSelectionQuery("from ApiKeyRow k order by k.id", ApiKeyRow.class)
                    .setFirstResult(Math.toIntExact(page.offset()))
                    .setMaxResults(page.limit())
                    .getResultList();
            return new Page<>(items, total, page);
        });
    }

    /**
     * Deletes a key.
     *
     * @param id the key's id
     * @return whether it existed
     */
    public boolean delete(long id) {
        return database.inTransaction(session -> session
                .createMutationQuery("delete from ApiKeyRow k where k.id = :id")
                .setParameter("id", id)
                .executeUpdate() > 0);
    }

    /**
     * Records that a key was used at {@code at}. Never moves the time backwards, so late or reordered
     * writes are harmless.
     *
     * @param id the key's id; an unknown id is ignored
     * @param at when the key was used
     */
    public void touchLastUsed(long id, Instant at) {
        touchLastUsed(Map.of(id, at));
    }

    /**
     * Records the last use of many keys in one JDBC batch, for a writer that collects uses in memory and
     * flushes them every few seconds instead of writing on every request.
     *
     * @param lastUseByKeyId the latest use of each key, by key id; unknown ids are ignored
     */
    public void touchLastUsed(Map<Long, Instant> lastUseByKeyId) {
        if (lastUseByKeyId.isEmpty()) {
            return;
        }
        database.runInTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update api_keys set last_used_at = ?
                    where id = ? and (last_used_at is null or last_used_at < ?)""")) {
                // Ascending ids: concurrent flushes lock rows in the same order and cannot deadlock.
                for (Map.Entry<Long, Instant> use : new TreeMap<>(lastUseByKeyId).entrySet()) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(use.getValue(), ZoneOffset.UTC);
                    update.setObject(1, at);
                    update.setLong(2, use.getKey());
                    update.setObject(3, at);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }));
    }
}
