package io.orderbook.app.client.admin;

/** A user's role: administrators manage users, markets and everyone's keys; traders trade. */
public enum UserRole {
    ADMIN,
    TRADER
}
