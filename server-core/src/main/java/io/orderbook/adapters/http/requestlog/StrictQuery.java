package io.orderbook.adapters.http.requestlog;

import io.javalin.http.Context;
import io.orderbook.adapters.http.QueryParameters;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.requestlog.RequestLogCursor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a request's query parameters strictly: unknown or repeated parameters and malformed values are
 * collected as field errors, so a misspelt filter ({@code statsu=500}) is reported instead of silently
 * widening the result.
 */
final class StrictQuery {

    static final int MAX_PATH_PREFIX_LENGTH = 200;
    static final int MAX_CURSOR_LENGTH = 200;

    private final Map<String, List<String>> parameters;
    private final Violations violations = new Violations();

    StrictQuery(Context ctx, List<String> known) {
        this.parameters = ctx.queryParamMap();
        Set<String> allowed = Set.copyOf(known);
        parameters.forEach((name, values) -> {
            if (!allowed.contains(name)) {
                violations.add(printable(name), "is not a known parameter; known: " + String.join(", ", known));
            } else if (values.size() > 1) {
                violations.add(name, "must be given at most once");
            }
        });
    }

    Violations violations() {
        return violations;
    }

    void throwIfInvalid() {
        violations.throwIfAny();
    }

    /** A positive id. */
    Optional<Long> id(String name) {
        return raw(name).flatMap(text -> {
            try {
                long id = Long.parseLong(text);
                if (id > 0) return Optional.of(id);
            } catch (NumberFormatException e) {
                // reported below
            }
            violations.add(name, "must be a positive integer");
            return Optional.empty();
        });
    }

    Optional<Integer> integer(String name, int min, int max) {
        return raw(name).flatMap(text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) return Optional.of(value);
            } catch (NumberFormatException e) {
                // reported below
            }
            violations.add(name, "must be an integer from " + min + " to " + max);
            return Optional.empty();
        });
    }

    /** {@code 1xx} to {@code 5xx} as the status range it stands for. */
    Optional<int[]> statusClass(String name) {
        return raw(name).flatMap(text -> {
            if (text.length() == 3 && text.charAt(0) >= '1' && text.charAt(0) <= '5' && text.endsWith("xx")) {
                int low = (text.charAt(0) - '0') * 100;
                return Optional.of(new int[] {low, low + 99});
            }
            violations.add(name, "must be one of 1xx, 2xx, 3xx, 4xx, 5xx");
            return Optional.empty();
        });
    }

    Optional<String> pathPrefix(String name) {
        return raw(name).flatMap(text -> {
            if (text.startsWith("/") && text.length() <= MAX_PATH_PREFIX_LENGTH) return Optional.of(text);
            violations.add(name, "must start with / and be at most " + MAX_PATH_PREFIX_LENGTH + " characters long");
            return Optional.empty();
        });
    }

    /** An ISO-8601 date-time with an offset, e.g. {@code 2026-01-31T12:00:00Z} or {@code 2026-01-31T13:00:00+01:00}. */
    Optional<Instant> instant(String name) {
        return raw(name).flatMap(text -> {
            Instant instant = QueryParameters.storableInstant(text);
            if (instant == null) {
                violations.add(name, "must be an ISO-8601 date-time with offset, years 1 to 9999, such as 2026-01-31T12:00:00Z");
            }
            return Optional.ofNullable(instant);
        });
    }

    Optional<RequestLogCursor> cursor(String name) {
        return raw(name).flatMap(text -> {
            try {
                if (text.length() <= MAX_CURSOR_LENGTH) return Optional.of(RequestLogCursor.decode(text));
            } catch (IllegalArgumentException e) {
                // reported below
            }
            violations.add(name, "must be the nextCursor of a previous page");
            return Optional.empty();
        });
    }

    /** Reports {@code to} when both ends are given and {@code from} is not before it. */
    void checkOrder(Optional<Instant> from, Optional<Instant> to) {
        QueryParameters.checkRange(from.orElse(null), to.orElse(null), violations);
    }

    private Optional<String> raw(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) return Optional.empty();
        String value = values.getFirst().strip();
        if (value.isEmpty()) {
            violations.add(name, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A parameter name as it may be echoed in a problem: short and printable. */
    private static String printable(String name) {
        String shortened = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        StringBuilder out = new StringBuilder();
        shortened.codePoints().forEach(c -> out.appendCodePoint(c >= 0x20 && c != 0x7f ? c : '?'));
        return out.toString();
    }
}
