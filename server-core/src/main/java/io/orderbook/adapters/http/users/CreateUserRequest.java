package io.orderbook.adapters.http.users;

import io.orderbook.adapters.persistence.UserRole;

/** The body of {@code POST /users} ({@code UserCreate}). */
record CreateUserRequest(String username, String password, UserRole role) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", password=<redacted>, role=" + role + "]";
    }
}
