package io.orderbook.domain.conditional;

import io.orderbook.domain.model.Side;

/**
 * What a conditional order waits for. The side is that of the order it places when it fires, and with the kind it
 * decides the direction in which the price must cross the trigger (see {@link #direction(Side)}).
 */
public enum ConditionalKind {
    /** Limits a loss: sells when the price falls to the trigger (buys back a short when it rises to it). */
    STOP_LOSS,
    /** Takes a profit: sells when the price rises to the trigger (buys back a short when it falls to it). */
    TAKE_PROFIT,
    /**
     * A stop whose trigger follows the best price since arming at a fixed distance (an amount or a percentage):
     * a sell trails the highest price and fires when the price falls that far below it; a buy trails the lowest.
     */
    TRAILING_STOP,
    /** An entry: buys when the price falls to the trigger, sells when it rises to it. */
    TRIGGER;

    /**
     * The direction in which the price must reach the trigger for an order of this kind on a side.
     *
     * @param side the side of the order it places
     * @return at or below, or at or above
     */
    public TriggerDirection direction(Side side) {
        boolean sell = side == Side.SELL;
        return switch (this) {
            case STOP_LOSS, TRAILING_STOP -> sell ? TriggerDirection.AT_OR_BELOW : TriggerDirection.AT_OR_ABOVE;
            case TAKE_PROFIT, TRIGGER -> sell ? TriggerDirection.AT_OR_ABOVE : TriggerDirection.AT_OR_BELOW;
        };
    }
}
