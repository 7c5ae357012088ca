package io.orderbook.application.orders;

import io.orderbook.domain.engine.MatchingEngine;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Converts between decimal text in whole units ({@code "0.015"} BTC) and exact minor units ({@code 1500000}
 * satoshis at scale 8), never through floating point. Text that does not convert exactly is refused, not
 * rounded: a client that sends more decimal places than the asset has made a mistake.
 */
public final class DecimalAmount {

    /** Longest text accepted; anything longer is absurd for any asset. */
    public static final int MAX_LENGTH = 40;
    /** Largest amount in minor units: the engine's cap on any order value and any asset's total supply. */
    public static final long MAX_MINOR = MatchingEngine.MAX_NOTIONAL;
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private DecimalAmount() {
    }

    /**
     * The text as minor units of an asset with {@code scale} decimal places.
     *
     * @param text   decimal text such as {@code "12.5"}, no exponent
     * @param scale  the asset's decimal places
     * @param signed whether a leading minus is allowed; otherwise the amount must be positive
     * @return the amount, or the reason the text is not one, written for the client
     */
    public static Parsed parse(String text, int scale, boolean signed) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !DECIMAL.matcher(text).matches()) {
            return Parsed.error("must be a decimal number as a string, such as \"12.5\"");
        }
        BigDecimal minor = new BigDecimal(text).movePointRight(scale);
        if (minor.signum() < 0 && !signed) {
            return Parsed.error("must be positive");
        }
        if (minor.signum() == 0) {
            return Parsed.error(signed ? "must not be zero" : "must be positive");
        }
        if (minor.stripTrailingZeros().scale() > 0) {
            return Parsed.error("must have at most " + scale + " decimal places");
        }
        if (minor.abs().compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            return Parsed.error("is too large");
        }
        return new Parsed(minor.longValueExact(), null);
    }

    /**
     * Minor units as decimal text with exactly {@code scale} decimal places, e.g. {@code "0.01500000"}.
     *
     * @param minor the amount in minor units
     * @param scale the asset's decimal places
     * @return the plain decimal text, never in exponent notation
     */
    public static String format(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale).toPlainString();
    }

    /**
     * A parsed amount: {@code error} is null when {@code value} holds the amount.
     *
     * @param value the amount in minor units; 0 when parsing failed
     * @param error why the text is not an amount, phrased to follow the field's name; null when it is one
     */
    public record Parsed(long value, String error) {

        static Parsed error(String message) {
            return new Parsed(0, message);
        }

        /**
         * Whether the text was an amount.
         *
         * @return true when {@code value} holds the amount
         */
        public boolean ok() {
            return error == null;
        }
    }
}
