package io.orderbook.adapters.http.auth;

/** The body of {@code POST /auth/refresh}. */
record RefreshRequest(String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=<redacted>]";
    }
}
