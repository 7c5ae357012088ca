package io.orderbook.domain.engine;

import io.orderbook.domain.book.BookOrder;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

/** An order as the engine tracks it: the book's view plus its market, type and the funds it holds. */
final class Order extends BookOrder {
    final MarketState market;
    final Account account;
    final OrderType type;
    final TimeInForce timeInForce;
    /** Sized by a quote amount rather than a base quantity (market buys only). */
    final boolean quoteSized;
    /** Funds still locked for this order, in the asset it spends (quote for buys, base for sells). */
    long reserved;
    /** Whether the order has been closed (see {@link Command.CloseOrder}). */
    boolean closed;
    /** When the order last changed after it ended (its end, or its close): its close period runs from here. */
    long endedAt;

    Order(long id, MarketState market, Account account, Side side, OrderType type, TimeInForce timeInForce,
          long price, long openLots, long budget, long expireAt, SelfTradePrevention stp, boolean quoteSized) {
        super(id, account.userId, side, price, openLots, budget, expireAt, stp);
        this.market = market;
        this.account = account;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quoteSized = quoteSized;
    }

    /** Sets the filled quantity when rebuilding the order from a snapshot. */
    void restoreFilled(long lots) {
        restoreFilledLots(lots);
    }

    /** The asset this order spends. */
    int spendAsset() {
        return side() == Side.BUY ? market.market.quoteAsset() : market.market.baseAsset();
    }
}
