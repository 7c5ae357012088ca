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

    /** One invalid input field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final List<FieldError> fieldErrors;

    public ClientException(int status, String code, String title, String detail, List<FieldError> fieldErrors) {
        super(describe(title, detail, fieldErrors));
        this.status = status;
        this.code = Objects.requireNonNullElse(code, "UNKNOWN");
        this.title = Objects.requireNonNullElse(title, "Request failed");
        this.detail = Objects.requireNonNullElse(detail, "");
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** The server could not be reached (refused, timed out, interrupted). */
    public static ClientException unreachable(String detail, Throwable cause) {
        ClientException e = new ClientException(0, UNREACHABLE, "Server unreachable", detail, List.of());
        e.initCause(cause);
        return e;
    }

    /** The HTTP status; 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The server's error code, e.g. {@code VALIDATION_FAILED}, {@code INSUFFICIENT_BALANCE}. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One line for a dialog or an inline message: the detail (or title) and the field errors. */
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
