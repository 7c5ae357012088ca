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

    /** {@code 2025-03-01 14:05:09} in local time, or {@code —} for none. */
    public static String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /** {@code 14:05:09} in local time. */
    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** {@code 14:05} in local time, for chart axes. */
    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    /** Plain notation without trailing zeros: {@code 0.01}, never {@code 1E-2}. */
    public static String decimal(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    /** A fee fraction as a percentage: {@code 0.001} becomes {@code 0.1%}. */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
