package io.orderbook.domain.engine;

import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

import java.util.Objects;

/**
 * An instruction to the {@link MatchingEngine}. Each carries the time it is applied at, so replaying the
 * same commands always gives the same result. Prices are in quote minor units per whole base unit,
 * quantities in base minor units, quote amounts in quote minor units (see {@link io.orderbook.domain.model.Market}).
 */
public sealed interface Command {

    /**
     * When the command is applied.
     *
     * @return epoch milliseconds, the engine's only clock
     */
    long timestamp();

    /**
     * Places a new order.
     *
     * @param timestamp   when the command is applied, in epoch milliseconds
     * @param orderId     id of the new order; must not belong to an open or still closable order
     * @param userId      the owner; positive
     * @param marketId    the market to trade in
     * @param side        buy or sell
     * @param type        limit, market or post-only limit
     * @param timeInForce how long the order may rest; must fit {@code type}
     * @param price       limit price; 0 for market orders
     * @param quantity    base quantity; 0 for a market buy sized by {@code quoteAmount}
     * @param quoteAmount quote to spend, only for market buys; otherwise 0
     * @param expireAt    expiry time for GTD orders; otherwise 0
     * @param stp         self-trade prevention, or null for the market's default
     */
    record PlaceOrder(long timestamp, long orderId, long userId, int marketId, Side side, OrderType type,
                      TimeInForce timeInForce, long price, long quantity, long quoteAmount, long expireAt,
                      SelfTradePrevention stp) implements Command {

        /**
         * Checks that the enum components are present.
         *
         * @throws NullPointerException if {@code side}, {@code type} or {@code timeInForce} is null
         */
        public PlaceOrder {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(timeInForce, "timeInForce");
        }

        /**
         * A good-till-cancelled limit order with the market's self-trade prevention.
         *
         * @param timestamp when the command is applied, in epoch milliseconds
         * @param orderId   id of the new order
         * @param userId    the owner
         * @param marketId  the market to trade in
         * @param side      buy or sell
         * @param price     limit price
         * @param quantity  base quantity
         * @return the command
         */
        public static PlaceOrder limit(long timestamp, long orderId, long userId, int marketId, Side side,
                                       long price, long quantity) {
            return new PlaceOrder(timestamp, orderId, userId, marketId, side, OrderType.LIMIT, TimeInForce.GTC,
                    price, quantity, 0, 0, null);
        }

        /**
         * An immediate-or-cancel market order sized by base quantity.
         *
         * @param timestamp when the command is applied, in epoch milliseconds
         * @param orderId   id of the new order
         * @param userId    the owner
         * @param marketId  the market to trade in
         * @param side      buy or sell
         * @param quantity  base quantity
         * @return the command
         */
        public static PlaceOrder market(long timestamp, long orderId, long userId, int marketId, Side side,
                                        long quantity) {
            return new PlaceOrder(timestamp, orderId, userId, marketId, side, OrderType.MARKET, TimeInForce.IOC,
                    0, quantity, 0, 0, null);
        }

        /**
         * An immediate-or-cancel market buy that spends at most {@code quoteAmount}, fees included.
         *
         * @param timestamp   when the command is applied, in epoch milliseconds
         * @param orderId     id of the new order
         * @param userId      the owner
         * @param marketId    the market to trade in
         * @param quoteAmount the budget, in quote minor units
         * @return the command
         */
        public static PlaceOrder marketBuyForQuote(long timestamp, long orderId, long userId, int marketId,
                                                   long quoteAmount) {
            return new PlaceOrder(timestamp, orderId, userId, marketId, Side.BUY, OrderType.MARKET,
                    TimeInForce.IOC, 0, 0, quoteAmount, 0, null);
        }

        /**
         * The same order with another time in force and expiry.
         *
         * @param tif      the new time in force
         * @param expireAt expiry time for GTD, in epoch milliseconds; otherwise 0
         * @return a copy with those two components replaced
         */
        public PlaceOrder withTimeInForce(TimeInForce tif, long expireAt) {
            return new PlaceOrder(timestamp, orderId, userId, marketId, side, type, tif, price, quantity,
                    quoteAmount, expireAt, stp);
        }

        /**
         * The same order with another type.
         *
         * @param newType the new order type
         * @return a copy with the type replaced
         */
        public PlaceOrder withType(OrderType newType) {
            return new PlaceOrder(timestamp, orderId, userId, marketId, side, newType, timeInForce, price, quantity,
                    quoteAmount, expireAt, stp);
        }

        /**
         * The same order with its own self-trade prevention mode.
         *
         * @param mode the mode, or null for the market's default
         * @return a copy with the self-trade prevention replaced
         */
        public PlaceOrder withStp(SelfTradePrevention mode) {
            return new PlaceOrder(timestamp, orderId, userId, marketId, side, type, timeInForce, price, quantity,
                    quoteAmount, expireAt, mode);
        }
    }

