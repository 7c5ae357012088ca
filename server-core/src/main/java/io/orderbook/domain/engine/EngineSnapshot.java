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
 * @param restingOrders per market, bids then asks, each best price first and oldest first
 */
public record EngineSnapshot(List<Market> markets, List<Integer> haltedMarkets, List<Ledger.Balance> balances,
                             List<RestingOrder> restingOrders, List<ClosableOrder> closableOrders,
                             long nextTradeId) {

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
     * @param reserved funds it holds locked, in the asset it spends
     * @param expireAt expiry of a GTD order, otherwise 0
     */
    public record RestingOrder(long orderId, long userId, int marketId, Side side, OrderType type,
                               TimeInForce timeInForce, long price, long openQuantity, long filledQuantity,
                               long reserved, long expireAt, SelfTradePrevention stp) {
    }

    /**
     * An order that is no longer open but filled something, and whether it has been closed.
     *
     * @param endedAt when it last changed after it ended (its end, or its close), in epoch milliseconds: its close
     *                period (see {@link CloseRetention}) runs from here
     */
    public record ClosableOrder(long orderId, long userId, int marketId, Side side, long filledQuantity,
                                boolean closed, long endedAt) {
    }
}
