package io.orderbook.application.users;

import io.orderbook.adapters.persistence.UserRole;
import java.util.Objects;

/**
 * The user on whose behalf a service call is made, as authenticated at the edge; services use it to
 * decide what the caller may see and change.
 *
 * @param userId the authenticated user's id
 * @param role   the user's role at the time of the call
 */
public record Actor(long userId, UserRole role) {

    /** Checks that the role is given. */
    public Actor {
        Objects.requireNonNull(role, "role");
    }

    /** {@return whether the caller has the ADMIN role} */
    public boolean isAdmin() {
        return role == UserRole.ADMIN;
    }
}
