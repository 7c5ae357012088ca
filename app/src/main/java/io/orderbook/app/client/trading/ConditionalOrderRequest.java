package io.orderbook.app.client.trading;

import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A conditional order to place; see {@link ConditionalOrder} for the parts.
 *
 * @param orderType LIMIT or MARKET: the order placed on trigger
 */
public record ConditionalOrderRequest(String market, String type, Side side, BigDecimal triggerPrice,
                                      BigDecimal trailingDelta, String orderType, BigDecimal price,
                                      BigDecimal quantity) {

    public ConditionalOrderRequest {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(side, "side");
    }
}
