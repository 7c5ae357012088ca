package io.orderbook.application.conditional;

import io.orderbook.domain.conditional.ConditionalKind;
import io.orderbook.domain.conditional.QuantityRule;
import io.orderbook.domain.conditional.TrailingOffset;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.util.Objects;

/**
 * A conditional order to arm, already checked at the edge, in the engine's units (see {@link ConditionalOrder}).
 * A trailing stop's best price at arming is filled in by the service from the latest price it has seen.
 *
 * @param marketId         the market it trades in
 * @param kind             stop-loss, take-profit, trigger or trailing stop
 * @param side             the side of the order it places
 * @param orderType        MARKET or LIMIT
 * @param limitPrice       the limit price of a LIMIT order; null for MARKET
 * @param triggerPrice     the fixed trigger; null for a trailing stop
 * @param trailingOffset   how a trailing stop's distance is measured; null otherwise
 * @param trailingDistance a trailing stop's distance (quote minor units, or parts per million); null otherwise
 * @param quantity         how much it places when it fires
 */
public record NewConditionalOrder(int marketId, ConditionalKind kind, Side side, OrderType orderType, Long limitPrice,
                                  Long triggerPrice, TrailingOffset trailingOffset, Long trailingDistance,
                                  QuantityRule quantity) {

    /** Checks that the parts fit the kind and order type. */
    public NewConditionalOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(quantity, "quantity");
        if (orderType != OrderType.MARKET && orderType != OrderType.LIMIT) {
            throw new IllegalArgumentException("a conditional order places a MARKET or LIMIT order");
        }
        if ((orderType == OrderType.LIMIT) != (limitPrice != null)) {
            throw new IllegalArgumentException("a limit price goes with (and only with) a LIMIT order");
        }
        if ((kind == ConditionalKind.TRAILING_STOP) == (triggerPrice != null)
                || (kind == ConditionalKind.TRAILING_STOP) != (trailingOffset != null && trailingDistance != null)) {
            throw new IllegalArgumentException("a trailing stop has a trailing distance, every other kind a trigger price");
        }
    }
}
