package io.orderbook.app.client.trading;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A conditional order to place ({@code ConditionalOrderCreate}); see {@link ConditionalOrder} for the parts.
 *
 * @param kind      STOP_LOSS, TAKE_PROFIT, TRAILING_STOP or TRIGGER
 * @param orderType the order placed when it fires
 * @param quantity  how much it trades: rule BASE, QUOTE or BALANCE_PERCENT with its value
 */
public record ConditionalOrderRequest(String market, String kind, Side side, OrderType orderType,
                                      BigDecimal triggerPrice, BigDecimal limitPrice, BigDecimal trailingAmount,
                                      ConditionalOrder.Quantity quantity) {

    public ConditionalOrderRequest {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(quantity, "quantity");
    }
}
