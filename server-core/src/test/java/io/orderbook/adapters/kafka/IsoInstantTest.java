package io.orderbook.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link IsoInstant} against {@link OffsetDateTime#parse}, the definition it must keep. */
class IsoInstantTest {

    /** What the general parser makes of a text: its instant, or null when it refuses it. */
    private static Instant reference(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Test
    void readsEveryInstantWithAnyFractionAndOffsetAsTheGeneralParserDoes() {
        qt().withExamples(20_000)
                .forAll(longs().between(-62_000_000_000L, 250_000_000_000L), integers().between(0, 999_999_999),
                        integers().between(0, 9), integers().between(-18 * 4, 18 * 4))
                .checkAssert((second, nano, fractionDigits, quarterHours) -> {
                    ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60);
                    String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits))
                            + "XXX";
                    OffsetDateTime time = Instant.ofEpochSecond(second, nano).atOffset(offset);
                    String text = time.format(DateTimeFormatter.ofPattern(pattern));
                    assertThat(IsoInstant.parse(text)).as(text).isEqualTo(reference(text)).isNotNull();
                });
    }

    @Test
    void acceptsAndRefusesExactlyWhatTheGeneralParserDoesWhenACharacterIsChanged() {
        String valid = "2024-02-29T23:59:59.123456789+05:30";
        String replacements = "0123456789-+:.TZtz 9";
        qt().withExamples(20_000)
                .forAll(integers().between(0, valid.length() - 1), integers().between(0, replacements.length() - 1),
                        integers().between(0, 2))
                .checkAssert((at, replacement, how) -> {
                    String text = switch (how) {
                        case 0 -> valid.substring(0, at) + replacements.charAt(replacement) + valid.substring(at + 1);
                        case 1 -> valid.substring(0, at) + valid.substring(at + 1);
                        default -> valid.substring(0, at) + replacements.charAt(replacement) + valid.substring(at);
                    };
                    assertThat(IsoInstant.parse(text)).as(text).isEqualTo(reference(text));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-01T12:00:00Z", "2026-05-01T12:00Z", "2026-05-01t12:00:00z", "2026-05-01T12:00:00.Z",
            "2026-02-29T12:00:00Z", "2024-02-29T12:00:00Z", "2026-04-31T12:00:00Z", "2026-05-01T24:00:00Z",
            "2026-05-01T12:00:60Z", "2026-05-01T12:00:00+18:00", "2026-05-01T12:00:00+18:01", "2026-05-01T12:00:00-00:00",
            "2026-05-01T12:00:00+02:00:30", "2026-05-01T12:00:00+0200", "+12026-05-01T12:00:00Z", "0000-01-01T00:00:00Z",
            "2026-05-01T12:00:00.1234567891Z", "2026-05-01 12:00:00Z", "2026-05-01T12:00:00", "", "Z"})
    void edgeCasesAgreeWithTheGeneralParser(String text) {
        assertThat(IsoInstant.parse(text)).isEqualTo(reference(text));
    }
}
