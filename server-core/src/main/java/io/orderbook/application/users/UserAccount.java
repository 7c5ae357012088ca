package io.orderbook.application.users;

import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.UserRow;
import java.time.Instant;

/**
 * A user as the services show it: everything but the password hash.
 *
 * @param id        the user's id
 * @param username  the login name, unique ignoring case
 * @param role      what the user may do
 * @param enabled   false when the user may not log in or call the API
 * @param createdAt when the user was created
 * @param updatedAt when the user last changed
 */
public record UserAccount(long id, String username, UserRole role, boolean enabled, Instant createdAt, Instant updatedAt) {

    /**
     * The account of a stored user, without its password hash.
     *
     * @param row the stored user
     * @return the account
     */
    public static UserAccount of(UserRow row) {
        return new UserAccount(row.id(), row.username(), row.role(), row.enabled(), row.createdAt(), row.updatedAt());
    }
}
