package io.orderbook.domain.conditional;

/** Which prices reach a trigger price. */
public enum TriggerDirection {
    /** Fires when the price is at or below the trigger. */
    AT_OR_BELOW,
    /** Fires when the price is at or above the trigger. */
    AT_OR_ABOVE;

    /**
     * Whether a price reaches a trigger in this direction.
     *
     * @param trigger the trigger price
     * @param price   the price
     * @return true if it fires
     */
    public boolean reached(long trigger, long price) {
        return this == AT_OR_BELOW ? price <= trigger : price >= trigger;
    }
}
