package io.orderbook.application.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.application.markets.DecimalUnits.NotExactException;
import io.orderbook.application.markets.DecimalUnits.Refusal;
import org.junit.jupiter.api.Test;

class DecimalUnitsTest {

    @Test
    void decimalsBecomeExactMinorUnits() throws Exception {
        assertThat(DecimalUnits.parse("0.01", 6)).isEqualTo(10_000);
        assertThat(DecimalUnits.parse("27000.5", 2)).isEqualTo(2_700_050);
        assertThat(DecimalUnits.parse("1", 8)).isEqualTo(100_000_000);
        assertThat(DecimalUnits.parse("0.10000000", 1)).isEqualTo(1);
        assertThat(DecimalUnits.parse("0", 18)).isZero();
        assertThat(DecimalUnits.parse("0.000", 0)).isZero();
        assertThat(DecimalUnits.parse("007", 0)).isEqualTo(7);
        assertThat(DecimalUnits.parse("9223372036854775807", 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(DecimalUnits.parse("9.223372036854775807", 18)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void nothingIsRounded() {
        assertRefused("0.001", 2, Refusal.TOO_PRECISE);
        assertRefused("0.0000000000000000001", 18, Refusal.TOO_PRECISE);
        assertRefused("9223372036854775808", 0, Refusal.TOO_LARGE);
        assertRefused("10", 18, Refusal.TOO_LARGE);
        assertRefused("9".repeat(40), 0, Refusal.TOO_LARGE);
    }

    @Test
    void onlyPlainNonNegativeDecimalsAreNumbers() {
        for (String text : new String[] {null, "", " 1", "1 ", "-1", "+1", "1e3", "1E3", ".5", "5.", "1,5", "0x1",
                "NaN", "Infinity", "１", "9".repeat(41), "1.2.3"}) {
            assertRefused(text, 2, Refusal.NOT_A_DECIMAL);
        }
    }

    @Test
    void minorUnitsPrintPlainWithoutTrailingZeros() {
        assertThat(DecimalUnits.format(10_000, 6)).isEqualTo("0.01");
        assertThat(DecimalUnits.format(2_700_050, 2)).isEqualTo("27000.5");
        assertThat(DecimalUnits.format(100_000_000, 8)).isEqualTo("1");
        assertThat(DecimalUnits.format(500, 0)).isEqualTo("500");
        assertThat(DecimalUnits.format(0, 6)).isEqualTo("0");
        assertThat(DecimalUnits.format(1, 18)).isEqualTo("0.000000000000000001");
        assertThat(DecimalUnits.format(Long.MAX_VALUE, 4)).isEqualTo("922337203685477.5807");
    }

    private static void assertRefused(String text, int scale, Refusal refusal) {
        assertThatThrownBy(() -> DecimalUnits.parse(text, scale)).as(text)
                .isInstanceOfSatisfying(NotExactException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
