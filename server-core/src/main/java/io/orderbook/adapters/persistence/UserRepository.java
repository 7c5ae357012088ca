package io.orderbook.adapters.persistence;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores and finds users. Each method runs in its own transaction or joins the one running on this thread
 * (see {@link Database#inTransaction}). Rows returned are detached copies: change them and pass them to
 * {@link #update}.
 */
public final class UserRepository {

    /** The unique index that makes usernames unique regardless of case. */
    public static final String USERNAME_CONSTRAINT = "users_username_key";

    private final Database database;
    private final Clock clock;

    /**
     * A repository on {@code database}.
     *
     * @param database the database holding {@code users}
     * @param clock    the source of creation and update times
     */
    public UserRepository(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new user and returns it with its id and timestamps.
     *
     * @param user a user not yet stored (id 0); it is filled in and returned
     * @return {@code user}, now with its id and timestamps
     * @throws IllegalArgumentException if {@code user} is already stored
     * @throws DuplicateKeyException with {@link #USERNAME_CONSTRAINT} if the name is taken, in any case
     */
    public UserRow insert(UserRow user) {
        if (user.id() != 0) {
            throw new IllegalArgumentException("user is already stored: " + user.id());
        }
        return database.inTransaction(session -> {
            user.stampCreated(clock.instant());
            session.persist(user);
            session.flush();
            return user;
        });
    }

    /**
     * Writes the changed fields of a stored user and sets its update time.
     *
     * @param user a changed copy of a stored user, carrying the version it was read with
     * @return the stored state, with its new version
     * @throws DuplicateKeyException with {@link #USERNAME_CONSTRAINT} if renamed to a taken name
     * @throws StaleRowException if the user changed since {@code user} was read (e.g. disabled meanwhile)
     * @throws IllegalArgumentException if there is no such user
     */
    public UserRow update(UserRow user) {
        return database.inTransaction(session -> {
            if (session.find(UserRow.class, user.id()) == null) {
                throw new IllegalArgumentException("no user with id " + user.id());
            }
            user.stampUpdated(clock.instant());
            UserRow merged = session.merge(user);
            session.flush();
            return merged;
        });
    }

    /**
     * Increments the user's version without changing anything else. The version is the access tokens'
     * token version, so this ends every session at once (logout everywhere, a stolen refresh token
     * detected); {@link #update} alone cannot, because an update without a changed field writes nothing.
     *
     * @param id the user's id
     * @return whether the user exists
     */
    public boolean incrementVersion(long id) {
        return database.inTransaction(session -> session
                .createMutationQuery("update UserRow u set u.version = u.version + 1, u.updatedAt = :now where u.id = :id")
                .setParameter("now", clock.instant())
                .setParameter("id", id)
                .executeUpdate() > 0);
    }

    /**
     * Finds a user by id.
     *
     * @param id the user's id
     * @return the user, or empty if there is none with that id
     */
    public Optional<UserRow> findById(long id) {
        return database.inTransaction(session -> Optional.ofNullable(session.find(UserRow.class, id)));
    }

    /**
     * Finds a user by name, ignoring case ("Alice" finds "alice").
     *
     * @param username the login name
     * @return the user, or empty if no user has that name
     */
    public Optional<UserRow> findByUsername(String username) {
        return database.inTransaction(session -> session
                .createSelectionQuery("from UserRow u where lower(u.username) = lower(:username)", UserRow.class)
                .setParameter("username", username)
                .uniqueResultOptional());
    }

    /**
     * All users, oldest first.
     *
     * @param page which slice to return
     * @return the slice and the total number of users
     */
    public Page<UserRow> list(PageRequest page) {
        return database.inTransaction(session -> {
            long total = session.createSelectionQuery("select count(*) from UserRow", Long.class).getSingleResult();
            var items = session.createSelectionQuery("from UserRow u order by u.id", UserRow.class)
                    .setFirstResult(Math.toIntExact(page.offset()))
                    .setMaxResults(page.limit())
                    .getResultList();
            return new Page<>(items, total, page);
        });
    }

    /** {@return how many enabled administrators there are; the last one must not be disabled or deleted} */
    public long countEnabledAdmins() {
        return database.inTransaction(session -> session
                .createSelectionQuery("select count(*) from UserRow u where u.role = :role and u.enabled", Long.class)
                .setParameter("role", UserRole.ADMIN)
                .getSingleResult());
    }

    /**
     * Deletes a user together with its API keys and refresh tokens; its request log rows stay.
     *
     * @param id the user's id
     * @return whether the user existed
     */
    public boolean delete(long id) {
        return database.inTransaction(session -> session
                .createMutationQuery("delete from UserRow u where u.id = :id")
                .setParameter("id", id)
                .executeUpdate() > 0);
    }
}
