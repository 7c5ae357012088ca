package io.orderbook.adapters.kafka;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A token the {@link PriceSimulator} publishes prices for.
 *
 * @param token      the asset code or market symbol, as in a price event
 * @param startPrice the first price; its scale is the scale of every price published for the token
 * @param volatility the standard deviation of the price's log return over one second (0.001 is 0.1 % a second)
 */
public record SimulatedToken(String token, BigDecimal startPrice, double volatility) {

    /** Checks the token, a positive start price and a volatility from 0 up to 1. */
    public SimulatedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(startPrice, "startPrice");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        if (startPrice.signum() <= 0) {
            throw new IllegalArgumentException("startPrice must be positive: " + startPrice);
        }
        if (!(volatility >= 0 && volatility < 1)) {
            throw new IllegalArgumentException("volatility must be from 0 up to 1: " + volatility);
        }
    }

    /**
     * The scale prices of this token are published with.
     *
     * @return that of {@link #startPrice()}, at least 0
     */
    public int scale() {
        return Math.max(0, startPrice.scale());
    }

    /**
     * Parses {@code TOKEN:START_PRICE:VOLATILITY}, e.g. {@code BTC:65000.00:0.0005}.
     *
     * @param text the setting
     * @return the token
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SimulatedToken parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not TOKEN:START_PRICE:VOLATILITY");
        }
        BigDecimal price;
        double volatility;
        try {
            price = new BigDecimal(parts[1].strip());
            volatility = Double.parseDouble(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' needs a decimal start price and volatility");
        }
        return new SimulatedToken(parts[0].strip(), price, volatility);
    }

    /**
     * The {@link #parse} form.
     *
     * @return {@code TOKEN:START_PRICE:VOLATILITY}
     */
    public String format() {
        return token + ":" + startPrice.toPlainString() + ":" + BigDecimal.valueOf(volatility).toPlainString();
    }
}
