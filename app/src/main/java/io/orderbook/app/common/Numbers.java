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

    /**
     * Writes an amount with a fixed number of decimals, rounding half to even.
     *
     * @param value the amount; may be null
     * @param scale how many decimals to show
     * @return the amount with exactly {@code scale} decimals; empty for null
     */
    public static String format(BigDecimal value, int scale) {
        return value == null ? "" : value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * Writes an amount without trailing zeros.
     *
     * @param value the amount; may be null
     * @return the amount in plain notation; empty for null
     */
    public static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Writes a fraction as a signed percentage with two decimals.
     *
     * @param fraction the fraction, e.g. {@code 0.0125}; may be null
     * @return e.g. {@code +1.25 %} (no sign for zero); empty for null
     */
    public static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "";
        }
        BigDecimal p = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + " %";
    }

    /**
     * Counts the decimals a step such as a tick size needs.
     *
     * @param step the step; may be null
     * @return 2 for 0.01, 0 for 1 or 10; 2 for null
     */
    public static int decimals(BigDecimal step) {
        return step == null ? 2 : Math.max(0, step.stripTrailingZeros().scale());
    }

    /**
     * Writes a time of day.
     *
     * @param instant the moment; may be null
     * @return e.g. {@code 14:05:09} in local time; empty for null
     */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /**
     * Writes a day and time without the year, for blotters.
     *
     * @param instant the moment; may be null
     * @return e.g. {@code 03-01 14:05:09} in local time; empty for null
     */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
