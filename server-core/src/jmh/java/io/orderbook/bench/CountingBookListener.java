package io.orderbook.bench;

import io.orderbook.domain.book.BookListener;
import io.orderbook.domain.book.BookOrder;

/** Counts what the book reports: the cheapest listener that still observes every trade. */
final class CountingBookListener implements BookListener {
    long trades;
    long tradedLots;
    long makersRemoved;

    @Override
    public void trade(BookOrder maker, BookOrder taker, long priceTicks, long lots) {
        trades++;
        tradedLots += lots;
    }

    @Override
    public void makerRemoved(BookOrder maker, MakerRemoval reason) {
        makersRemoved++;
    }

    void reset() {
        trades = 0;
        tradedLots = 0;
        makersRemoved = 0;
    }
}
