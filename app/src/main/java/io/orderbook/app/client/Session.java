package io.orderbook.app.client;

import java.util.Objects;

/**
 * Who is logged in.
 *
 * @param userId   the server's id of the user
 * @param username the login name
 * @param role     {@code ADMIN} or {@code TRADER}
 */
public record Session(long userId, String username, String role) {

    /**
     * Checks that the names are there.
     *
     * @throws NullPointerException if username or role is null
     */
    public Session {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    /**
     * Whether the admin screens are available.
     *
     * @return true for the {@code ADMIN} role
     */
    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }
}
