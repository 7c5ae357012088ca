package io.orderbook.application.marketdata;

import java.time.Instant;

/**
 * The trades of one market in one time bucket; prices in quote minor units per whole base unit, {@code volume} in
 * base minor units, {@code quoteVolume} in quote minor units.
 *
 * @param openTime the bucket's start (inclusive)
 * @param trades   how many trades the bucket holds
 */
public record Candle(int marketId, CandleInterval interval, Instant openTime, long open, long high, long low,
                     long close, long volume, long quoteVolume, long trades) {

    /** The bucket's end (exclusive). */
    public Instant closeTime() {
        return openTime.plus(interval.width());
    }
}
