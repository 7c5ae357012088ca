package io.orderbook.domain.model;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A market's exact unit arithmetic: lot-tick value, fees rounded down, and what a quote budget buys. */
class MarketTest {

    private static Market market(int baseScale, long tickSize, long lotSize, int makerFeePpm, int takerFeePpm) {
        return new Market(1, "BTC-USDT", 1, 2, baseScale, tickSize, lotSize, 0, makerFeePpm, takerFeePpm,
                SelfTradePrevention.NONE);
    }

    @Test
    void oneLotAtOneTickIsWorthTickTimesLotInWholeBaseUnits() {
        // 0.0001 BTC (10 000 satoshi) at 0.01 USDT per BTC (10 000 micro-USDT) is worth 1 micro-USDT.
        assertThat(market(8, 10_000, 10_000, 0, 0).unitNotional()).isEqualTo(1);
        assertThat(market(8, 1_000_000, 10_000, 0, 0).unitNotional()).isEqualTo(100);
        assertThat(market(0, 10, 5, 0, 0).unitNotional()).isEqualTo(50);
        assertThat(market(3, 100, 10, 0, 0).unitNotional()).isEqualTo(1);
    }

    @Test
    void aFeeIsRoundedDown() {
        assertThat(Market.fee(999, 1_000)).isZero();
        assertThat(Market.fee(1_000, 1_000)).isEqualTo(1);
        assertThat(Market.fee(1_999, 1_000)).isEqualTo(1);
        assertThat(Market.fee(4_950, 2_000)).isEqualTo(9);
        assertThat(Market.fee(123_456, 0)).isZero();
    }

    @Test
    void aFeeIsExactForTheLargestAmounts() {
        long[] notionals = {Long.MAX_VALUE / 4, Long.MAX_VALUE / 4 - 999_999, 3_000_000_000_000_000_001L};
        for (long notional : notionals) {
            for (int ppm : new int[] {1, 999, 2_000, 99_999, Market.MAX_FEE_PPM}) {
                long exact = BigInteger.valueOf(notional).multiply(BigInteger.valueOf(ppm))
                        .divide(BigInteger.valueOf(Market.PPM)).longValueExact();
                assertThat(Market.fee(notional, ppm)).as("fee of %d at %d ppm", notional, ppm).isEqualTo(exact);
            }
        }
    }

    @Test
    void aBudgetBuysTheLargestValueWhoseFeeStillFits() {
        for (int ppm : new int[] {0, 1, 1_000, 2_000, 33_333, Market.MAX_FEE_PPM}) {
            for (long budget = 0; budget <= 30_000; budget++) {
                long n = Market.notionalWithin(budget, ppm);
                assertThat(n + Market.fee(n, ppm)).as("spent of budget %d at %d ppm", budget, ppm)
                        .isLessThanOrEqualTo(budget);
                assertThat(n + 1 + Market.fee(n + 1, ppm)).as("one more of budget %d at %d ppm", budget, ppm)
                        .isGreaterThan(budget);
            }
        }
        assertThat(Market.notionalWithin(1_002_000, 2_000)).isEqualTo(1_000_000);
        assertThat(Market.notionalWithin(Long.MAX_VALUE / 4, 2_000) + Market.fee(Market.notionalWithin(
                Long.MAX_VALUE / 4, 2_000), 2_000)).isLessThanOrEqualTo(Long.MAX_VALUE / 4);
    }

    @Test
    void aBuyReservesAtTheHigherOfTheTwoRates() {
        assertThat(market(0, 1, 1, 1_000, 2_000).maxFeePpm()).isEqualTo(2_000);
        assertThat(market(0, 1, 1, 3_000, 2_000).maxFeePpm()).isEqualTo(3_000);
    }

    @Test
    void rulesThatWouldMakeTradeValuesInexactOrFeesExcessiveAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> market(8, 1, 1, 0, 0))
                .withMessageContaining("whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> market(0, 0, 1, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> market(0, 1, 0, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> market(19, 1, 1, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> market(0, 1, 1, Market.MAX_FEE_PPM + 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> market(0, 1, 1, 0, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Market(1, "X", 2, 2, 0, 1, 1, 0, 0, 0,
                SelfTradePrevention.NONE));
        assertThatIllegalArgumentException().isThrownBy(() -> new Market(1, "X", 1, 2, 0, 1, 1, -1, 0, 0,
                SelfTradePrevention.NONE));
    }
}
