package io.orderbook.adapters.http.pipeline;

/** What a user may do: ADMIN manages users and sees everything; TRADER trades and manages its own keys. */
public enum Role {
    ADMIN,
    TRADER
}
