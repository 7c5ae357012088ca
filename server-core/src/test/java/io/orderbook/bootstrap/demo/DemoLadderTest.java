package io.orderbook.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DemoLadderTest {

    /** BTC-USD: USD has 6 decimals, tick 0.01 USD, lot 0.0001 BTC (8 decimals). */
    private static final long TICK = 10_000;
    private static final long LOT = 10_000;

    @Test
    void pricesAreOnTheTickGridAroundTheReferenceAndSizesAreWholeLots() {
        long reference = DemoLadder.onTickGrid(new BigDecimal("65000.004"), 6, TICK);
        assertThat(reference).isEqualTo(65_000_000_000L);

        DemoLadder ladder = DemoLadder.around(reference, TICK, LOT, 5_000_000, 5, 5, 5, new SplittableRandom(7));

        // 5 bps of 65,000 USD is 32.50 USD: the best bid and ask are 32.50 from the reference, levels 32.50 apart.
        assertThat(ladder.bidPrices()).containsExactly(64_967_500_000L, 64_935_000_000L, 64_902_500_000L,
                64_870_000_000L, 64_837_500_000L);
        assertThat(ladder.askPrices()).containsExactly(65_032_500_000L, 65_065_000_000L, 65_097_500_000L,
                65_130_000_000L, 65_162_500_000L);
        for (int level = 0; level < 5; level++) {
            long quantity = ladder.quantities()[level];
            assertThat(quantity % LOT).isZero();
            // 80% to 120% of (level + 1) x 0.05 BTC.
            assertThat(quantity).isBetween(4_000_000L * (level + 1), 6_000_000L * (level + 1));
        }
    }

    @Test
    void aCheapMarketStillHasASpreadOfAtLeastOneTickAndNoBidAtOrBelowZero() {
        DemoLadder ladder = DemoLadder.around(3 * TICK, TICK, LOT, 1, 5, 5, 5, new SplittableRandom(1));

        assertThat(ladder.bidPrices()).containsExactly(2 * TICK, TICK, 0, 0, 0);
        assertThat(ladder.askPrices()).containsExactly(4 * TICK, 5 * TICK, 6 * TICK, 7 * TICK, 8 * TICK);
        assertThat(ladder.quantities()).containsOnly(LOT);
    }

    @Test
    void quantitiesAndPricesRoundToTheGrid() {
        assertThat(DemoLadder.inLots(new BigDecimal("0.05009"), 8, LOT)).isEqualTo(5_000_000);
        assertThat(DemoLadder.inLots(new BigDecimal("0.00000001"), 8, LOT)).isEqualTo(LOT);
        assertThat(DemoLadder.onTickGrid(new BigDecimal("0.001"), 6, TICK)).isEqualTo(TICK);
        assertThat(DemoLadder.onTickGrid(new BigDecimal("150.005"), 6, TICK)).isEqualTo(150_010_000);
    }
}
