package io.orderbook.domain.conditional;

/** Which prices reach a trigger price. */
public enum TriggerDirection {
    /** Fires when the price is at or below the trigger. */
    AT_OR_BELOW,
    /** Fires when the price is at or above the trigger. */
    AT_OR_ABOVE;

    /**
     * Whether {@code price} reaches {@code trigger} in this direction.
     *
     * @param trigger the trigger price
     * @param price   the current price, in the same units
     * @return true if the order fires at this price
     */
    boolean reached(long trigger, long price) {
        return this == AT_OR_BELOW ? price <= trigger : price >= trigger;
    }
}
