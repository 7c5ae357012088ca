package io.orderbook.app.client.admin;

import java.time.Instant;
import java.util.Objects;

/** A user account as an administrator sees it. */
public record AdminUser(long id, String username, UserRole role, boolean enabled, Instant createdAt, Instant updatedAt) {

    public AdminUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
