package io.orderbook.adapters.http.pipeline;

/** What a user may do: ADMIN manages users and sees everything; TRADER trades and manages its own keys. */
public enum Role {
    /** Manages users, keys and markets, and sees every user's data. */
    ADMIN,
    /** Trades and manages its own keys; sees only its own data. */
    TRADER
}
