package io.orderbook.application.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalAmountTest {

    @Test
    void converts_whole_units_to_minor_units_exactly() {
        assertThat(DecimalAmount.parse("0.015", 8, false).value()).isEqualTo(1_500_000);
        assertThat(DecimalAmount.parse("30000.12", 6, false).value()).isEqualTo(30_000_120_000L);
        assertThat(DecimalAmount.parse("1.10000000000", 2, false).value()).isEqualTo(110);
        assertThat(DecimalAmount.parse("007", 0, false).value()).isEqualTo(7);
        assertThat(DecimalAmount.parse("-2.5", 1, true).value()).isEqualTo(-25);
        assertThat(DecimalAmount.parse(Long.toString(DecimalAmount.MAX_MINOR), 0, false).value())
                .isEqualTo(DecimalAmount.MAX_MINOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "+1", "1.", ".5", "1e3", "0x10", "1,5", "NaN", "Infinity", "--1", "١"})
    void refuses_anything_but_plain_decimal_text(String text) {
        assertThat(DecimalAmount.parse(text, 8, true).error()).contains("decimal number");
    }

    @Test
    void refuses_zero_negative_too_precise_and_too_large_amounts_with_a_reason() {
        assertThat(DecimalAmount.parse("0", 8, false).error()).isEqualTo("must be positive");
        assertThat(DecimalAmount.parse("0.000", 8, true).error()).isEqualTo("must not be zero");
        assertThat(DecimalAmount.parse("-1", 8, false).error()).isEqualTo("must be positive");
        assertThat(DecimalAmount.parse("0.123456789", 8, false).error()).isEqualTo("must have at most 8 decimal places");
        assertThat(DecimalAmount.parse(Long.toString(DecimalAmount.MAX_MINOR + 1), 0, false).error()).isEqualTo("is too large");
        assertThat(DecimalAmount.parse("1" + "0".repeat(39), 0, false).error()).isEqualTo("is too large");
        assertThat(DecimalAmount.parse("1" + "0".repeat(40), 0, false).error()).contains("decimal number");
        assertThat(DecimalAmount.parse(null, 0, false).ok()).isFalse();
    }

    @Test
    void formats_with_exactly_the_assets_scale() {
        assertThat(DecimalAmount.format(1_500_000, 8)).isEqualTo("0.01500000");
        assertThat(DecimalAmount.format(-25, 1)).isEqualTo("-2.5");
        assertThat(DecimalAmount.format(7, 0)).isEqualTo("7");
        assertThat(DecimalAmount.format(Long.MAX_VALUE, 18)).isEqualTo("9.223372036854775807");
        assertThat(DecimalAmount.format(0, 6)).isEqualTo("0.000000");
    }
}
