package io.orderbook.application.markets;

import java.util.List;
import java.util.Optional;

/**
 * The listed markets as every node serves them, kept in a shared store (Redis) so reads need neither the database
 * nor the engine. {@link MarketService} keeps it in step with each change and reloads it from the database when it
 * has lost the list; implementations only store what they are given.
 */
public interface MarketCache {

    /** {@return every market, or empty when the cache does not hold the list (never loaded, or lost)} */
    Optional<List<MarketView>> all();

    /**
     * One market by symbol.
     *
     * @param symbol e.g. {@code BTC-USDT}
     * @return the market; empty when it is not cached (which means unknown only if {@link #loaded()})
     */
    Optional<MarketView> get(String symbol);

    /** {@return whether the cache holds the complete list} */
    boolean loaded();

    /**
     * Adds or replaces one market. It does not make a cache that lost the list {@link #loaded()}.
     *
     * @param market the market as it is now
     */
    void put(MarketView market);

    /**
     * Forgets one market.
     *
     * @param symbol the market's symbol
     */
    void remove(String symbol);

    /**
     * Replaces the whole list at once and marks the cache loaded.
     *
     * @param markets every listed market
     */
    void replaceAll(List<MarketView> markets);
}
