package io.orderbook.app.client.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One candle of a market's price chart.
 *
 * @param openTime when the candle's interval starts
 * @param open     the first trade price in the interval
 * @param high     the highest trade price in the interval
 * @param low      the lowest trade price in the interval
 * @param close    the last trade price in the interval
 * @param volume   the base quantity traded in the interval
 */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                     BigDecimal volume) {

    /**
     * Adds a trade to this candle.
     *
     * @param price    the trade's price, which becomes the close
     * @param quantity the trade's base quantity
     * @return this candle with the trade in it (a new instance)
     */
    public Candle with(BigDecimal price, BigDecimal quantity) {
        return new Candle(openTime, open, high.max(price), low.min(price), price, volume.add(quantity));
    }

    /**
     * Starts a candle with its first trade.
     *
     * @param openTime when the candle's interval starts
     * @param price    the trade's price: open, high, low and close
     * @param quantity the trade's base quantity
     * @return a candle holding just that trade
     */
    public static Candle of(Instant openTime, BigDecimal price, BigDecimal quantity) {
        return new Candle(openTime, price, price, price, price, quantity);
    }
}
