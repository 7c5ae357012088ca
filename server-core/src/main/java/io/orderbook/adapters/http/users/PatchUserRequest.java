package io.orderbook.adapters.http.users;

import io.orderbook.adapters.persistence.UserRole;

/** The body of {@code PATCH /users/{id}} ({@code UserPatch}); absent or null fields stay unchanged. */
record PatchUserRequest(UserRole role, Boolean enabled, String password) {

    @Override
    public String toString() {
        return "PatchUserRequest[role=" + role + ", enabled=" + enabled + ", password=" + (password == null ? "null" : "<redacted>") + "]";
    }
}
