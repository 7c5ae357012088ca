package io.orderbook.application.users;

import io.orderbook.adapters.persistence.UserRole;
import java.util.Objects;

/**
 * The user on whose behalf a service call is made, as authenticated at the edge; services use it to
 * decide what the caller may see and change.
 */
public record Actor(long userId, UserRole role) {

    public Actor {
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == UserRole.ADMIN;
    }
}
