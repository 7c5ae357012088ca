package io.orderbook.domain.conditional;

import io.orderbook.domain.model.Side;

/** How far a trailing stop's trigger stays from the best price since it was armed. */
public enum TrailingOffset {
    /** A fixed distance in quote minor units. */
    AMOUNT,
    /** A fraction of the best price, in parts per million (1% is 10,000). */
    PERCENT;

    /**
     * The trigger price of a trailing stop whose best price so far is {@code best}: below it for a sell, above it
     * for a buy. A percentage rounds toward the best price's far side by less than one minor unit: down for a sell,
     * up for a buy.
     *
     * @param side     the side of the order the stop places
     * @param best     the best price so far, quote minor units
     * @param distance quote minor units for {@link #AMOUNT}, parts per million for {@link #PERCENT}
     * @return the trigger price, quote minor units
     */
    public long trigger(Side side, long best, long distance) {
        return side == Side.SELL ? oriented(Side.SELL, best, distance) : -oriented(Side.BUY, -best, distance);
    }

    /**
     * The trigger in oriented prices (the price itself for a sell, its negation for a buy), in which every trailing
     * stop follows the highest price and fires at or below its trigger. Non-increasing in {@code distance}.
     */
    long oriented(Side side, long orientedBest, long distance) {
        return switch (this) {
            case AMOUNT -> orientedBest - distance;
            case PERCENT -> PartsPerMillion.floorOf(orientedBest,
                    side == Side.SELL ? PartsPerMillion.ONE - distance : PartsPerMillion.ONE + distance);
        };
    }
}
