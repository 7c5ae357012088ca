package io.orderbook.app.client.admin;

/** A user's role: administrators manage users, markets and everyone's keys; traders trade. */
public enum UserRole {
    /** Manages users, markets and everyone's keys, and may also trade. */
    ADMIN,
    /** Trades and manages their own keys. */
    TRADER
}
