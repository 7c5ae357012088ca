package io.orderbook.app.client.trading;

import io.orderbook.app.client.ClientException;
import io.orderbook.application.marketdata.CandleInterval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The trading part of the workstation's client, for the logged-in user. Every method blocks (never call it on the
 * FX thread) and reports refusals as {@link ClientException} with the server's problem. Stream listeners are
 * called on a client thread; closing the returned handle stops them.
 */
public interface TradingClient {

    /** Every listed market. */
    List<Market> markets();

    /** The best {@code depth} levels of each side. */
    Book book(String market, int depth);

    /** The most recent trades, newest first. */
    List<PublicTrade> trades(String market, int limit);

    /** Places an order. */
    OrderResult place(OrderRequest order);

    /** Changes an open order's price and/or total quantity (a null one stays). */
    OrderResult amend(long orderId, BigDecimal price, BigDecimal quantity);

    /** Cancels an open order. */
    OrderResult cancel(long orderId);

    /** Cancels every open order in the market; returns how many were cancelled. */
    int cancelAll(String market);

    /** Trades against another user's resting order at its price; a null quantity takes all that is open. */
    OrderResult take(long orderId, BigDecimal quantity);

    /** Cancels what is open of an order and trades back what has filled. */
    OrderResult close(long orderId);

    /** The user's open orders, newest first. */
    List<Order> openOrders();

    /** The user's orders in any status, newest first. */
    List<Order> orderHistory(int limit);

    /** The user's fills, newest first. */
    List<Fill> fills(int limit);

    /** The user's balances. */
    List<Balance> balances();

    /**
     * Candles of a market, oldest first; empty when the server has no candle endpoint (the chart then builds candles
     * from trades).
     */
    Optional<List<Candle>> candles(String market, CandleInterval interval, int limit);

    /** Every market's 24-hour statistics; empty when the server does not offer them. */
    Optional<List<MarketStats>> stats();

    /** The user's own conditional orders (also for an administrator), newest first. */
    List<ConditionalOrder> conditionalOrders();

    /** Arms a conditional order; a refusal (bad input, too many armed) is the server's problem. */
    ConditionalOrder placeConditional(ConditionalOrderRequest request);

    /** Cancels an armed conditional order: 404 when it is not the user's, 409 when it is no longer armed. */
    void cancelConditional(long id);

    /** Live depth snapshots of a market (a first one right away). */
    AutoCloseable onBook(String market, Consumer<Book> listener);

    /** Live public trades of a market. */
    AutoCloseable onTrades(String market, Consumer<PublicTrade> listener);

    /** The user's live order events, fills and balances (a first balance snapshot right away). */
    AutoCloseable onAccount(AccountListener listener);
}
