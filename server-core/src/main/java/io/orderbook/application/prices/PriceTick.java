package io.orderbook.application.prices;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One validated price event: the latest price of a token (an asset code such as {@code BTC}, priced in the quote
 * asset of the markets that list it) or of a market symbol (such as {@code BTC-USD}).
 *
 * @param eventId   the producer's unique id of the event; redelivered events carry the same id
 * @param token     the asset code or market symbol the price is for
 * @param price     the price in whole quote units per whole base unit, positive
 * @param timestamp when the producer observed the price
 * @param source    who produced it (an exchange, the simulator)
 */
public record PriceTick(String eventId, String token, BigDecimal price, Instant timestamp, String source) {

    /** Checks that every part is given and the price is positive. */
    public PriceTick {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
    }
}
