package io.orderbook.application.prices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prices of one token within one second (UTC, aligned to the epoch): the first, highest, lowest and last.
 * This is the stored price history: charts draw from it, and it costs the database one row per token and second
 * instead of one per event.
 *
 * <p>Bars {@linkplain #merge merge} in any order and any grouping to the same bar, and merging an event in again
 * changes nothing: the first and last are the earliest and latest by time, then event id, so redelivered events,
 * late events and batches split differently all give the same history.
 *
 * @param token  the asset code or market symbol
 * @param second the start of the second, a whole second
 * @param open   the earliest event's price
 * @param high   the highest price
 * @param low    the lowest price
 * @param close  the latest event's price
 */
public record PriceBar(String token, Instant second, Point open, BigDecimal high, BigDecimal low, Point close) {

    /**
     * One event's price in a bar.
     *
     * @param price   as published, scale included
     * @param at      the event's timestamp, to the microsecond (as stored)
     * @param eventId the event's id, which orders events of the same microsecond
     */
    public record Point(BigDecimal price, Instant at, String eventId) {

        /** By time, then event id by Unicode code point (the database's {@code "C"} collation orders them so too). */
        static final Comparator<Point> ORDER = Comparator.comparing(Point::at)
                .thenComparing(Point::eventId, PriceBar::compareCodePoints);

        /** Checks that every part is given. */
        public Point {
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /** Checks that every part is given and the second is whole. */
    public PriceBar {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (second.getNano() != 0) {
            throw new IllegalArgumentException("a bar starts at a whole second: " + second);
        }
    }

    /**
     * The bar of one event.
     *
     * @param tick the event
     * @return a bar whose four prices are the event's
     */
    public static PriceBar of(PriceTick tick) {
        Point point = new Point(tick.price(), tick.timestamp().truncatedTo(ChronoUnit.MICROS), tick.eventId());
        return new PriceBar(tick.token(), tick.timestamp().truncatedTo(ChronoUnit.SECONDS), point, tick.price(),
                tick.price(), point);
    }

    /**
     * The bars of some events: one per token and second, in the order each first appears.
     *
     * @param ticks the events, in any order
     * @return their bars
     */
    public static Collection<PriceBar> bySecond(List<PriceTick> ticks) {
        Map<Key, PriceBar> bars = new LinkedHashMap<>();
        for (PriceTick tick : ticks) {
            PriceBar bar = of(tick);
            bars.merge(new Key(bar.token, bar.second), bar, PriceBar::merge);
        }
        return bars.values();
    }

    /**
     * This bar and another of the same token and second, as one.
     *
     * @param other a bar of the same token and second
     * @return the earlier open, the higher high, the lower low and the later close
     */
    public PriceBar merge(PriceBar other) {
        if (!token.equals(other.token) || !second.equals(other.second)) {
            throw new IllegalArgumentException("bars of " + token + " at " + second + " and of " + other.token
                    + " at " + other.second + " do not merge");
        }
        return new PriceBar(token, second,
                Point.ORDER.compare(other.open, open) < 0 ? other.open : open,
                other.high.compareTo(high) > 0 ? other.high : high,
                other.low.compareTo(low) < 0 ? other.low : low,
                Point.ORDER.compare(other.close, close) > 0 ? other.close : close);
    }

    private record Key(String token, Instant second) {
    }

    /** {@link String#compareTo} orders by UTF-16 unit, which differs from code point order beyond U+FFFF. */
    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
