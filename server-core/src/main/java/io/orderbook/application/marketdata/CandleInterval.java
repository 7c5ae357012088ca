package io.orderbook.application.marketdata;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The candle widths kept for every market; buckets are aligned to the epoch in UTC. */
public enum CandleInterval {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String code;
    private final Duration width;

    CandleInterval(String code, Duration width) {
        this.code = code;
        this.width = width;
    }

    /** The API's and the database's name, e.g. {@code 5m}. */
    public String code() {
        return code;
    }

    public Duration width() {
        return width;
    }

    /** The start of the candle that holds this instant (epoch milliseconds), aligned to the epoch. */
    public long bucket(long epochMillis) {
        long millis = width.toMillis();
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    /** The interval with this code, if any. */
    public static Optional<CandleInterval> ofCode(String code) {
        return Arrays.stream(values()).filter(interval -> interval.code.equals(code)).findFirst();
    }
}
