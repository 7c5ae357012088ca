package io.orderbook.bootstrap.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;

/**
 * The prices and sizes the demo market maker quotes, in a market's minor units: {@code levels} bids below and as many
 * asks above a reference price, each a whole number of ticks and lots. The spread and the distance between levels
 * are fractions of the price (basis points), so every market looks alike whatever its price.
 *
 * @param bidPrices  best first; 0 where the level would be at or below zero
 * @param askPrices  best first
 * @param quantities per level, the same on both sides
 */
record DemoLadder(long[] bidPrices, long[] askPrices, long[] quantities) {

    private static final long BASIS_POINTS = 10_000;

    /**
     * The ladder around {@code reference}.
     *
     * @param reference     a price on the tick grid, quote minor units per whole base unit
     * @param quoteSize     the best level's quantity in base minor units before jitter; deeper levels quote more
     * @param halfSpreadBps distance of the best bid and ask from the reference, at least one tick
     * @param stepBps       distance between levels, at least one tick
     */
    static DemoLadder around(long reference, long tick, long lot, long quoteSize, int levels, int halfSpreadBps,
                             int stepBps, RandomGenerator random) {
        long halfSpread = ticksOf(reference, halfSpreadBps, tick);
        long step = ticksOf(reference, stepBps, tick);
        long[] bids = new long[levels];
        long[] asks = new long[levels];
        long[] quantities = new long[levels];
        for (int i = 0; i < levels; i++) {
            long distance = (halfSpread + i * step) * tick;
            bids[i] = Math.max(0, reference - distance);
            asks[i] = reference + distance;
            // 80% to 120% of the level's size, so the book does not look machine-made.
            long size = quoteSize * (i + 1) * (80 + random.nextInt(41)) / 100;
            quantities[i] = Math.max(lot, size / lot * lot);
        }
        return new DemoLadder(bids, asks, quantities);
    }

    /**
     * A price in whole quote units per whole base unit as quote minor units on the tick grid (nearest tick, at least
     * one tick).
     *
     * @throws ArithmeticException if the price does not fit a long
     */
    static long onTickGrid(BigDecimal price, int quoteScale, long tick) {
        long ticks = price.movePointRight(quoteScale).divide(BigDecimal.valueOf(tick), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return Math.multiplyExact(Math.max(1, ticks), tick);
    }

    /** A quantity in whole base units as base minor units, rounded down to whole lots, at least one lot. */
    static long inLots(BigDecimal quantity, int baseScale, long lot) {
        long minor = quantity.movePointRight(baseScale).setScale(0, RoundingMode.DOWN).longValueExact();
        return Math.max(lot, minor / lot * lot);
    }

    /** {@code bps} of the price in whole ticks, rounded up, at least one. */
    private static long ticksOf(long price, int bps, long tick) {
        // Split so that price * bps cannot overflow.
        long amount = price / BASIS_POINTS * bps + price % BASIS_POINTS * bps / BASIS_POINTS;
        return Math.max(1, (amount + tick - 1) / tick);
    }
}
