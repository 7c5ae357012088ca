package io.orderbook.adapters.http;

import io.javalin.http.Context;
import io.orderbook.adapters.http.problem.Violations;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Query parameters shared by the list routes: a {@code limit} and ISO-8601 times. Bad values are added to the
 * caller's {@link Violations}, so one 400 names every bad parameter.
 */
public final class QueryParameters {

    // The range java.sql.Timestamp and PostgreSQL hold; Instant.parse reaches a billion years, which the
    // database would refuse with an error (a 5xx) instead of a 400.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private QueryParameters() {
    }

    /**
     * Reads {@code limit}.
     *
     * @param ctx        the request
     * @param fallback   the limit when the parameter is absent (also returned when it is bad)
     * @param max        the largest allowed
     * @param violations gets "must be an integer from 1 to max" when it is bad
     * @return the limit
     */
    public static int limit(Context ctx, int fallback, int max, Violations violations) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return fallback;
        }
        int limit = naturalNumber(text);
        boolean valid = limit >= 1 && limit <= max;
        violations.check(valid, "limit", "must be an integer from 1 to " + max);
        return valid ? limit : fallback;
    }

    /**
     * Reads a time such as {@code 2030-01-02T03:04:05Z}, years 1 to 9999.
     *
     * @param ctx        the request
     * @param name       the parameter
     * @param violations gets a message naming the parameter when it is bad
     * @return the time, or null when the parameter is absent or bad
     */
    public static Instant instant(Context ctx, String name, Violations violations) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        Instant instant = storableInstant(text);
        if (instant == null) {
            violations.add(name, "must be a time from year 1 to 9999 such as 2030-01-02T03:04:05Z");
        }
        return instant;
    }

    /**
     * Reports {@code to} when both ends of a [from, to) range are given and {@code from} is not before it: such a
     * range is empty, which is a mistake rather than a question.
     *
     * @param from       the start, or null
     * @param to         the end, or null
     * @param violations gets "must be after from"
     */
    public static void checkRange(Instant from, Instant to, Violations violations) {
        violations.check(from == null || to == null || from.isBefore(to), "to", "must be after from");
    }

    /**
     * Parses an ISO-8601 time with an offset ({@code Z}, {@code +01:00}) that the database can hold.
     *
     * @param text the time
     * @return the instant, or null when the text is not such a time or its year is not 1 to 9999
     */
    public static Instant storableInstant(String text) {
        if (text.length() > 40) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            return isStorable(instant) ? instant : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Whether the database holds this time: years 1 to 9999. Request bodies' times (e.g. an order's expiry) are
     * checked with it too.
     *
     * @param instant a parsed time
     * @return whether its year is 1 to 9999
     */
    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * Reads a whole number of at most nine digits, so it fits an int.
     *
     * @param text the digits
     * @return the number, or -1 when the text is not one
     */
    public static int naturalNumber(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(text);
    }
}
