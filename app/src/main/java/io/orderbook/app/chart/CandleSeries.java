package io.orderbook.app.chart;

import io.orderbook.app.client.trading.Candle;
import io.orderbook.app.client.trading.PublicTrade;
import io.orderbook.application.marketdata.CandleInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The candles of one market and interval, oldest first, kept up to date trade by trade. Built from the server's
 * candles when it has them, else from recent trades; at most {@link #MAX} candles are kept.
 */
final class CandleSeries {

    static final int MAX = 500;

    private final CandleInterval interval;
    private final TreeMap<Long, Candle> candles = new TreeMap<>();

    CandleSeries(CandleInterval interval) {
        this.interval = interval;
    }

    CandleInterval interval() {
        return interval;
    }

    /** Replaces the candles with the server's. */
    void setAll(List<Candle> list) {
        candles.clear();
        list.forEach(c -> candles.put(c.openTime().toEpochMilli(), c));
        trim();
    }

    /** Adds a trade to the candle of its time (new trades usually extend the last candle). */
    void add(PublicTrade trade) {
        long bucket = interval.bucket(trade.time().toEpochMilli());
        Candle current = candles.get(bucket);
        candles.put(bucket, current == null ? Candle.of(Instant.ofEpochMilli(bucket), trade.price(), trade.quantity())
                : current.with(trade.price(), trade.quantity()));
        trim();
    }

    /** The candles, oldest first. */
    List<Candle> candles() {
        return new ArrayList<>(candles.values());
    }

    private void trim() {
        while (candles.size() > MAX) {
            candles.pollFirstEntry();
        }
    }
}
