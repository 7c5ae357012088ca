package io.orderbook.adapters.http.auth;

/** The body of {@code POST /auth/login}. */
record LoginRequest(String username, String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=<redacted>]";
    }
}
