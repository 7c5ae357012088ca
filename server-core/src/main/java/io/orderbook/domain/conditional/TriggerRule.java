package io.orderbook.domain.conditional;

import io.orderbook.domain.model.Side;
import java.util.Objects;

/** When an armed conditional order fires, in the quote minor units of its market. */
public sealed interface TriggerRule {

    /**
     * A trigger at a fixed price.
     *
     * @param direction whether a price at or below, or at or above, fires it
     * @param price     quote minor units per whole base unit, positive
     */
    record Fixed(TriggerDirection direction, long price) implements TriggerRule {
        /** Checks the direction and a positive price. */
        public Fixed {
            Objects.requireNonNull(direction, "direction");
            if (price <= 0) {
                throw new IllegalArgumentException("trigger price must be positive");
            }
        }
    }

    /**
     * A trigger that trails the best price since arming: the highest for a sell, the lowest for a buy.
     *
     * @param side     the side of the order it places: a sell trails the highest price, a buy the lowest
     * @param offset   how the distance is measured
     * @param distance quote minor units for {@link TrailingOffset#AMOUNT}; parts per million, below 1,000,000,
     *                 for {@link TrailingOffset#PERCENT}; positive
     * @param best     the best price so far (the price when it was armed, to begin with), or 0 when no price is known
     *                 yet: then the first price seen is the best
     */
    record Trailing(Side side, TrailingOffset offset, long distance, long best) implements TriggerRule {
        /** Checks the side, offset, a distance in range and a best price not below 0. */
        public Trailing {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(offset, "offset");
            if (distance <= 0 || offset == TrailingOffset.PERCENT && distance >= PartsPerMillion.ONE) {
                throw new IllegalArgumentException("trailing distance out of range: " + distance);
            }
            if (best < 0) {
                throw new IllegalArgumentException("best price must not be negative");
            }
        }
    }
}
