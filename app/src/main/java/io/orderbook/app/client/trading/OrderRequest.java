package io.orderbook.app.client.trading;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to place ({@code OrderCreate}), amounts in whole units.
 *
 * @param price       limit price; null for market orders
 * @param quantity    base quantity; null for a market buy sized by {@code quoteAmount}
 * @param quoteAmount what a market buy may spend; otherwise null
 */
public record OrderRequest(String market, Side side, OrderType type, TimeInForce timeInForce, BigDecimal price,
                           BigDecimal quantity, BigDecimal quoteAmount, String clientOrderId) {

    public OrderRequest {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
    }

    /** A good-till-cancelled limit order. */
    public static OrderRequest limit(String market, Side side, BigDecimal price, BigDecimal quantity) {
        return new OrderRequest(market, side, OrderType.LIMIT, TimeInForce.GTC, price, quantity, null, null);
    }

    /** A market order sized in base units. */
    public static OrderRequest market(String market, Side side, BigDecimal quantity) {
        return new OrderRequest(market, side, OrderType.MARKET, TimeInForce.IOC, null, quantity, null, null);
    }
}
