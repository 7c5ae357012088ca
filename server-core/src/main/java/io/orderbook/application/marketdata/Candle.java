package io.orderbook.application.marketdata;

import java.time.Instant;

/**
 * The trades of one market in one time bucket; prices in quote minor units per whole base unit, {@code volume} in
 * base minor units, {@code quoteVolume} in quote minor units.
 *
 * @param marketId    the market's engine id
 * @param interval    the bucket's width
 * @param openTime    the bucket's start (inclusive)
 * @param open        the first trade's price
 * @param high        the highest trade price
 * @param low         the lowest trade price
 * @param close       the last trade's price
 * @param volume      base quantity traded
 * @param quoteVolume quote value traded, before fees
 * @param trades      how many trades the bucket holds
 */
public record Candle(int marketId, CandleInterval interval, Instant openTime, long open, long high, long low,
                     long close, long volume, long quoteVolume, long trades) {

    /**
     * The bucket's end (exclusive).
     *
     * @return {@code openTime} plus the interval's width
     */
    public Instant closeTime() {
        return openTime.plus(interval.width());
    }
}
