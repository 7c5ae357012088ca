package io.orderbook.app.admin.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How admin screens write times and amounts: local time to the second, decimals without trailing zeros. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /**
     * Writes a date and time.
     *
     * @param instant the moment; may be null
     * @return e.g. {@code 2025-03-01 14:05:09} in local time, or {@code —} for null
     */
    public static String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /**
     * Writes a time of day.
     *
     * @param instant the moment; may be null
     * @return e.g. {@code 14:05:09} in local time, or {@code —} for null
     */
    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /**
     * Writes a time of day to the minute, for chart axes.
     *
     * @param instant the moment; not null
     * @return e.g. {@code 14:05} in local time
     */
    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    /**
     * Writes a decimal in plain notation without trailing zeros.
     *
     * @param value the amount; may be null
     * @return e.g. {@code 0.01} (never {@code 1E-2}), or {@code —} for null
     */
    public static String decimal(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Writes a fee fraction as a percentage.
     *
     * @param fraction the fraction, e.g. {@code 0.001}; may be null
     * @return e.g. {@code 0.1%}, or {@code —} for null
     */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
