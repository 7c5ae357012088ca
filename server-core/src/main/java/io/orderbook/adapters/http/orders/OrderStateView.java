package io.orderbook.adapters.http.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderbook.application.orders.OrderStatus;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Instant;

/**
 * An order as one command left it ({@code OrderState}), told by that command's events alone: parts the command
 * did not touch are left out (a cancel reports status and quantities, not the price).
 *
 * @param id             the order's id
 * @param market         the market's symbol
 * @param clientOrderId  the owner's own id for the order
 * @param side           buy or sell
 * @param type           the order type
 * @param timeInForce    how long the order lives
 * @param price          the limit price in the quote asset
 * @param quantity       the quantity in the base asset
 * @param quoteAmount    for a market buy sized by value, the quote amount to spend
 * @param expireAt       when a GTD order expires
 * @param stp            the self-trade prevention mode
 * @param status         where the order is in its life after the command
 * @param endReason      why the order ended
 * @param filledQuantity how much has filled, in the base asset
 * @param openQuantity   how much is still open, in the base asset
 * @param closed         true once the order has been closed
 * @param closingOrderId the market order that closed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderStateView(long id, String market, String clientOrderId, Side side, OrderType type,
                             TimeInForce timeInForce, String price, String quantity, String quoteAmount,
                             Instant expireAt, SelfTradePrevention stp, OrderStatus status, String endReason,
                             String filledQuantity, String openQuantity, Boolean closed, Long closingOrderId) {
}
