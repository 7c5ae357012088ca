package io.orderbook.adapters.http.problem;

import java.util.Objects;

/**
 * One invalid input: {@code field} is the JSON path ({@code items[2].price}) or parameter name,
 * {@code message} says what a valid value looks like.
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
