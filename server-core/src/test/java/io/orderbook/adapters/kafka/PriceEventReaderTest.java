package io.orderbook.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.kafka.PriceEventReader.Reason;
import io.orderbook.adapters.kafka.PriceEventReader.Refused;
import io.orderbook.adapters.kafka.PriceEventReader.Valid;
import io.orderbook.application.prices.PriceTick;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceEventReaderTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    final PriceEventReader reader = new PriceEventReader(Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

    static String event(String eventId, String token, String price, String timestamp, String source) {
        return "{\"eventId\":" + eventId + ",\"token\":" + token + ",\"price\":" + price + ",\"timestamp\":" + timestamp
                + ",\"source\":" + source + "}";
    }

    PriceEventReader.Outcome read(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidEventKeepsItsPriceExactFromAStringOrANumber() {
        PriceTick fromString = ((Valid) read(event("\"e-1\"", "\"BTC\"", "\"64123.50\"", "\"2026-05-01T11:59:30.123Z\"",
                "\"binance\""))).tick();
        assertThat(fromString).isEqualTo(new PriceTick("e-1", "BTC", new BigDecimal("64123.50"),
                Instant.parse("2026-05-01T11:59:30.123Z"), "binance"));
        assertThat(fromString.price().scale()).isEqualTo(2);

        PriceTick fromNumber = ((Valid) read(event("\"e-2\"", "\"ETH-USDT\"", "0.100000000000000005",
                "\"2026-05-01T13:59:59+02:00\"", "\"feed\""))).tick();
        assertThat(fromNumber.price()).isEqualTo(new BigDecimal("0.100000000000000005"));
        assertThat(fromNumber.timestamp()).isEqualTo(Instant.parse("2026-05-01T11:59:59Z"));
        assertThat(((Valid) read(event("\"e-3\"", "\"BTC\"", "1E+3", "\"2026-05-01T12:00:00Z\"", "\"x\""))).tick().price())
                .isEqualTo(new BigDecimal("1000"));
    }

    @Test
    void extraFieldsAreIgnoredForForwardCompatibility() {
        assertThat(read("{\"eventId\":\"e\",\"token\":\"BTC\",\"price\":\"1\",\"timestamp\":\"2026-05-01T12:00:00Z\","
                + "\"source\":\"s\",\"volume\":\"12\"}")).isInstanceOf(Valid.class);
        // Only the schema's fields are checked for duplicates: the others are not read.
        assertThat(read("{\"eventId\":\"e\",\"token\":\"BTC\",\"price\":\"1\",\"timestamp\":\"2026-05-01T12:00:00Z\","
                + "\"source\":\"s\",\"volume\":\"12\",\"volume\":13}")).isInstanceOf(Valid.class);
        assertThat(read("{\"meta\":{\"price\":[1,{\"a\":null}],\"token\":\"x\"},\"eventId\":\"e\",\"token\":\"BTC\","
                + "\"price\":\"1\",\"timestamp\":\"2026-05-01T12:00:00Z\",\"source\":\"s\"}"))
                .isInstanceOfSatisfying(Valid.class, v -> assertThat(v.tick().token()).isEqualTo("BTC"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON                | {eventId:                                              | INVALID_JSON",
            "an array                | [1,2]                                                  | INVALID_JSON",
            "a bare string           | \"BTC\"                                                | INVALID_JSON",
            "two objects             | {}{}                                                   | INVALID_JSON",
            "an unclosed object      | {\"eventId\":\"e\"                                       | INVALID_JSON",
            "a key twice             | {\"eventId\":\"e\",\"token\":\"BTC\",\"token\":\"ETH\",\"price\":\"1\",\"timestamp\":\"2026-05-01T12:00:00Z\",\"source\":\"s\"} | INVALID_JSON",
            "a key twice, null first | {\"eventId\":\"e\",\"token\":\"BTC\",\"price\":null,\"price\":\"1\",\"timestamp\":\"2026-05-01T12:00:00Z\",\"source\":\"s\"} | INVALID_JSON",
            "price an object         | {\"eventId\":\"e\",\"token\":\"BTC\",\"price\":{\"v\":1},\"timestamp\":\"2026-05-01T12:00:00Z\",\"source\":\"s\"} | INVALID_FIELD",
            "no eventId              | {\"token\":\"BTC\",\"price\":\"1\",\"timestamp\":\"2026-05-01T12:00:00Z\",\"source\":\"s\"} | MISSING_FIELD",
            "null price              | {\"eventId\":\"e\",\"token\":\"BTC\",\"price\":null,\"timestamp\":\"2026-05-01T12:00:00Z\",\"source\":\"s\"} | MISSING_FIELD",
    })
    void malformedEventsAreRefusedWithAReason(String what, String text, Reason reason) {
        assertThat(read(text)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative price        | \"e\" | \"BTC\"      | \"-1.5\"             | \"2026-05-01T12:00:00Z\" | \"s\" | price must be positive",
            "negative number       | \"e\" | \"BTC\"      | -1.5                 | \"2026-05-01T12:00:00Z\" | \"s\" | price must be positive",
            "zero price            | \"e\" | \"BTC\"      | \"0.00\"             | \"2026-05-01T12:00:00Z\" | \"s\" | price must be positive",
            "price not decimal     | \"e\" | \"BTC\"      | \"12,5\"             | \"2026-05-01T12:00:00Z\" | \"s\" | price must be a decimal",
            "price exponent string | \"e\" | \"BTC\"      | \"1e5\"              | \"2026-05-01T12:00:00Z\" | \"s\" | price must be a decimal",
            "price a boolean       | \"e\" | \"BTC\"      | true                 | \"2026-05-01T12:00:00Z\" | \"s\" | price must be a decimal",
            "too many decimals     | \"e\" | \"BTC\"      | \"1.0000000000000000001\" | \"2026-05-01T12:00:00Z\" | \"s\" | at most 18 decimals",
            "lower-case token      | \"e\" | \"btc\"      | \"1\"                | \"2026-05-01T12:00:00Z\" | \"s\" | token must be",
            "token part too long   | \"e\" | \"BTC-ABCDEFGHIJKLMNOPQ\" | \"1\"    | \"2026-05-01T12:00:00Z\" | \"s\" | token must be",
            "token two dashes      | \"e\" | \"A-B-C\"    | \"1\"                | \"2026-05-01T12:00:00Z\" | \"s\" | token must be",
            "token empty symbol    | \"e\" | \"BTC-\"     | \"1\"                | \"2026-05-01T12:00:00Z\" | \"s\" | token must be",
            "price with no digits  | \"e\" | \"BTC\"      | \"1.\"               | \"2026-05-01T12:00:00Z\" | \"s\" | price must be a decimal",
            "price plus sign       | \"e\" | \"BTC\"      | \"+1\"               | \"2026-05-01T12:00:00Z\" | \"s\" | price must be a decimal",
            "timestamp 31 April    | \"e\" | \"BTC\"      | \"1\"                | \"2026-04-31T12:00:00Z\" | \"s\" | timestamp must be",
            "token a number        | \"e\" | 42          | \"1\"                | \"2026-05-01T12:00:00Z\" | \"s\" | token must be",
            "blank eventId         | \" \" | \"BTC\"      | \"1\"                | \"2026-05-01T12:00:00Z\" | \"s\" | eventId must be",
            "eventId a number      | 7     | \"BTC\"      | \"1\"                | \"2026-05-01T12:00:00Z\" | \"s\" | eventId must be",
            "no zone               | \"e\" | \"BTC\"      | \"1\"                | \"2026-05-01T12:00:00\"  | \"s\" | timestamp must be",
            "epoch millis          | \"e\" | \"BTC\"      | \"1\"                | 1777636800000            | \"s\" | timestamp must be",
            "far future            | \"e\" | \"BTC\"      | \"1\"                | \"2026-05-01T12:05:00Z\" | \"s\" | after",
            "empty source          | \"e\" | \"BTC\"      | \"1\"                | \"2026-05-01T12:00:00Z\" | \"\"  | source must be",
    })
    void invalidFieldsAreRefusedWithWhatIsWrong(String what, String id, String token, String price, String time,
                                                String source, String detail) {
        assertThat(read(event(id, token, price, time, source))).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.INVALID_FIELD);
            assertThat(r.detail()).contains(detail);
        });
    }

    @Test
    void anEventOlderThanTheMaximumAgeIsStale() {
        assertThat(read(event("\"e\"", "\"BTC\"", "\"1\"", "\"2026-05-01T11:58:59Z\"", "\"s\"")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.STALE));
        assertThat(read(event("\"e\"", "\"BTC\"", "\"1\"", "\"2026-05-01T11:59:01Z\"", "\"s\"")))
                .isInstanceOf(Valid.class);
    }

    @Test
    void emptyAndOversizedEventsAreRefused() {
        assertThat(reader.read(new byte[0])).isInstanceOf(Refused.class);
        assertThat(reader.read(null)).isInstanceOf(Refused.class);
        String huge = event("\"e\"", "\"BTC\"", "\"1\"", "\"2026-05-01T12:00:00Z\"", "\"" + "s".repeat(5000) + "\"");
        assertThat(read(huge)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_JSON));
    }
}