    /**
     * Cancels a resting order of the user.
     *
     * @param timestamp when the command is applied, in epoch milliseconds
     * @param orderId   the order to cancel
     * @param userId    who asks; must own the order
     */
    record CancelOrder(long timestamp, long orderId, long userId) implements Command {
    }

    /**
     * Changes a resting order's price and/or total quantity (filled part included). Lowering the quantity
     * at the same price keeps the order's time priority; any other change loses it.
     *
     * @param timestamp   when the command is applied, in epoch milliseconds
     * @param orderId     the resting order to change
     * @param userId      who asks; must own the order
     * @param newPrice    the new limit price
     * @param newQuantity the new total base quantity, filled part included
     */
    record AmendOrder(long timestamp, long orderId, long userId, long newPrice, long newQuantity)
            implements Command {
    }

    /**
     * Trades against one chosen resting order of another user at that order's price.
     *
     * @param timestamp     when the command is applied, in epoch milliseconds
     * @param orderId       id of the new taking order
     * @param userId        the taker; must not own the target
     * @param targetOrderId the resting order to take
     * @param quantity      base quantity to take; 0 takes all that is open
     */
    record TakeOrder(long timestamp, long orderId, long userId, long targetOrderId, long quantity)
            implements Command {
    }

    /**
     * Reverts an order: cancels what is still open, then trades the filled quantity back with an
     * opposite-side market order (a filled buy is sold, a filled sell is bought back).
     *
     * @param timestamp      when the command is applied, in epoch milliseconds
     * @param orderId        the order to close
     * @param userId         who asks; must own the order
     * @param closingOrderId id of the new opposite-side market order
     */
    record CloseOrder(long timestamp, long orderId, long userId, long closingOrderId) implements Command {
    }

    /**
     * Expires every good-till-date order whose expiry time is at or before {@code timestamp}.
     *
     * @param timestamp the current time, in epoch milliseconds
     */
    record ExpireOrders(long timestamp) implements Command {
    }

    /**
     * Credits (positive amount) or debits (negative amount) a user's available balance of an asset.
     *
     * @param timestamp when the command is applied, in epoch milliseconds
     * @param userId    the account holder
     * @param asset     the asset id
     * @param amount    signed change, in the asset's minor units; 0 is refused
     */
    record AdjustBalance(long timestamp, long userId, int asset, long amount) implements Command {
    }

    /**
     * Halts a market (no new orders, amends or takes; cancels still work) or resumes it.
     *
     * @param timestamp when the command is applied, in epoch milliseconds
     * @param marketId  the market
     * @param halted    true to halt, false to resume
     */
    record SetMarketHalted(long timestamp, int marketId, boolean halted) implements Command {
    }

    /**
     * Lists a new market with an empty book, not halted. Refused with {@code MARKET_EXISTS} if its id or symbol
     * is taken by a listed market.
     *
     * @param timestamp when the command is applied, in epoch milliseconds
     * @param market    the new market's rules
     */
    record AddMarket(long timestamp, Market market) implements Command {

        /**
         * Checks that the market is present.
         *
         * @throws NullPointerException if {@code market} is null
         */
        public AddMarket {
            Objects.requireNonNull(market, "market");
        }
    }

    /**
     * Replaces a listed market's trading rules with {@code market}'s (found by its id). The symbol, the assets
     * and the base scale never change ({@code MARKET_FIELD_IMMUTABLE}). Refused with {@code MARKET_HAS_ORDERS}
     * when the change would invalidate orders: a new tick or lot size while the market has open orders or
     * filled orders that can still be closed, or a higher maximum fee rate while buy orders rest (their
     * reservations cover the old rate only). Fees, minimum notional and default self-trade prevention apply to
     * later trades and orders.
     *
     * @param timestamp when the command is applied, in epoch milliseconds
     * @param market    the market's id and its new rules
     */
    record UpdateMarket(long timestamp, Market market) implements Command {

        /**
         * Checks that the market is present.
         *
         * @throws NullPointerException if {@code market} is null
         */
        public UpdateMarket {
            Objects.requireNonNull(market, "market");
        }
    }

    /**
     * Delists a market. Refused with {@code MARKET_HAS_ORDERS} while it has open orders; its filled orders can
     * no longer be closed afterwards.
     *
     * @param timestamp when the command is applied, in epoch milliseconds
     * @param marketId  the market to delist
     */
    record RemoveMarket(long timestamp, int marketId) implements Command {
    }
}
