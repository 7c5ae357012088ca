package io.orderbook.adapters.kafka;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.orderbook.application.prices.PriceTick;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads and validates one price event as docs/price-events.md describes it (JSON with {@code eventId},
 * {@code token}, {@code price}, {@code timestamp} and {@code source}), turning it into a {@link PriceTick} or into
 * the reason it is refused. Prices are kept exactly as written, whether a decimal string or a JSON number.
 * The record's bytes are read with a streaming parser (no tree), a schema field given twice is refused, and the
 * timestamp is read by {@link IsoInstant}: at tens of thousands of events a second reading is a large part of the
 * consumer's time. Duplicates are found here rather than by Jackson's duplicate detection, which allocates a hash
 * set of the names per event to also check the fields that are ignored anyway.
 * Thread-safe.
 */
public final class PriceEventReader {

    /** Longest part of a token: an asset code, or either side of a market symbol. */
    private static final int MAX_TOKEN_PART = 16;
    /** Most digits before, and after, the point of a decimal string. */
    private static final int MAX_DECIMAL_DIGITS = 40;
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_SOURCE_LENGTH = 64;
    /** Digits a price may have in all, and after the point: what PostgreSQL and the engines can carry exactly. */
    static final int MAX_PRICE_PRECISION = 38;
    static final int MAX_PRICE_SCALE = 18;
    /** An event larger than this is not a price event. */
    static final int MAX_EVENT_BYTES = 4096;

    private static final String[] FIELDS = {"eventId", "token", "price", "timestamp", "source"};
    private static final int EVENT_ID = 0;
    private static final int TOKEN = 1;
    private static final int PRICE = 2;
    private static final int TIMESTAMP = 3;
    private static final int SOURCE = 4;

    private final JsonFactory json = new JsonFactory();
    private final Duration maxAge;
    private final Clock clock;

    /**
     * A reader that judges freshness by the given clock.
     *
     * @param maxAge an event older than this when read is stale; one dated more than this in the future is invalid
     * @param clock  the server's clock
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

    /**
     * Reads the value of one Kafka record.
     *
     * @param value the record's bytes, possibly null
     * @return the tick, or why the event is refused
     */
    public Outcome read(byte[] value) {
        if (value == null || value.length == 0) {
            return new Refused(Reason.INVALID_JSON, "the event is empty");
        }
        if (value.length > MAX_EVENT_BYTES) {
            return new Refused(Reason.INVALID_JSON, "the event is larger than " + MAX_EVENT_BYTES + " bytes");
        }
        Fields event = new Fields();
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Refused(Reason.INVALID_JSON, "the event must be a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                int field = fieldIndex(parser.currentName());
                JsonToken fieldValue = parser.nextToken();
                if (field < 0) {
                    parser.skipChildren(); // another field: ignored, so producers may add some
                } else if (event.seen[field]) {
                    return new Refused(Reason.INVALID_JSON, FIELDS[field] + " is given twice");
                } else {
                    event.read(field, fieldValue, parser);
                }
            }
            if (parser.nextToken() != null) {
                return new Refused(Reason.INVALID_JSON, "not valid JSON: more after the event's object");
            }
        } catch (JacksonException e) {
            return new Refused(Reason.INVALID_JSON, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Refused(Reason.INVALID_JSON, "not valid JSON: " + e.getMessage());
        }
        for (int field = 0; field < FIELDS.length; field++) {
            if (!event.present[field]) {
                return new Refused(Reason.MISSING_FIELD, FIELDS[field] + " is required");
            }
        }
        String eventId = event.text[EVENT_ID];
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_ID_LENGTH || hasControl(eventId)) {
            return invalid("eventId must be a string of 1 to " + MAX_ID_LENGTH + " printable characters");
        }
        String token = event.text[TOKEN];
        if (token == null || !isToken(token)) {
            return invalid("token must be an asset code such as BTC or a market symbol such as BTC-USD");
        }
        BigDecimal price = event.price();
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
        Instant timestamp = event.text[TIMESTAMP] == null ? null : IsoInstant.parse(event.text[TIMESTAMP]);
        if (timestamp == null) {
            return invalid("timestamp must be an ISO-8601 instant such as 2026-05-01T12:00:00.123Z");
        }
        String source = event.text[SOURCE];
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

    /** The schema's fields as read: seen, present (and not null), and the value when it is a string or a number. */
    private static final class Fields {
        final boolean[] seen = new boolean[FIELDS.length];
        final boolean[] present = new boolean[FIELDS.length];
        final String[] text = new String[FIELDS.length];
        BigDecimal number;

        void read(int field, JsonToken value, JsonParser parser) throws IOException {
            seen[field] = true;
            present[field] = value != JsonToken.VALUE_NULL;
            switch (value) {
                case VALUE_STRING -> text[field] = parser.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    if (field == PRICE) {
                        number = parser.getDecimalValue(); // exact, scale kept: 64000.2000 stays so
                    }
                }
                default -> parser.skipChildren();
            }
        }

        /** The price from a decimal string or a JSON number, with a non-negative scale; null if neither. */
        BigDecimal price() {
            BigDecimal price;
            if (text[PRICE] != null) {
                if (!isDecimal(text[PRICE])) {
                    return null;
                }
                price = new BigDecimal(text[PRICE]);
            } else if (number != null) {
                price = number;
            } else {
                return null;
            }
            // 1E+3 from a JSON number: the same price, written with a non-negative scale.
            return price.scale() < 0 ? price.setScale(0) : price;
        }
    }

    private static int fieldIndex(String name) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code [A-Z0-9]{1,16}(-[A-Z0-9]{1,16})?}: an asset code or a market symbol. */
    private static boolean isToken(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return isTokenPart(text, 0, text.length());
        }
        return isTokenPart(text, 0, dash) && isTokenPart(text, dash + 1, text.length());
    }

    private static boolean isTokenPart(String text, int from, int to) {
        if (to - from < 1 || to - from > MAX_TOKEN_PART) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** {@code -?[0-9]{1,40}(\.[0-9]{1,40})?}: digits with an optional fraction, no exponent. */
    private static boolean isDecimal(String text) {
        int at = text.startsWith("-") ? 1 : 0;
        int integerDigits = countDigits(text, at);
        if (integerDigits < 1 || integerDigits > MAX_DECIMAL_DIGITS) {
            return false;
        }
        at += integerDigits;
        if (at == text.length()) {
            return true;
        }
        if (text.charAt(at) != '.') {
            return false;
        }
        int fractionDigits = countDigits(text, at + 1);
        return fractionDigits >= 1 && fractionDigits <= MAX_DECIMAL_DIGITS && at + 1 + fractionDigits == text.length();
    }

    private static int countDigits(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - from;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
