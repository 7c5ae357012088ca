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
 * @param filledQuantity total filled so far, base minor units
 * @param openQuantity   still open in the book; 0 once the order has ended
 */
public record OrderUpdate(long orderId, int marketId, String clientOrderId, Side side, OrderType type,
                          TimeInForce timeInForce, Long price, Long quantity, Long quoteAmount, Long expireAt,
                          SelfTradePrevention stp, OrderStatus status, String endReason, Long filledQuantity,
                          Long openQuantity, boolean closed, Long closingOrderId) {
}
