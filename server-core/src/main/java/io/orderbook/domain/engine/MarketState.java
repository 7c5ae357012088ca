package io.orderbook.domain.engine;

import io.orderbook.domain.book.BookListener;
import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.model.Market;

/**
 * A market's rules, its book and whether it is halted. The rules may be replaced by ones with the same tick and
 * lot size (see {@link Command.UpdateMarket}); orders read them from here, so they see the change at once.
 */
final class MarketState {
    Market market;
    final OrderBook book;
    final long unitNotional;
    boolean halted;

    MarketState(Market market, BookListener listener) {
        this.market = market;
        this.unitNotional = market.unitNotional();
        this.book = new OrderBook(unitNotional, listener);
    }
}
