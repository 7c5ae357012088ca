package io.orderbook.adapters.persistence;

/** What a user may do: administrators manage users and see everything, traders only their own data. */
public enum UserRole {
    /** Manages users and markets and sees every user's data. */
    ADMIN,
    /** Trades and sees only their own data. */
    TRADER
}
