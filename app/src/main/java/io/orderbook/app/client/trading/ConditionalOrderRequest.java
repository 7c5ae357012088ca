package io.orderbook.app.client.trading;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A conditional order to place ({@code ConditionalOrderCreate}); see {@link ConditionalOrder} for the parts.
 *
 * @param market         the market symbol
 * @param kind           STOP_LOSS, TAKE_PROFIT, TRAILING_STOP or TRIGGER
 * @param side           the side of the order placed when it fires
 * @param orderType      the order placed when it fires
 * @param triggerPrice   the price that fires it; null for a trailing stop
 * @param limitPrice     the placed order's limit price; null for a market order
 * @param trailingAmount a trailing stop's distance from the best price, in the quote asset; otherwise null
 * @param quantity       how much it trades: rule BASE, QUOTE or BALANCE_PERCENT with its value
 */
public record ConditionalOrderRequest(String market, String kind, Side side, OrderType orderType,
                                      BigDecimal triggerPrice, BigDecimal limitPrice, BigDecimal trailingAmount,
                                      ConditionalOrder.Quantity quantity) {

    /**
     * Checks that the parts every kind needs are there.
     *
     * @throws NullPointerException if market, kind, side, orderType or quantity is null
     */
    public ConditionalOrderRequest {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(quantity, "quantity");
    }
}
