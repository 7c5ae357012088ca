package io.orderbook.app.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the screens write numbers and times: exact, with the market's decimals, never in exponent form. */
public final class Numbers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Numbers() {
    }

    /** {@code value} with exactly {@code scale} decimals; empty for null. */
    public static String format(BigDecimal value, int scale) {
        return value == null ? "" : value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code value} without trailing zeros; empty for null. */
    public static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A fraction as a signed percentage with two decimals, e.g. {@code +1.25 %}. */
    public static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "";
        }
        BigDecimal p = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + " %";
    }

    /** Decimals a step such as a tick size needs (0.01 -> 2, 1 -> 0). */
    public static int decimals(BigDecimal step) {
        return step == null ? 2 : Math.max(0, step.stripTrailingZeros().scale());
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
