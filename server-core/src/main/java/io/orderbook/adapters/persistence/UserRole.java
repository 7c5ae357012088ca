package io.orderbook.adapters.persistence;

/** What a user may do: administrators manage users and see everything, traders only their own data. */
public enum UserRole {
    ADMIN,
    TRADER
}
