package io.orderbook.application.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PriceBarTest {

    private static final Instant SECOND = Instant.parse("2031-05-01T10:00:07Z");

    private static PriceTick tick(String id, String token, String price, Instant at) {
        return new PriceTick(id, token, new BigDecimal(price), at, "feed");
    }

    @Test
    void oneBarPerTokenAndSecondWithTheFirstHighestLowestAndLastPrice() {
        List<PriceTick> ticks = List.of(
                tick("b", "BTC", "101.50", SECOND.plusMillis(400)),
                tick("a", "BTC", "100.00", SECOND.plusMillis(100)),
                tick("c", "BTC", "99.25", SECOND.plusMillis(900)),
                tick("d", "BTC", "100.75", SECOND.plusMillis(999)),
                tick("e", "ETH", "5.0", SECOND.plusMillis(1)),
                tick("f", "BTC", "120", SECOND.plusSeconds(1)));

        List<PriceBar> bars = new ArrayList<>(PriceBar.bySecond(ticks));

        assertThat(bars).hasSize(3);
        PriceBar btc = bars.getFirst();
        assertThat(btc.token()).isEqualTo("BTC");
        assertThat(btc.second()).isEqualTo(SECOND);
        assertThat(btc.open()).isEqualTo(new PriceBar.Point(new BigDecimal("100.00"), SECOND.plusMillis(100), "a"));
        assertThat(btc.high()).isEqualTo(new BigDecimal("101.50"));
        assertThat(btc.low()).isEqualTo(new BigDecimal("99.25"));
        assertThat(btc.close()).isEqualTo(new PriceBar.Point(new BigDecimal("100.75"), SECOND.plusMillis(999), "d"));
        assertThat(bars.get(1).token()).isEqualTo("ETH");
        assertThat(bars.get(2).second()).isEqualTo(SECOND.plusSeconds(1));
        assertThat(bars.get(2).open().price()).isEqualTo(bars.get(2).close().price()).isEqualTo(new BigDecimal("120"));
    }

    @Test
    void eventsOfTheSameMicrosecondAreOrderedByEventIdByCodePoint() {
        Instant at = SECOND.plusNanos(123_456_789);
        // U+FF5E sorts after U+1F600's first UTF-16 unit (U+D83D) by String.compareTo, before it by code point.
        PriceBar bar = PriceBar.of(tick("x\uFF5E", "BTC", "2", at))
                .merge(PriceBar.of(tick("x\uD83D\uDE00", "BTC", "3", at.plusNanos(1))))
                .merge(PriceBar.of(tick("x1", "BTC", "1", at.plusNanos(2))));

        assertThat(bar.open().eventId()).isEqualTo("x1");
        assertThat(bar.close().eventId()).isEqualTo("x\uD83D\uDE00");
        // Stored to the microsecond, as the database keeps it.
        assertThat(bar.open().at()).isEqualTo(SECOND.plusNanos(123_456_000));
    }

    @Test
    void barsOfAnotherTokenOrSecondDoNotMerge() {
        PriceBar btc = PriceBar.of(tick("a", "BTC", "1", SECOND));

        assertThatThrownBy(() -> btc.merge(PriceBar.of(tick("b", "ETH", "1", SECOND))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> btc.merge(PriceBar.of(tick("b", "BTC", "1", SECOND.plusSeconds(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The history must not depend on how the consumer's batches split the events, their order, or redeliveries:
     * any shuffle, any split into batches (merged bar by bar, as the database does) and any repeated events give the
     * bars of all events at once.
     */
    @Test
    void anyOrderSplitOrRedeliveryGivesTheSameBars() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60),
                integers().all()).checkAssert((numbers, seed) -> {
            List<PriceTick> ticks = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                int n = numbers.get(i);
                // Few ids, tokens and times, so that ties and shared seconds are common. An event is the same
                // whenever it comes (its price follows from its id, token and time), as a producer resends it.
                int id = n % 7;
                int token = (n >> 3) % 2;
                int time = (n >> 4) % 9;
                ticks.add(tick("e" + id, "T" + token, String.valueOf(1 + (3 * id + 7 * time + token) % 5),
                        SECOND.plusMillis(250L * time)));
            }
            Map<String, PriceBar> expected = byKey(PriceBar.bySecond(ticks));

            Random random = new Random(seed);
            List<PriceTick> replayed = new ArrayList<>(ticks);
            replayed.addAll(ticks.subList(0, random.nextInt(ticks.size() + 1)));
            Collections.shuffle(replayed, random);
            Map<String, PriceBar> merged = new TreeMap<>();
            for (int from = 0; from < replayed.size(); ) {
                int to = Math.min(replayed.size(), from + 1 + random.nextInt(5));
                byKey(PriceBar.bySecond(replayed.subList(from, to)))
                        .forEach((key, bar) -> merged.merge(key, bar, PriceBar::merge));
                from = to;
            }

            assertThat(merged).isEqualTo(expected);
        });
    }

    private static Map<String, PriceBar> byKey(Collection<PriceBar> bars) {
        return bars.stream().collect(Collectors.toMap(b -> b.token() + "@" + b.second(), b -> b, (a, b) -> {
            throw new AssertionError("two bars of " + a.token() + " at " + a.second());
        }, TreeMap::new));
    }
}
