package io.orderbook.application.orders;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

/**
 * An order as one command left it, told by that command's events alone; units as in {@link OrderRecord}. A part
 * the events did not mention is null: an order placed by the command has every part, an order the command only
 * cancelled has its status and quantities but not its price.
 *
 * @param orderId        the order's id
 * @param marketId       the market it is in
 * @param clientOrderId  the id the client gave it, or null
 * @param side           buy or sell
 * @param type           limit or market
 * @param timeInForce    how long it may rest in the book
 * @param price          limit price; 0 for market orders
 * @param quantity       total base quantity as last amended, filled part included
 * @param quoteAmount    what a quote-sized market buy may spend, fees included; otherwise 0
 * @param expireAt       expiry of a GTD order, epoch milliseconds
 * @param stp            its self-trade prevention mode
 * @param status         where it is in its life after the command
 * @param endReason      why a CANCELLED or EXPIRED order ended
 * @param filledQuantity total filled so far, base minor units
 * @param openQuantity   still open in the book; 0 once the order has ended
 * @param closed         whether the command closed the order (see {@link OrderRecord#closed()})
 * @param closingOrderId the opposite-side market order that closed it, if the command did
 */
public record OrderUpdate(long orderId, int marketId, String clientOrderId, Side side, OrderType type,
                          TimeInForce timeInForce, Long price, Long quantity, Long quoteAmount, Long expireAt,
                          SelfTradePrevention stp, OrderStatus status, String endReason, Long filledQuantity,
                          Long openQuantity, boolean closed, Long closingOrderId) {
}
