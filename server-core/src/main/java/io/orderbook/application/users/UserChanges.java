package io.orderbook.application.users;

import io.orderbook.adapters.persistence.UserRole;

/**
 * What to change about a user; a null field stays as it is.
 *
 * @param role     the new role
 * @param enabled  whether the user may log in and call the API
 * @param password the new password in clear text; hashed before it is stored, never kept
 */
public record UserChanges(UserRole role, Boolean enabled, String password) {

    /** {@return whether nothing is to change} */
    public boolean isEmpty() {
        return role == null && enabled == null && password == null;
    }

    @Override
    public String toString() {
        return "UserChanges[role=" + role + ", enabled=" + enabled + ", password=" + (password == null ? "null" : "<redacted>") + "]";
    }
}
