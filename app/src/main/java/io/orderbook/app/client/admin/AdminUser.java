package io.orderbook.app.client.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * A user account as an administrator sees it.
 *
 * @param id        the user's id
 * @param username  the login name
 * @param role      what the user may do
 * @param enabled   whether the user may log in and their keys work
 * @param createdAt when the account was created
 * @param updatedAt when the account last changed
 */
public record AdminUser(long id, String username, UserRole role, boolean enabled, Instant createdAt, Instant updatedAt) {

    /**
     * Checks the required parts.
     *
     * @throws NullPointerException if username or role is null
     */
    public AdminUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
