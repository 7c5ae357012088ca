package io.orderbook.adapters.http.users;

import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.users.UserAccount;
import java.time.Instant;

/** The JSON of a user ({@code User} in the OpenAPI document). */
public record UserResponse(long id, String username, UserRole role, boolean enabled, Instant createdAt, Instant updatedAt) {

    public static UserResponse of(UserAccount user) {
        return new UserResponse(user.id(), user.username(), user.role(), user.enabled(), user.createdAt(), user.updatedAt());
    }
}
