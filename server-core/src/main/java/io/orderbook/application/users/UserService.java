package io.orderbook.application.users;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.DuplicateKeyException;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.RefreshTokenRepository;
import io.orderbook.adapters.persistence.StaleRowException;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.UserRow;
import io.orderbook.adapters.security.PasswordHasher;
import io.orderbook.application.auth.CredentialEvents;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User administration: create, read, change and delete users; administrators only.
 *
 * <p>Disabling a user, or changing their role or password, increments the user's token version and
 * revokes their refresh tokens in the same transaction, then announces the change through
 * {@link CredentialEvents}: their access tokens, refresh tokens and API keys stop working at once (keys
 * work again when the user is enabled again; they are not revoked). There is always at least one enabled
 * administrator: disabling, demoting or deleting the last one is refused with 409 {@code CONFLICT}, and
 * administrators cannot do any of these to themselves.
 */
public final class UserService {

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    private final Database database;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AdminChangeLock adminChangeLock;
    private final CredentialEvents events;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param database        transactions over users and refresh tokens
     * @param users           stored users
     * @param refreshTokens   stored refresh tokens, revoked when a user changes
     * @param hasher          hashes new passwords
     * @param adminChangeLock serialises changes that could leave no enabled administrator
     * @param events          tells every node when a user's credentials change
     * @param clock           what "now" is
     */
    public UserService(Database database, UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                       AdminChangeLock adminChangeLock, CredentialEvents events, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.users = Objects.requireNonNull(users, "users");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.adminChangeLock = Objects.requireNonNull(adminChangeLock, "adminChangeLock");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates an enabled user.
     *
     * @param actor    the caller, who must be an administrator
     * @param username 3 to 64 letters, digits, '.', '_' or '-', unique ignoring case
     * @param password the password in clear text, 12 to 1024 characters; only its hash is stored
     * @param role     what the user may do
     * @return the new user
     * @throws ApiProblem 400 {@code VALIDATION_FAILED} for a bad username, password or missing role; 409
     *                    {@code CONFLICT} when the name is taken in any letter case
     */
    public UserAccount create(Actor actor, String username, String password, UserRole role) {
        requireAdmin(actor);
        Violations violations = new Violations();
        CredentialRules.checkUsername(violations, "username", username);
        CredentialRules.checkPassword(violations, "password", password);
        violations.require("role", role);
        violations.throwIfAny();
        try {
            return UserAccount.of(users.insert(new UserRow(username, hasher.hash(password), role, true)));
        } catch (DuplicateKeyException e) {
            if (UserRepository.USERNAME_CONSTRAINT.equals(e.constraint())) {
                throw ApiProblem.conflict("The username '" + username + "' is taken.");
            }
            throw e;
        }
    }

    /**
     * The user with this id.
     *
     * @param actor the caller, who must be an administrator
     * @param id    the user's id
     * @return the user
     * @throws ApiProblem 404 {@code NOT_FOUND} when there is none
     */
    public UserAccount get(Actor actor, long id) {
        requireAdmin(actor);
        return UserAccount.of(users.findById(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * All users, by id.
     *
     * @param actor the caller, who must be an administrator
     * @param page  which page
     * @return one page of users
     */
    public Page<UserAccount> list(Actor actor, PageRequest page) {
        requireAdmin(actor);
        return users.list(page).map(UserAccount::of);
    }

    /**
     * Changes role, enabled state and/or password. A change of any of them ends the user's sessions and
     * suspends their API keys until the change is read (at once on every node); setting a value the user
     * already has changes nothing.
     *
     * @param actor   the caller, who must be an administrator
     * @param id      the user to change
     * @param changes what to change
     * @return the user after the change
     * @throws ApiProblem 400 for an empty change or a weak password, 404 for an unknown user, 409 when it
     *                    would disable or demote the caller or the last enabled administrator, or when the
     *                    user changed concurrently
     */
    public UserAccount patch(Actor actor, long id, UserChanges changes) {
        requireAdmin(actor);
        Objects.requireNonNull(changes, "changes");
        Violations violations = new Violations();
        violations.check(!changes.isEmpty(), "body", "give at least one of role, enabled, password");
        if (changes.password() != null) CredentialRules.checkPassword(violations, "password", changes.password());
        violations.throwIfAny();
        boolean removesAdminRights = Boolean.FALSE.equals(changes.enabled()) || changes.role() == UserRole.TRADER;
        if (removesAdminRights && actor.userId() == id && actor.isAdmin()) {
            throw ApiProblem.conflict("Administrators cannot disable or demote themselves; ask another administrator.");
        }
        // Hash outside the transaction and the lock: it takes tens of milliseconds on purpose.
        String newHash = changes.password() == null ? null : hasher.hash(changes.password());
        AtomicReference<Result> result = new AtomicReference<>();
        Runnable change = () -> result.set(applyChanges(id, changes, newHash));
        try {
            if (removesAdminRights) adminChangeLock.whileHeld(change);
            else change.run();
        } catch (StaleRowException e) {
            throw ApiProblem.conflict("The user was changed at the same time; read it again and retry.");
        }
        if (result.get().changed()) events.userChanged(id);
        return result.get().user();
    }

    private record Result(UserAccount user, boolean changed) {
    }

    private Result applyChanges(long id, UserChanges changes, String newHash) {
        return database.inTransaction(session -> {
            UserRow row = users.findById(id).orElseThrow(() -> notFound(id));
            boolean disables = Boolean.FALSE.equals(changes.enabled()) && row.enabled();
            boolean demotes = changes.role() != null && changes.role() != row.role() && row.role() == UserRole.ADMIN;
            if (row.role() == UserRole.ADMIN && row.enabled() && (disables || demotes) && users.countEnabledAdmins() <= 1) {
                throw ApiProblem.conflict("This is the last enabled administrator; make another user an administrator first.");
            }
            boolean changed = false;
            if (changes.role() != null && changes.role() != row.role()) {
                row.setRole(changes.role());
                changed = true;
            }
            if (changes.enabled() != null && changes.enabled() != row.enabled()) {
                row.setEnabled(changes.enabled());
                changed = true;
            }
            if (newHash != null) {
                row.setPasswordHash(newHash);
                changed = true;
            }
            if (!changed) return new Result(UserAccount.of(row), false);
            // The update increments the version, which access tokens carry: older tokens stop matching.
            UserRow saved = users.update(row);
            refreshTokens.revokeAllOfUser(id, clock.instant());
            return new Result(UserAccount.of(saved), true);
        });
    }

    /**
     * Deletes a user with their API keys and refresh tokens; their request log stays.
     *
     * @param actor the caller, who must be an administrator
     * @param id    the user to delete
     * @throws ApiProblem 404 for an unknown user, 409 for the caller themselves or the last enabled administrator
     */
    public void delete(Actor actor, long id) {
        requireAdmin(actor);
        if (actor.userId() == id) {
            throw ApiProblem.conflict("Administrators cannot delete themselves; ask another administrator.");
        }
        adminChangeLock.whileHeld(() -> database.runInTransaction(session -> {
            UserRow row = users.findById(id).orElseThrow(() -> notFound(id));
            if (row.role() == UserRole.ADMIN && row.enabled() && users.countEnabledAdmins() <= 1) {
                throw ApiProblem.conflict("This is the last enabled administrator; make another user an administrator first.");
            }
            users.delete(id);
        }));
        events.userChanged(id);
    }

    /**
     * Creates the configured administrator when there are no users at all, as on a first start; does
     * nothing otherwise (also when another node created it at the same moment), so it is safe on every start.
     * The configured password is taken as it is: configuration already required a minimum length.
     *
     * @param username the configured username, 1 to 64 letters, digits, '.', '_' or '-'
     * @param password the configured password in clear text; only its hash is stored
     * @return whether the administrator was created
     * @throws IllegalArgumentException when the username or password could never be used to log in
     */
    public boolean ensureFirstAdmin(String username, String password) {
        if (username == null || !CredentialRules.ANY_USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("the first administrator's username must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.isEmpty() || password.length() > CredentialRules.MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the first administrator's password must have 1 to "
                    + CredentialRules.MAX_PASSWORD_LENGTH + " characters");
        }
        if (users.list(PageRequest.first(1)).total() > 0) return false;
        if (password.length() < CredentialRules.MIN_PASSWORD_LENGTH) {
            LOG.warn("The configured first administrator's password is shorter than {} characters; change it after logging in",
                    CredentialRules.MIN_PASSWORD_LENGTH);
        }
        try {
            users.insert(new UserRow(username, hasher.hash(password), UserRole.ADMIN, true));
        } catch (DuplicateKeyException e) {
            return false;
        }
        LOG.info("Created the first administrator '{}' from configuration", username);
        return true;
    }

    /** {@return whether there is any user; with none and no configured administrator nobody could ever log in} */
    public boolean anyUserExists() {
        return users.list(PageRequest.first(1)).total() > 0;
    }

    private static void requireAdmin(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.isAdmin()) throw ApiProblem.forbidden("User administration is for administrators.");
    }

    private static ApiProblem notFound(long id) {
        return ApiProblem.notFound("There is no user with id " + id + ".");
    }
}
