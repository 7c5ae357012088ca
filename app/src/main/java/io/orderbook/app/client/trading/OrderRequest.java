package io.orderbook.app.client.trading;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to place ({@code OrderCreate}), amounts in whole units.
 *
 * @param market        the market symbol
 * @param side          buy or sell
 * @param type          limit, market or post-only limit (LIMIT_MAKER)
 * @param timeInForce   how long the order may rest; null lets the server choose
 * @param price         limit price; null for market orders
 * @param quantity      base quantity; null for a market buy sized by {@code quoteAmount}
 * @param quoteAmount   what a market buy may spend; otherwise null
 * @param clientOrderId the user's own reference for the order; may be null
 */
public record OrderRequest(String market, Side side, OrderType type, TimeInForce timeInForce, BigDecimal price,
                           BigDecimal quantity, BigDecimal quoteAmount, String clientOrderId) {

    /**
     * Checks that the parts every order needs are there.
     *
     * @throws NullPointerException if market, side or type is null
     */
    public OrderRequest {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Builds a good-till-cancelled limit order.
     *
     * @param market   the market symbol
     * @param side     buy or sell
     * @param price    the limit price
     * @param quantity the base quantity
     * @return the order request
     */
    public static OrderRequest limit(String market, Side side, BigDecimal price, BigDecimal quantity) {
        return new OrderRequest(market, side, OrderType.LIMIT, TimeInForce.GTC, price, quantity, null, null);
    }

    /**
     * Builds an immediate-or-cancel market order sized in base units.
     *
     * @param market   the market symbol
     * @param side     buy or sell
     * @param quantity the base quantity
     * @return the order request
     */
    public static OrderRequest market(String market, Side side, BigDecimal quantity) {
        return new OrderRequest(market, side, OrderType.MARKET, TimeInForce.IOC, null, quantity, null, null);
    }
}
