package io.orderbook.app.client.trading;

import java.util.List;

/**
 * The best levels of a market's book at one moment.
 *
 * @param market the market symbol
 * @param bids   best (highest) first
 * @param asks   best (lowest) first
 */
public record Book(String market, List<BookLevel> bids, List<BookLevel> asks) {

    /** Copies both sides so that the book cannot change afterwards. */
    public Book {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
