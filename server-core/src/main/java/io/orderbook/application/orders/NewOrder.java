package io.orderbook.application.orders;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.util.Objects;

/**
 * An order to place, in the engine's exact units (see {@link io.orderbook.domain.engine.Command.PlaceOrder}).
 *
 * @param marketId    the market to place it in
 * @param side        buy or sell
 * @param type        limit or market
 * @param timeInForce how long it may rest in the book
 * @param price       limit price; 0 for market orders
 * @param quantity    base quantity; 0 for a market buy sized by {@code quoteAmount}
 * @param quoteAmount quote a market buy may spend, fees included; otherwise 0
 * @param expireAt    expiry of a GTD order, epoch milliseconds; otherwise 0
 * @param stp         self-trade prevention, or null for the market's default
 */
public record NewOrder(int marketId, Side side, OrderType type, TimeInForce timeInForce, long price, long quantity,
                       long quoteAmount, long expireAt, SelfTradePrevention stp) {

    /** Checks that side, type and time in force are given. */
    public NewOrder {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }
}
