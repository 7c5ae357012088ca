package io.orderbook.application.conditional;

import io.orderbook.domain.conditional.ConditionalKind;
import io.orderbook.domain.conditional.QuantityRule;
import io.orderbook.domain.conditional.TrailingOffset;
import io.orderbook.domain.conditional.TriggerRule;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * A conditional order as stored, in the engine's units (prices in quote minor units per whole base unit).
 *
 * @param id               its id
 * @param userId           the owner
 * @param marketId         the market it trades in
 * @param kind             stop-loss, take-profit, trigger or trailing stop
 * @param side             the side of the order it places
 * @param orderType      what it places when it fires: {@link OrderType#MARKET} or {@link OrderType#LIMIT}
 * @param limitPrice     the limit price of the order it places; null for a market order
 * @param triggerPrice   the fixed trigger; null for a trailing stop
 * @param trailingOffset how a trailing stop's distance is measured; null otherwise
 * @param trailingDistance a trailing stop's distance (quote minor units, or parts per million); null otherwise
 * @param trailingBest   the best price when a trailing stop was armed, 0 if none was known; null otherwise
 * @param quantity       how much it places when it fires
 * @param ocoId          the other leg of its one-cancels-the-other pair, or null
 * @param status         where it is in its life
 * @param reason         why it FAILED or was CANCELLED, or null
 * @param firedPrice     the price that fired it, or null
 * @param firedEventId   the price event that fired it, or null
 * @param placedOrderId  the order it placed, once FIRED
 * @param createdAt      when it was armed
 * @param updatedAt      when it last changed
 * @param triggeredAt    when it was claimed (TRIGGERED), or null
 */
public record ConditionalOrder(long id, long userId, int marketId, ConditionalKind kind, Side side,
                               OrderType orderType, Long limitPrice, Long triggerPrice, TrailingOffset trailingOffset,
                               Long trailingDistance, Long trailingBest, QuantityRule quantity, Long ocoId,
                               ConditionalStatus status, String reason, Long firedPrice, String firedEventId,
                               Long placedOrderId, Instant createdAt, Instant updatedAt, Instant triggeredAt) {

    /** Checks that the parts every order has are given. */
    public ConditionalOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(status, "status");
    }

    /**
     * When it fires.
     *
     * @return its trigger rule
     */
    public TriggerRule triggerRule() {
        if (kind == ConditionalKind.TRAILING_STOP) {
            return new TriggerRule.Trailing(side, trailingOffset, trailingDistance, trailingBest);
        }
        return new TriggerRule.Fixed(kind.direction(side), triggerPrice);
    }

    /**
     * The same order with another best price for its trailing stop.
     *
     * @param best the best price so far, quote minor units
     * @return the changed copy
     */
    public ConditionalOrder withTrailingBest(long best) {
        return new ConditionalOrder(id, userId, marketId, kind, side, orderType, limitPrice, triggerPrice,
                trailingOffset, trailingDistance, best, quantity, ocoId, status, reason, firedPrice, firedEventId,
                placedOrderId, createdAt, updatedAt, triggeredAt);
    }

    /**
     * The client order id (and idempotency key) of the order it places: the same on every attempt.
     *
     * @return {@code cond-<id>}
     */
    public String clientOrderId() {
        return clientOrderIdOf(id);
    }

    /**
     * The client order id of the order a conditional order places.
     *
     * @param id the conditional order's id
     * @return {@code cond-<id>}
     */
    public static String clientOrderIdOf(long id) {
        return "cond-" + id;
    }
}
