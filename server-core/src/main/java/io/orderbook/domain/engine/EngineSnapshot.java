package io.orderbook.domain.engine;

import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

import java.util.List;

/**
 * Everything needed to rebuild a {@link MatchingEngine} exactly: markets, balances, resting orders in
 * priority order, and filled orders that can still be closed.
 *
 * @param markets        every listed market
 * @param haltedMarkets  ids of the listed markets that are halted
 * @param balances       every non-zero balance, the fee account's included
 * @param restingOrders  per market, bids then asks, each best price first and oldest first
 * @param closableOrders ended orders with fills that can still be closed
 * @param nextTradeId    the id the next trade gets
 */
public record EngineSnapshot(List<Market> markets, List<Integer> haltedMarkets, List<Ledger.Balance> balances,
                             List<RestingOrder> restingOrders, List<ClosableOrder> closableOrders,
                             long nextTradeId) {

    /**
     * Copies the lists, so the snapshot does not change with them.
     *
     * @throws NullPointerException if a list is null or holds null
     */
    public EngineSnapshot {
        markets = List.copyOf(markets);
        haltedMarkets = List.copyOf(haltedMarkets);
        balances = List.copyOf(balances);
        restingOrders = List.copyOf(restingOrders);
        closableOrders = List.copyOf(closableOrders);
    }

    /**
     * An order resting in a book.
     *
     * @param orderId        the order
     * @param userId         its owner
     * @param marketId       its market
     * @param side           buy or sell
     * @param type           limit or post-only limit
     * @param timeInForce    GTC or GTD
     * @param price          limit price
     * @param openQuantity   base quantity still open
     * @param filledQuantity base quantity filled so far
     * @param reserved       funds it holds locked, in the asset it spends
     * @param expireAt       expiry of a GTD order, otherwise 0
     * @param stp            the self-trade prevention that applies to it
     */
    public record RestingOrder(long orderId, long userId, int marketId, Side side, OrderType type,
                               TimeInForce timeInForce, long price, long openQuantity, long filledQuantity,
                               long reserved, long expireAt, SelfTradePrevention stp) {
    }

    /**
     * An order that is no longer open but filled something, and whether it has been closed.
     *
     * @param orderId        the order
     * @param userId         its owner
     * @param marketId       its market
     * @param side           buy or sell
     * @param filledQuantity base quantity it filled: what a close trades back
     * @param closed         whether it has been closed already
     * @param endedAt        when it last changed after it ended (its end, or its close), in epoch milliseconds:
     *                       its close period (see {@link CloseRetention}) runs from here
     */
    public record ClosableOrder(long orderId, long userId, int marketId, Side side, long filledQuantity,
                                boolean closed, long endedAt) {
    }
}
