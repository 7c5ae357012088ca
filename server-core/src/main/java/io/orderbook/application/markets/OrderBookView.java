package io.orderbook.application.markets;

import io.orderbook.domain.engine.BookLevel;

import java.util.List;

/**
 * The best levels of a market's book at one moment, read between two of the sequencer's batches, so both sides
 * are consistent and durable. Prices and quantities in minor units (see {@link BookLevel}).
 *
 * @param market the market
 * @param bids   best (highest) price first
 * @param asks   best (lowest) price first
 */
public record OrderBookView(MarketView market, List<BookLevel> bids, List<BookLevel> asks) {

    /** Copies both sides, so the view cannot change afterwards. */
    public OrderBookView {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
