package io.orderbook.application.jobs;

import java.time.Instant;
import java.util.List;

/** Finds and marks API keys whose expiry has passed (PostgreSQL). */
public interface ApiKeyExpiries {

    /**
     * Marks every unrevoked key whose expiry is at or before {@code now} and not yet announced, and returns them. A
     * key is returned once per expiry: extended and expired again, it is returned again.
     *
     * @param now the current time
     * @return the keys marked by this call; empty if none
     */
    List<ExpiredApiKey> markExpired(Instant now);
}
