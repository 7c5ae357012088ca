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

    /**
     * The timestamp of the command that caused the event.
     *
     * @return epoch milliseconds
     */
    long timestamp();

    /**
     * The command was refused and changed nothing.
     *
     * @param timestamp the causing command's timestamp, in epoch milliseconds
     * @param command   the refused command
     * @param reason    why it was refused
     */
    record CommandRejected(long timestamp, Command command, RejectReason reason) implements EngineEvent {
    }

    /**
     * A new order passed validation and its funds are reserved. The components repeat the
     * {@link Command.PlaceOrder} as accepted, the market's default self-trade prevention filled in.
     *
     * @param timestamp   the causing command's timestamp, in epoch milliseconds
     * @param orderId     the new order
     * @param userId      its owner
     * @param marketId    its market
     * @param side        buy or sell
     * @param type        its order type
     * @param timeInForce its time in force
     * @param price       limit price; 0 for market orders
     * @param quantity    base quantity; 0 for a market buy sized by quote
     * @param quoteAmount quote budget of a market buy sized by quote; otherwise 0
     * @param expireAt    expiry time of a GTD order; otherwise 0
     * @param stp         the self-trade prevention that applies
     */
    record OrderAccepted(long timestamp, long orderId, long userId, int marketId, Side side, OrderType type,
                         TimeInForce timeInForce, long price, long quantity, long quoteAmount, long expireAt,
                         SelfTradePrevention stp) implements EngineEvent {
    }

    /**
     * A trade at the maker's price. Fees are in the quote asset.
     *
     * @param timestamp     the causing command's timestamp, in epoch milliseconds
     * @param tradeId       the trade's id, increasing by one per trade
     * @param marketId      the market
     * @param price         the maker's price
     * @param quantity      base quantity traded
     * @param quoteQuantity quote value of the trade, in quote minor units, before fees
     * @param makerOrderId  the resting order
     * @param makerUserId   the resting order's owner
     * @param takerOrderId  the incoming order
     * @param takerUserId   the incoming order's owner
     * @param takerSide     the incoming order's side
     * @param makerFee      fee charged to the maker, in quote minor units
     * @param takerFee      fee charged to the taker, in quote minor units
     */
    record TradeExecuted(long timestamp, long tradeId, int marketId, long price, long quantity, long quoteQuantity,
                         long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                         long makerFee, long takerFee) implements EngineEvent {
    }

    /**
     * An order traded part of its quantity and is still open.
     *
     * @param timestamp      the causing command's timestamp, in epoch milliseconds
     * @param orderId        the order
     * @param userId         its owner
     * @param marketId       its market
     * @param filledQuantity base quantity filled so far, in total
     * @param openQuantity   base quantity still open
     */
    record OrderPartiallyFilled(long timestamp, long orderId, long userId, int marketId, long filledQuantity,
                                long openQuantity) implements EngineEvent {
    }

    /**
     * An order is done trading: fully filled, or a quote-sized market buy spent its budget.
     *
     * @param timestamp      the causing command's timestamp, in epoch milliseconds
     * @param orderId        the order
     * @param userId         its owner
     * @param marketId       its market
     * @param filledQuantity base quantity filled, in total
     */
    record OrderFilled(long timestamp, long orderId, long userId, int marketId, long filledQuantity)
            implements EngineEvent {
    }

    /**
     * An order was cancelled by its owner (or by closing it); its reservation is released.
     *
     * @param timestamp      the causing command's timestamp, in epoch milliseconds
     * @param orderId        the order
     * @param userId         its owner
     * @param marketId       its market
     * @param filledQuantity base quantity it had filled
     * @param openQuantity   base quantity that was still open and is now cancelled
     * @param reason         who cancelled it
     */
    record OrderCancelled(long timestamp, long orderId, long userId, int marketId, long filledQuantity,
                          long openQuantity, CancelReason reason) implements EngineEvent {
    }

    /**
     * An order stopped without being cancelled by its owner; its reservation is released.
     *
     * @param timestamp      the causing command's timestamp, in epoch milliseconds
     * @param orderId        the order
     * @param userId         its owner
     * @param marketId       its market
     * @param filledQuantity base quantity it had filled
     * @param openQuantity   base quantity that was still open; 0 for market buys sized by quote amount
     * @param reason         why it stopped
     */
    record OrderExpired(long timestamp, long orderId, long userId, int marketId, long filledQuantity,
                        long openQuantity, ExpireReason reason) implements EngineEvent {
    }

    /**
     * A resting order's price or quantity changed.
     *
     * @param timestamp    the causing command's timestamp, in epoch milliseconds
     * @param orderId      the order
     * @param userId       its owner
     * @param marketId     its market
     * @param price        its limit price now
     * @param quantity     its total base quantity now, filled part included
     * @param openQuantity base quantity still open
     * @param priorityKept whether it kept its place in the queue
     */
    record OrderAmended(long timestamp, long orderId, long userId, int marketId, long price, long quantity,
                        long openQuantity, boolean priorityKept) implements EngineEvent {
    }

    /**
     * An order was closed: what was open is cancelled and what was filled is traded back.
     *
     * @param timestamp      the causing command's timestamp, in epoch milliseconds
     * @param orderId        the closed order
     * @param userId         its owner
     * @param closingOrderId the opposite-side market order that trades back {@code quantity}, or 0 when nothing
     *                       had filled and closing only cancelled
     * @param quantity       base quantity to trade back: what the order had filled
     */
    record OrderClosed(long timestamp, long orderId, long userId, long closingOrderId, long quantity)
            implements EngineEvent {
    }

    /**
     * A user's available balance was credited or debited from outside trading.
     *
     * @param timestamp the causing command's timestamp, in epoch milliseconds
     * @param userId    the account holder
     * @param asset     the asset id
     * @param amount    signed change, in the asset's minor units
     * @param available the available balance after the change
     */
    record BalanceAdjusted(long timestamp, long userId, int asset, long amount, long available)
            implements EngineEvent {
    }

    /**
     * A market was halted or resumed.
     *
     * @param timestamp the causing command's timestamp, in epoch milliseconds
     * @param marketId  the market
     * @param halted    true if it is halted now
     */
    record MarketHaltChanged(long timestamp, int marketId, boolean halted) implements EngineEvent {
    }

    /**
     * A market was listed, with an empty book and not halted.
     *
     * @param timestamp the causing command's timestamp, in epoch milliseconds
     * @param market    its rules
     */
    record MarketAdded(long timestamp, Market market) implements EngineEvent {
    }

    /**
     * A market's trading rules changed.
     *
     * @param timestamp the causing command's timestamp, in epoch milliseconds
     * @param market    all of its rules as they are now
     */
    record MarketUpdated(long timestamp, Market market) implements EngineEvent {
    }

    /**
     * A market was delisted.
     *
     * @param timestamp the causing command's timestamp, in epoch milliseconds
     * @param market    its last rules
     */
    record MarketRemoved(long timestamp, Market market) implements EngineEvent {
    }

    /** Why an order was cancelled. */
    enum CancelReason {
        /** The owner cancelled it. */
        USER,
        /** The owner closed it while it was still open. */
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
