package io.orderbook.adapters.http.orders;

import io.orderbook.application.orders.OrderStatus;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Instant;

/**
 * An order as stored ({@code Order}): amounts as decimal strings in whole units. {@code price} is null for market
 * orders, {@code quantity} for market buys sized by {@code quoteAmount}, which is null otherwise.
 *
 * @param id             the order's id
 * @param userId         the owner's id
 * @param market         the market's symbol
 * @param clientOrderId  the owner's own id for the order, or null
 * @param side           buy or sell
 * @param type           the order type
 * @param timeInForce    how long the order lives
 * @param price          the limit price in the quote asset
 * @param quantity       the quantity in the base asset
 * @param quoteAmount    for a market buy sized by value, the quote amount to spend
 * @param expireAt       when a GTD order expires, or null
 * @param stp            the self-trade prevention mode
 * @param status         where the order is in its life
 * @param endReason      why the order ended, or null while it is open
 * @param filledQuantity how much has filled, in the base asset
 * @param openQuantity   how much is still open, in the base asset
 * @param closed         whether the order has been closed (what had filled traded back)
 * @param closingOrderId the market order that closed it, or null
 * @param createdAt      when the order was accepted
 * @param updatedAt      when it last changed
 */
public record OrderView(long id, long userId, String market, String clientOrderId, Side side, OrderType type,
                        TimeInForce timeInForce, String price, String quantity, String quoteAmount, Instant expireAt,
                        SelfTradePrevention stp, OrderStatus status, String endReason, String filledQuantity,
                        String openQuantity, boolean closed, Long closingOrderId, Instant createdAt,
                        Instant updatedAt) {
}
