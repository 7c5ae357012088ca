package io.orderbook.adapters.http.problem;

import java.util.Objects;

/**
 * One invalid input: {@code field} is the JSON path ({@code items[2].price}) or parameter name,
 * {@code message} says what a valid value looks like.
 *
 * @param field   the JSON path or parameter name
 * @param message what a valid value looks like, e.g. {@code must be at least 1}
 */
public record FieldError(String field, String message) {
    /** Requires both parts. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
