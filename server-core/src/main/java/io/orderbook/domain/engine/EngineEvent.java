package io.orderbook.domain.engine;

import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

/**
 * Something the {@link MatchingEngine} did. Every command yields at least one event, except an
 * {@link Command.ExpireOrders} with nothing due; units are those of
 * {@link Command}.
 */
public sealed interface EngineEvent {

    /** The timestamp of the command that caused the event. */
    long timestamp();

    /** The command was refused and changed nothing. */
    record CommandRejected(long timestamp, Command command, RejectReason reason) implements EngineEvent {
    }

    /** A new order passed validation and its funds are reserved. */
    record OrderAccepted(long timestamp, long orderId, long userId, int marketId, Side side, OrderType type,
                         TimeInForce timeInForce, long price, long quantity, long quoteAmount, long expireAt,
                         SelfTradePrevention stp) implements EngineEvent {
    }

    /** A trade at the maker's price. Fees are in the quote asset. */
    record TradeExecuted(long timestamp, long tradeId, int marketId, long price, long quantity, long quoteQuantity,
                         long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                         long makerFee, long takerFee) implements EngineEvent {
    }

    /** An order traded part of its quantity and is still open. */
    record OrderPartiallyFilled(long timestamp, long orderId, long userId, int marketId, long filledQuantity,
                                long openQuantity) implements EngineEvent {
    }

    /** An order is done trading: fully filled, or a quote-sized market buy spent its budget. */
    record OrderFilled(long timestamp, long orderId, long userId, int marketId, long filledQuantity)
            implements EngineEvent {
    }

    /** An order was cancelled by its owner (or by closing it); its reservation is released. */
    record OrderCancelled(long timestamp, long orderId, long userId, int marketId, long filledQuantity,
                          long openQuantity, CancelReason reason) implements EngineEvent {
    }

    /**
     * An order stopped without being cancelled by its owner; its reservation is released.
     * {@code openQuantity} is 0 for market buys sized by quote amount.
     */
    record OrderExpired(long timestamp, long orderId, long userId, int marketId, long filledQuantity,
                        long openQuantity, ExpireReason reason) implements EngineEvent {
    }

    /** A resting order's price or quantity changed. */
    record OrderAmended(long timestamp, long orderId, long userId, int marketId, long price, long quantity,
                        long openQuantity, boolean priorityKept) implements EngineEvent {
    }

    /**
     * An order was closed. {@code closingOrderId} is the opposite-side market order that trades back
     * {@code quantity}, or 0 when nothing had filled and closing only cancelled.
     */
    record OrderClosed(long timestamp, long orderId, long userId, long closingOrderId, long quantity)
            implements EngineEvent {
    }

    /** A user's available balance was credited or debited from outside trading. */
    record BalanceAdjusted(long timestamp, long userId, int asset, long amount, long available)
            implements EngineEvent {
    }

    /** A market was halted or resumed. */
    record MarketHaltChanged(long timestamp, int marketId, boolean halted) implements EngineEvent {
    }

    /** A market was listed, with an empty book and not halted. */
    record MarketAdded(long timestamp, Market market) implements EngineEvent {
    }

    /** A market's trading rules changed; {@code market} holds all of them as they are now. */
    record MarketUpdated(long timestamp, Market market) implements EngineEvent {
    }

    /** A market was delisted; {@code market} holds its last rules. */
    record MarketRemoved(long timestamp, Market market) implements EngineEvent {
    }

    /** Why an order was cancelled. */
    enum CancelReason {
        USER,
        CLOSE
    }

    /** Why an order expired. */
    enum ExpireReason {
        /** An immediate-or-cancel or market order found nothing more to trade against. */
        NOT_FILLED,
        /** A good-till-date order reached its expiry time. */
        TIME,
        /** Self-trade prevention removed it. */
        SELF_TRADE_PREVENTION
    }
}
