package io.orderbook.application.users;

import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.UserRow;
import java.time.Instant;

/** A user as the services show it: everything but the password hash. */
public record UserAccount(long id, String username, UserRole role, boolean enabled, Instant createdAt, Instant updatedAt) {

    public static UserAccount of(UserRow row) {
        return new UserAccount(row.id(), row.username(), row.role(), row.enabled(), row.createdAt(), row.updatedAt());
    }
}
