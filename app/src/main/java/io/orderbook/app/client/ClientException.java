package io.orderbook.app.client;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request the server refused or could not answer, carrying the server's problem (RFC 9457) so that a screen can
 * show a clear message: the HTTP status, the machine-readable {@code code}, the title, the detail and, for invalid
 * input, which fields were wrong. Connection failures have status 0 and code {@value #UNREACHABLE}.
 */
public final class ClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The code of a failure to reach the server at all. */
    public static final String UNREACHABLE = "UNREACHABLE";
    /** The code of an answer the client could not understand. */
    public static final String BAD_RESPONSE = "BAD_RESPONSE";

    /**
     * One invalid input field and what is wrong with it.
     *
     * @param field   the field's name as the API spells it, e.g. {@code price}
     * @param message what is wrong with its value
     */
    public record FieldError(String field, String message) {
    }

    /** The HTTP status; 0 when no answer came. */
    private final int status;
    /** The server's error code. */
    private final String code;
    /** The problem's short, human-readable summary. */
    private final String title;
    /** What went wrong in this case; may be empty. */
    private final String detail;
    /** The invalid input fields; empty for other problems. */
    private final List<FieldError> fieldErrors;

    /**
     * Creates the exception for one problem; missing parts get defaults so that a screen can always show them.
     *
     * @param status      the HTTP status; 0 when no answer came
     * @param code        the server's error code; null becomes {@code UNKNOWN}
     * @param title       the problem's short summary; null becomes "Request failed"
     * @param detail      what went wrong in this case; null becomes empty
     * @param fieldErrors the invalid input fields; null becomes none
     */
    public ClientException(int status, String code, String title, String detail, List<FieldError> fieldErrors) {
        super(describe(title, detail, fieldErrors));
        this.status = status;
        this.code = Objects.requireNonNullElse(code, "UNKNOWN");
        this.title = Objects.requireNonNullElse(title, "Request failed");
        this.detail = Objects.requireNonNullElse(detail, "");
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /**
     * The server could not be reached (refused, timed out, interrupted).
     *
     * @param detail what happened, for the user
     * @param cause  the underlying failure
     * @return an exception with status 0 and code {@value #UNREACHABLE}
     */
    public static ClientException unreachable(String detail, Throwable cause) {
        ClientException e = new ClientException(0, UNREACHABLE, "Server unreachable", detail, List.of());
        e.initCause(cause);
        return e;
    }

    /**
     * The HTTP status.
     *
     * @return the status; 0 when no answer came
     */
    public int status() {
        return status;
    }

    /**
     * The server's machine-readable error code.
     *
     * @return e.g. {@code VALIDATION_FAILED}, {@code INSUFFICIENT_BALANCE}; never null
     */
    public String code() {
        return code;
    }

    /**
     * The problem's short, human-readable summary.
     *
     * @return e.g. "Validation failed"; never null
     */
    public String title() {
        return title;
    }

    /**
     * What went wrong in this case.
     *
     * @return the detail; empty when the server gave none
     */
    public String detail() {
        return detail;
    }

    /**
     * The invalid input fields.
     *
     * @return one entry per wrong field; empty for problems that are not about input
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * One line for a dialog or an inline message.
     *
     * @return the detail (or the title when there is none) followed by the field errors
     */
    public String userMessage() {
        return getMessage();
    }

    private static String describe(String title, String detail, List<FieldError> errors) {
        String head = detail != null && !detail.isBlank() ? detail : Objects.requireNonNullElse(title, "Request failed");
        if (errors == null || errors.isEmpty()) {
            return head;
        }
        return head + " (" + errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")) + ")";
    }
}
