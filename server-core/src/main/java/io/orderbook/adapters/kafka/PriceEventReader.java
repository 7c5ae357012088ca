package io.orderbook.adapters.kafka;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderbook.application.prices.PriceTick;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads and validates one price event as docs/price-events.md describes it (JSON with {@code eventId},
 * {@code token}, {@code price}, {@code timestamp} and {@code source}), turning it into a {@link PriceTick} or into
 * the reason it is refused. Prices are kept exactly as written, whether a decimal string or a JSON number.
 * Thread-safe.
 */
public final class PriceEventReader {

    /** An asset code ({@code BTC}) or a market symbol ({@code BTC-USD}), as the markets spell them. */
    static final Pattern TOKEN = Pattern.compile("[A-Z0-9]{1,16}(-[A-Z0-9]{1,16})?");
    /** A decimal string: digits with an optional fraction, no exponent (a sign is read, to say it must be positive). */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_SOURCE_LENGTH = 64;
    /** Digits a price may have in all, and after the point: what PostgreSQL and the engines can carry exactly. */
    static final int MAX_PRICE_PRECISION = 38;
    static final int MAX_PRICE_SCALE = 18;
    /** An event larger than this is not a price event. */
    static final int MAX_EVENT_BYTES = 4096;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 64000.2000 stays 64000.2000: the default node factory would strip the zeros.
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @param maxAge an event older than this when read is stale; one dated more than this in the future is invalid
     */
    public PriceEventReader(Duration maxAge, Clock clock) {
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of reading one event. */
    public sealed interface Outcome permits Valid, Refused {
    }

    /**
     * A valid, fresh event.
     *
     * @param tick the event as a price tick
     */
    public record Valid(PriceTick tick) implements Outcome {
    }

    /**
     * An event that is not used.
     *
     * @param reason why, stable, for programs and metrics
     * @param detail what is wrong, for people
     */
    public record Refused(Reason reason, String detail) implements Outcome {
    }

    /** Why an event is refused; each is a value of the dead-letter header {@code dlq.reason}. */
    public enum Reason {
        /** Empty, too large, not UTF-8 JSON, or JSON that is not one object. */
        INVALID_JSON,
        /** A required field is absent or null. */
        MISSING_FIELD,
        /** A field has the wrong type or an invalid value. */
        INVALID_FIELD,
        /** The event is older than the maximum age. */
        STALE
    }

    /** Reads the value of one Kafka record. */
    public Outcome read(byte[] value) {
        if (value == null || value.length == 0) {
            return new Refused(Reason.INVALID_JSON, "the event is empty");
        }
        if (value.length > MAX_EVENT_BYTES) {
            return new Refused(Reason.INVALID_JSON, "the event is larger than " + MAX_EVENT_BYTES + " bytes");
        }
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (JacksonException e) {
            return new Refused(Reason.INVALID_JSON, "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return new Refused(Reason.INVALID_JSON, "not valid JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            return new Refused(Reason.INVALID_JSON, "the event must be a JSON object");
        }
        for (String field : new String[]{"eventId", "token", "price", "timestamp", "source"}) {
            JsonNode node = event.get(field);
            if (node == null || node.isNull()) {
                return new Refused(Reason.MISSING_FIELD, field + " is required");
            }
        }
        String eventId = text(event, "eventId");
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_ID_LENGTH || hasControl(eventId)) {
            return invalid("eventId must be a string of 1 to " + MAX_ID_LENGTH + " printable characters");
        }
        String token = text(event, "token");
        if (token == null || !TOKEN.matcher(token).matches()) {
            return invalid("token must be an asset code such as BTC or a market symbol such as BTC-USD");
        }
        BigDecimal price = price(event.get("price"));
        if (price == null) {
            return invalid("price must be a decimal string such as \"64123.50\" or a JSON number");
        }
        if (price.signum() <= 0) {
            return invalid("price must be positive, was " + price.toPlainString());
        }
        if (price.scale() > MAX_PRICE_SCALE || price.precision() > MAX_PRICE_PRECISION) {
            return invalid("price may have at most " + MAX_PRICE_SCALE + " decimals and " + MAX_PRICE_PRECISION
                    + " digits");
        }
        Instant timestamp = timestamp(text(event, "timestamp"));
        if (timestamp == null) {
            return invalid("timestamp must be an ISO-8601 instant such as 2026-05-01T12:00:00.123Z");
        }
        String source = text(event, "source");
        if (source == null || source.isBlank() || source.length() > MAX_SOURCE_LENGTH || hasControl(source)) {
            return invalid("source must be a string of 1 to " + MAX_SOURCE_LENGTH + " printable characters");
        }
        Instant now = clock.instant();
        if (timestamp.isBefore(now.minus(maxAge))) {
            return new Refused(Reason.STALE, "timestamp " + timestamp + " is more than " + maxAge + " before " + now);
        }
        if (timestamp.isAfter(now.plus(maxAge))) {
            return invalid("timestamp " + timestamp + " is more than " + maxAge + " after " + now);
        }
        return new Valid(new PriceTick(eventId, token, price, timestamp, source));
    }

    private static Refused invalid(String detail) {
        return new Refused(Reason.INVALID_FIELD, detail);
    }

    private static String text(JsonNode event, String field) {
        JsonNode node = event.get(field);
        return node.isTextual() ? node.textValue() : null;
    }

    private static BigDecimal price(JsonNode node) {
        BigDecimal price;
        if (node.isTextual()) {
            if (!DECIMAL.matcher(node.textValue()).matches()) {
                return null;
            }
            price = new BigDecimal(node.textValue());
        } else if (node.isNumber()) {
            price = node.decimalValue();
        } else {
            return null;
        }
        // 1E+3 from a JSON number: the same price, written with a non-negative scale.
        return price.scale() < 0 ? price.setScale(0) : price;
    }

    private static Instant timestamp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
