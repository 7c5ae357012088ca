package io.orderbook.adapters.http.conditional;

import java.time.Instant;

/**
 * A conditional order as the API shows it ({@code ConditionalOrder}); amounts as decimal strings, percentages in
 * percent. Parts that do not apply are null.
 */
record ConditionalOrderView(long id, long userId, String market, String kind, String side, String orderType,
                                   String triggerPrice, String limitPrice, String trailingAmount,
                                   String trailingPercent, String trailingBest, QuantityView quantity, Long ocoId,
                                   String status, String reason, String firedPrice, String firedEventId,
                                   Long placedOrderId, Instant createdAt, Instant updatedAt, Instant triggeredAt) {

    /** The quantity rule: its name, its value (amount or percent) and, for FILLED_PERCENT, the order. */
    public record QuantityView(String rule, String value, Long orderId) {
    }
}
