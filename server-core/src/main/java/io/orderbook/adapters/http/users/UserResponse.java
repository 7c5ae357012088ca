package io.orderbook.adapters.http.users;

import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.users.UserAccount;
import java.time.Instant;

/**
 * The JSON of a user ({@code User} in the OpenAPI document).
 *
 * @param id        the user's id
 * @param username  the login name
 * @param role      what the user may do
 * @param enabled   whether the user may log in and use API keys
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 */
public record UserResponse(long id, String username, UserRole role, boolean enabled, Instant createdAt, Instant updatedAt) {

    /**
     * The JSON of a user.
     *
     * @param user the user as the application sees it
     * @return the response
     */
    public static UserResponse of(UserAccount user) {
        return new UserResponse(user.id(), user.username(), user.role(), user.enabled(), user.createdAt(), user.updatedAt());
    }
}
