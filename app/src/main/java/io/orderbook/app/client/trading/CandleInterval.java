package io.orderbook.app.client.trading;

import java.time.Duration;

/** The chart's timeframes, with the API's names. */
public enum CandleInterval {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    H1("1h", Duration.ofHours(1)),
    D1("1d", Duration.ofDays(1));

    private final String apiName;
    private final Duration length;

    CandleInterval(String apiName, Duration length) {
        this.apiName = apiName;
        this.length = length;
    }

    /** {@code 1m}, {@code 5m}, {@code 1h} or {@code 1d}. */
    public String apiName() {
        return apiName;
    }

    public Duration length() {
        return length;
    }

    /** The start of the candle that holds this instant (epoch milliseconds). */
    public long bucket(long epochMillis) {
        long millis = length.toMillis();
        return Math.floorDiv(epochMillis, millis) * millis;
    }
}
