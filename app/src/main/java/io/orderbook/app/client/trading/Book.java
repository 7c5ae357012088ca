package io.orderbook.app.client.trading;

import java.util.List;

/**
 * The best levels of a market's book at one moment.
 *
 * @param bids best (highest) first
 * @param asks best (lowest) first
 */
public record Book(String market, List<BookLevel> bids, List<BookLevel> asks) {

    public Book {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
