package io.orderbook.application.markets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Exact conversion between the API's decimal text in human units ({@code "0.01"} USDT) and the engine's integer
 * minor units (10 000 with a scale of 6). Nothing is rounded: text with more decimal places than the scale, or a
 * value beyond a long, is refused.
 */
public final class DecimalUnits {
    /** Longest decimal text accepted: far beyond any real amount, short enough to parse cheaply. */
    public static final int MAX_LENGTH = 40;
    /** Digits, optionally a point and more digits: no sign, no exponent, no spaces. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private DecimalUnits() {
    }

    /** Why a text is not an exact amount. */
    public enum Refusal {
        /** Not plain digits with an optional decimal point. */
        NOT_A_DECIMAL("must be a decimal number in a string, such as \"0.01\" (no sign, exponent or spaces)"),
        /** More decimal places than the asset's scale. */
        TOO_PRECISE("has more decimal places than allowed (%d)"),
        /** More minor units than a long holds. */
        TOO_LARGE("is too large");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        /**
         * A field error message, to follow the field's name.
         *
         * @param scale the allowed decimal places, filled into the message where it names them
         * @return the message
         */
        public String message(int scale) {
            return message.formatted(scale);
        }
    }

    /** Thrown by {@link #parse} with the reason. */
    public static final class NotExactException extends Exception {
        private static final long serialVersionUID = 1L;
        /** Why the text was refused. */
        private final Refusal refusal;

        NotExactException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        /** {@return why the text was refused} */
        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * The minor units of a decimal text at a scale: {@code parse("0.01", 6) == 10_000}.
     *
     * @param text  decimal text in human units, e.g. {@code "0.01"}
     * @param scale the asset's decimal places
     * @return the amount in minor units
     * @throws NotExactException if the text is not a plain non-negative decimal, has more than {@code scale}
     *                           decimal places (trailing zeros aside), or exceeds {@link Long#MAX_VALUE} minor units
     */
    public static long parse(String text, int scale) throws NotExactException {
        if (text == null || text.length() > MAX_LENGTH || !DECIMAL.matcher(text).matches()) {
            throw new NotExactException(Refusal.NOT_A_DECIMAL);
        }
        BigDecimal minor = new BigDecimal(text).movePointRight(scale);
        if (minor.signum() != 0 && minor.stripTrailingZeros().scale() > 0) {
            throw new NotExactException(Refusal.TOO_PRECISE);
        }
        BigInteger whole = minor.setScale(0).unscaledValue();
        if (whole.bitLength() > 63) {
            throw new NotExactException(Refusal.TOO_LARGE);
        }
        return whole.longValueExact();
    }

    /**
     * Minor units as decimal text in plain notation, without trailing zeros: {@code format(10_000, 6) == "0.01"}.
     *
     * @param minor the amount in minor units
     * @param scale the asset's decimal places
     * @return the decimal text in human units
     */
    public static String format(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale).stripTrailingZeros().toPlainString();
    }
}
