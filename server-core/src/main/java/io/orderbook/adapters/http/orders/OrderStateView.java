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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderStateView(long id, String market, String clientOrderId, Side side, OrderType type,
                             TimeInForce timeInForce, String price, String quantity, String quoteAmount,
                             Instant expireAt, SelfTradePrevention stp, OrderStatus status, String endReason,
                             String filledQuantity, String openQuantity, Boolean closed, Long closingOrderId) {
}
