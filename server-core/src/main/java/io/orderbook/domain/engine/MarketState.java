package io.orderbook.domain.engine;

import io.orderbook.domain.book.BookListener;
import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.model.Market;

/** A market's rules, its book and whether it is halted. */
final class MarketState {
    final Market market;
    final OrderBook book;
    final long unitNotional;
    boolean halted;

    MarketState(Market market, BookListener listener) {
        this.market = market;
        this.unitNotional = market.unitNotional();
        this.book = new OrderBook(unitNotional, listener);
    }
}
