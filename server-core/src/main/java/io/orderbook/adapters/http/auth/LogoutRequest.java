package io.orderbook.adapters.http.auth;

/** The body of {@code POST /auth/logout}: the refresh token to revoke and/or every session. */
record LogoutRequest(String refreshToken, Boolean allSessions) {

    @Override
    public String toString() {
        return "LogoutRequest[refreshToken=" + (refreshToken == null ? "null" : "<redacted>") + ", allSessions=" + allSessions + "]";
    }
}
