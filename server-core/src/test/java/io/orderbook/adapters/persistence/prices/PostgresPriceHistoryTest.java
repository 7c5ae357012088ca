package io.orderbook.adapters.persistence.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.application.prices.PriceBar;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class PostgresPriceHistoryTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    /** Each test prices its own token, so tests sharing the table do not interfere. */
    private static final AtomicInteger TOKEN = new AtomicInteger();

    private final PostgresPriceHistory history = new PostgresPriceHistory(db.database());
    private final String token = "TK" + TOKEN.incrementAndGet();
    private final Instant start = Instant.parse("2031-05-01T10:00:00.123456Z");

    /** Event {@code i}, {@code i} milliseconds after the start. */
    private PriceTick tick(int i, String price) {
        return new PriceTick(token + "-e" + i, token, new BigDecimal(price), start.plusMillis(i), "feed");
    }

    @Test
    void storesABarPerSecondWithItsPricesExactlyScaleIncluded() {
        List<PriceTick> ticks = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ticks.add(tick(i, "50000." + String.format("%02d", i % 100)));
        }
        ticks.add(tick(3_000, "0.000000000000000001"));
        ticks.add(tick(3_001, "1.500"));

        // 10:00:00.123456 to 10:00:03.124456: four seconds.
        assertThat(history.append(ticks)).isEqualTo(4);

        List<PriceBar> bars = history.bars(token, start, 100);
        assertThat(bars).containsExactlyElementsOf(PriceBar.bySecond(ticks));
        assertThat(bars).extracting(PriceBar::second).containsExactly(Instant.parse("2031-05-01T10:00:00Z"),
                Instant.parse("2031-05-01T10:00:01Z"), Instant.parse("2031-05-01T10:00:02Z"),
                Instant.parse("2031-05-01T10:00:03Z"));
        PriceBar last = bars.getLast();
        assertThat(last.low()).isEqualTo(new BigDecimal("0.000000000000000001"));
        assertThat(last.close().price()).isEqualTo(new BigDecimal("1.500"));
        assertThat(last.close().price().scale()).isEqualTo(3);
        assertThat(last.close().at()).isEqualTo(Instant.parse("2031-05-01T10:00:03.124456Z"));
    }

    @Test
    void laterBatchesMergeIntoTheStoredBarsAndRedeliveredEventsChangeNothing() {
        assertThat(history.append(List.of(tick(100, "10.00"), tick(200, "11.00")))).isEqualTo(1);

        // Redelivered (100, 200) change nothing; a batch of only those stores nothing.
        assertThat(history.append(List.of(tick(200, "11.00"), tick(100, "10.00")))).isZero();
        // Within the bar's range: nothing to change either.
        assertThat(history.append(List.of(tick(150, "10.50")))).isZero();
        // An earlier event (late, from another partition) opens the bar; a later and higher one closes it.
        assertThat(history.append(List.of(tick(50, "9.00"), tick(300, "12.00"), tick(300, "12.00")))).isEqualTo(1);

        List<PriceBar> bars = history.bars(token, start, 10);
        assertThat(bars).containsExactly(new PriceBar(token, Instant.parse("2031-05-01T10:00:00Z"),
                new PriceBar.Point(new BigDecimal("9.00"), start.plusMillis(50), token + "-e50"),
                new BigDecimal("12.00"), new BigDecimal("9.00"),
                new PriceBar.Point(new BigDecimal("12.00"), start.plusMillis(300), token + "-e300")));
    }

    @Test
    void eventsOfOneMicrosecondAreOrderedAsTheServerOrdersThem() {
        Instant at = start.plusMillis(10);
        PriceTick emoji = new PriceTick("x\uD83D\uDE00", token, new BigDecimal("3"), at, "feed");
        PriceTick wide = new PriceTick("x\uFF5E", token, new BigDecimal("2"), at, "feed");
        PriceTick digit = new PriceTick("x1", token, new BigDecimal("1"), at, "feed");

        // One event at a time, so that the database decides every tie.
        history.append(List.of(wide));
        history.append(List.of(emoji));
        history.append(List.of(digit));

        assertThat(history.bars(token, start, 10)).containsExactlyElementsOf(
                PriceBar.bySecond(List.of(emoji, wide, digit)));
    }

    @Test
    void textsWithQuotesCommasAndLineBreaksAreStoredAsGiven() {
        PriceTick odd = new PriceTick(token + "-\"odd\",{id}", token, new BigDecimal("7.25"), start,
                "line one\nline, \"two\"\\");

        assertThat(history.append(List.of(odd))).isEqualTo(1);

        assertThat(history.bars(token, start, 10).getFirst().open().eventId()).isEqualTo(odd.eventId());
    }

    @Test
    void aRefusedPriceFailsTheWholeBatchAndStoresNoneOfIt() {
        // A price the table refuses (scale over 18) fails the whole batch...
        PriceTick refused = new PriceTick(token + "-bad", token, new BigDecimal("1.0000000000000000001"),
                start.plusSeconds(5), "feed");
        assertThatThrownBy(() -> history.append(List.of(tick(1, "1.00"), refused)))
                .isInstanceOf(IllegalStateException.class);

        // ...and stores none of it.
        assertThat(history.bars(token, start, 10)).isEmpty();
        assertThat(history.append(List.of(tick(2, "2.00")))).isEqualTo(1);
        assertThat(history.bars(token, start, 10)).extracting(b -> b.open().eventId()).containsExactly(token + "-e2");
    }

    @Test
    void barsAreReadFromTheSecondOfTheGivenTimeOnAndUpToTheLimit() {
        history.append(List.of(tick(0, "1"), tick(1_000, "2"), tick(2_000, "3"), tick(3_000, "4")));

        assertThat(history.bars(token, start.plusMillis(1_500), 2)).extracting(b -> b.open().price())
                .containsExactly(new BigDecimal("2"), new BigDecimal("3"));
    }
}
