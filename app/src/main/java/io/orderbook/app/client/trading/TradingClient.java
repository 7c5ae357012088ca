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

    /**
     * Lists the markets.
     *
     * @return every listed market, halted ones included
     */
    List<Market> markets();

    /**
     * Reads a market's order book.
     *
     * @param market the market symbol, e.g. {@code BTC-USDT}
     * @param depth  how many price levels of each side to return (at most)
     * @return the best {@code depth} levels of each side
     */
    Book book(String market, int depth);

    /**
     * Reads a market's recent trades.
     *
     * @param market the market symbol
     * @param limit  the most trades to return
     * @return the most recent trades, newest first
     */
    List<PublicTrade> trades(String market, int limit);

    /**
     * Places an order.
     *
     * @param order the order to place
     * @return the order as the server accepted it and any fills it traded right away
     * @throws ClientException when the server refuses the order (invalid, insufficient balance, halted market)
     */
    OrderResult place(OrderRequest order);

    /**
     * Changes an open order's price and/or total quantity.
     *
     * @param orderId  the user's open order
     * @param price    the new limit price; null keeps the current one
     * @param quantity the new total quantity (filled part included); null keeps the current one
     * @return the order as amended and any fills a new price traded
     * @throws ClientException when the order is unknown, no longer open, or the change is invalid
     */
    OrderResult amend(long orderId, BigDecimal price, BigDecimal quantity);

    /**
     * Cancels an open order.
     *
     * @param orderId the user's open order
     * @return the order as cancelled
     * @throws ClientException when the order is unknown or no longer open
     */
    OrderResult cancel(long orderId);

    /**
     * Cancels every open order of the user in a market.
     *
     * @param market the market symbol
     * @return how many orders were cancelled (0 when none was open)
     */
    int cancelAll(String market);

    /**
     * Trades against another user's resting order at its price.
     *
     * @param orderId  the resting order to trade against
     * @param quantity how much to take, in base units; null takes all that is open
     * @return the user's order that traded and its fills
     * @throws ClientException when the order is gone or the user cannot afford the trade
     */
    OrderResult take(long orderId, BigDecimal quantity);

    /**
     * Cancels what is open of an order and trades back what has filled.
     *
     * @param orderId the user's order to close
     * @return the order as closed, the market order that traded back its fills, and that order's fills
     * @throws ClientException when the order is unknown or already closed
     */
    OrderResult close(long orderId);

    /**
     * Lists the user's open orders.
     *
     * @return the open orders of every market, newest first
     */
    List<Order> openOrders();

    /**
     * Lists the user's orders in any status.
     *
     * @param limit the most orders to return
     * @return the orders, newest first
     */
    List<Order> orderHistory(int limit);

    /**
     * Lists the user's fills.
     *
     * @param limit the most fills to return
     * @return the fills, newest first
     */
    List<Fill> fills(int limit);

    /**
     * Reads the user's balances.
     *
     * @return one balance per asset the user holds
     */
    List<Balance> balances();

    /**
     * Reads a market's candles.
     *
     * @param market   the market symbol
     * @param interval how long each candle lasts
     * @param limit    the most candles to return (the most recent ones)
     * @return the candles, oldest first; empty when the server has no candle endpoint (the chart then builds
     *         candles from trades)
     */
    Optional<List<Candle>> candles(String market, CandleInterval interval, int limit);

    /**
     * Reads every market's 24-hour statistics.
     *
     * @return one entry per market; empty when the server does not offer statistics
     */
    Optional<List<MarketStats>> stats();

    /**
     * Lists the user's own conditional orders (also for an administrator: never other users' orders).
     *
     * @return the conditional orders in any status, newest first
     */
    List<ConditionalOrder> conditionalOrders();

    /**
     * Arms a conditional order.
     *
     * @param request the conditional order to arm
     * @return the armed conditional order with its id
     * @throws ClientException with the server's problem when it refuses (bad input, too many armed)
     */
    ConditionalOrder placeConditional(ConditionalOrderRequest request);

    /**
     * Cancels an armed conditional order.
     *
     * @param id the conditional order's id
     * @throws ClientException with status 404 when it is not the user's, 409 when it is no longer armed
     */
    void cancelConditional(long id);

    /**
     * Subscribes to a market's live depth.
     *
     * @param market   the market symbol
     * @param listener receives a first snapshot right away, then one after each change
     * @return the subscription; closing it stops the listener
     */
    AutoCloseable onBook(String market, Consumer<Book> listener);

    /**
     * Subscribes to a market's live public trades.
     *
     * @param market   the market symbol
     * @param listener receives each new trade
     * @return the subscription; closing it stops the listener
     */
    AutoCloseable onTrades(String market, Consumer<PublicTrade> listener);

    /**
     * Subscribes to the user's live order events, fills and balances.
     *
     * @param listener receives a first balance snapshot right away, then each update
     * @return the subscription; closing it stops the listener
     */
    AutoCloseable onAccount(AccountListener listener);
}
