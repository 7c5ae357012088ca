package io.orderbook.adapters.http.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every invalid field of a request before answering, so a client learns all its mistakes in
 * one 400 response instead of one per attempt.
 *
 * <pre>{@code
 * new Violations()
 *     .require("name", body.name())
 *     .check(body.requestsPerMinute() >= 1, "requestsPerMinute", "must be at least 1")
 *     .throwIfAny();
 * }</pre>
 */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    /** An empty collection. */
    public Violations() {
    }

    /**
     * Records "is required" when the value is null or, for text, blank.
     *
     * @param field the JSON path or parameter name
     * @param value the value the request gave
     * @return this
     */
    public Violations require(String field, Object value) {
        if (value == null || (value instanceof CharSequence text && text.toString().isBlank())) {
            errors.add(new FieldError(field, "is required"));
        }
        return this;
    }

    /**
     * Records the message when the condition does not hold.
     *
     * @param valid   whether the field is valid
     * @param field   the JSON path or parameter name
     * @param message what a valid value looks like
     * @return this
     */
    public Violations check(boolean valid, String field, String message) {
        if (!valid) errors.add(new FieldError(field, message));
        return this;
    }

    /**
     * Records an invalid field.
     *
     * @param field   the JSON path or parameter name
     * @param message what a valid value looks like
     * @return this
     */
    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** {@return whether no invalid field was recorded} */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /**
     * Throws a {@link ErrorCode#VALIDATION_FAILED} problem listing all recorded fields, if any.
     *
     * @throws ApiProblem if a field was recorded
     */
    public void throwIfAny() {
        if (!errors.isEmpty()) throw ApiProblem.validation(errors);
    }
}
