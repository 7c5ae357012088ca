package io.orderbook.adapters.persistence.prices;

import static org.assertj.core.api.Assertions.assertThat;

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

    private PriceTick tick(int i, String price) {
        return new PriceTick(token + "-e" + i, token, new BigDecimal(price), start.plusMillis(i), "feed");
    }

    @Test
    void storesEveryFieldExactlyScaleIncluded() {
        List<PriceTick> ticks = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ticks.add(tick(i, "50000." + String.format("%02d", i % 100)));
        }
        ticks.add(tick(3_000, "0.000000000000000001"));
        ticks.add(tick(3_001, "1.500"));

        assertThat(history.append(ticks)).isEqualTo(3_002);

        assertThat(history.history(token, start, 10_000)).containsExactlyElementsOf(ticks);
        assertThat(history.history(token, start, 10_000).getLast().price().scale()).isEqualTo(3);
    }

    @Test
    void anEventStoredBeforeOrTwiceInABatchIsStoredOnce() {
        assertThat(history.append(List.of(tick(1, "10.00"), tick(2, "11.00")))).isEqualTo(2);

        // Redelivered (1, 2), new (3), and 3 again in the same batch.
        int stored = history.append(List.of(tick(1, "10.00"), tick(2, "11.00"), tick(3, "12.00"), tick(3, "12.00")));

        assertThat(stored).isEqualTo(1);
        assertThat(history.history(token, start, 100)).extracting(PriceTick::eventId)
                .containsExactly(token + "-e1", token + "-e2", token + "-e3");
    }

    @Test
    void quotesCommasAndLineBreaksInTextsSurviveTheCopy() {
        PriceTick odd = new PriceTick(token + "-\"odd\",id", token, new BigDecimal("7.25"), start,
                "line one\nline, \"two\"\\");

        assertThat(history.append(List.of(odd))).isEqualTo(1);

        assertThat(history.history(token, start, 10)).containsExactly(odd);
    }

    @Test
    void aFailedBatchLeavesNothingStagedForTheNextOnTheSameConnection() {
        // A price the table refuses (scale over 18) fails the whole batch...
        PriceTick refused = new PriceTick(token + "-bad", token, new BigDecimal("1.0000000000000000001"), start, "feed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> history.append(List.of(tick(1, "1.00"), refused)))
                .isInstanceOf(IllegalStateException.class);

        // ...and stores none of it, here or with the next batch.
        assertThat(history.append(List.of(tick(2, "2.00")))).isEqualTo(1);
        assertThat(history.history(token, start, 10)).extracting(PriceTick::eventId).containsExactly(token + "-e2");
    }
}
