package io.orderbook.application.marketdata;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The candle widths kept for every market; buckets are aligned to the epoch in UTC. */
public enum CandleInterval {
    /** One minute, code {@code 1m}. */
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    /** Five minutes, code {@code 5m}. */
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    /** One hour, code {@code 1h}. */
    ONE_HOUR("1h", Duration.ofHours(1)),
    /** One UTC day, code {@code 1d}. */
    ONE_DAY("1d", Duration.ofDays(1));

    private final String code;
    private final Duration width;

    CandleInterval(String code, Duration width) {
        this.code = code;
        this.width = width;
    }

    /**
     * The API's and the database's name.
     *
     * @return the code, e.g. {@code 5m}
     */
    public String code() {
        return code;
    }

    /**
     * How much time one candle covers.
     *
     * @return the width
     */
    public Duration width() {
        return width;
    }

    /**
     * The start of the candle that holds this instant, aligned to the epoch.
     *
     * @param epochMillis the instant, in epoch milliseconds; may be negative
     * @return the candle's open time, in epoch milliseconds
     */
    public long bucket(long epochMillis) {
        long millis = width.toMillis();
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    /**
     * The interval with this code, if any.
     *
     * @param code a code such as {@code 1h}; case-sensitive
     * @return the interval, or empty for an unknown code (null included)
     */
    public static Optional<CandleInterval> ofCode(String code) {
        return Arrays.stream(values()).filter(interval -> interval.code.equals(code)).findFirst();
    }
}
