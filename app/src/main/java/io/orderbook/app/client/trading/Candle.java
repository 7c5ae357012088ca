package io.orderbook.app.client.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** One candle: open, high, low and close price and the base volume traded from {@code openTime} on. */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                     BigDecimal volume) {

    /** This candle with one more trade in it. */
    public Candle with(BigDecimal price, BigDecimal quantity) {
        return new Candle(openTime, open, high.max(price), low.min(price), price, volume.add(quantity));
    }

    /** A candle that opens with one trade. */
    public static Candle of(Instant openTime, BigDecimal price, BigDecimal quantity) {
        return new Candle(openTime, price, price, price, price, quantity);
    }
}
