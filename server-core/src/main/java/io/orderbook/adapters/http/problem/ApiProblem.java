package io.orderbook.adapters.http.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception handlers throw to answer with an error: it becomes an RFC 9457 problem response
 * with this code's status. The detail is shown to the client: never put secrets or internals in it.
 *
 * <p>No stack trace is captured: these are expected outcomes, and they are cheap to throw.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, which fixes the status. */
    private final ErrorCode code;
    /** The invalid fields of a validation failure; empty otherwise. */
    private final List<FieldError> errors;
    /** Extra response headers, e.g. {@code Retry-After}. */
    private final Map<String, String> headers;

    private ApiProblem(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    private ApiProblem(ErrorCode code, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /**
     * A problem with a code and a detail for the client.
     *
     * @param code   what went wrong; fixes the status and title
     * @param detail a sentence for the client about this occurrence; no secrets or internals
     * @return the problem, to throw
     */
    public static ApiProblem of(ErrorCode code, String detail) {
        return new ApiProblem(code, detail);
    }

    /**
     * A 400 {@link ErrorCode#VALIDATION_FAILED} listing every invalid field.
     *
     * @param errors the invalid fields; at least one
     * @return the problem, to throw
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public static ApiProblem validation(List<FieldError> errors) {
        if (errors.isEmpty()) throw new IllegalArgumentException("a validation problem needs at least one field error");
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ApiProblem(ErrorCode.VALIDATION_FAILED, detail, errors, Map.of());
    }

    /**
     * A 400 {@link ErrorCode#VALIDATION_FAILED} for one invalid field.
     *
     * @param field   the JSON path or parameter name
     * @param message what a valid value looks like
     * @return the problem, to throw
     */
    public static ApiProblem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /**
     * A 400 {@link ErrorCode#BAD_REQUEST}.
     *
     * @param detail a sentence for the client
     * @return the problem, to throw
     */
    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(ErrorCode.BAD_REQUEST, detail);
    }

    /**
     * A 401 {@link ErrorCode#UNAUTHENTICATED}.
     *
     * @param detail a sentence for the client; never which part of the credentials was wrong beyond what is safe
     * @return the problem, to throw
     */
    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(ErrorCode.UNAUTHENTICATED, detail);
    }

    /**
     * A 403 {@link ErrorCode#FORBIDDEN}.
     *
     * @param detail a sentence for the client
     * @return the problem, to throw
     */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(ErrorCode.FORBIDDEN, detail);
    }

    /**
     * A 404 {@link ErrorCode#NOT_FOUND}.
     *
     * @param detail a sentence for the client
     * @return the problem, to throw
     */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ErrorCode.NOT_FOUND, detail);
    }

    /**
     * A 409 {@link ErrorCode#CONFLICT}.
     *
     * @param detail a sentence for the client
     * @return the problem, to throw
     */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ErrorCode.CONFLICT, detail);
    }

    /**
     * The same problem with one more response header.
     *
     * @param name  the header name, e.g. {@code Retry-After} or {@code Allow}
     * @param value the header value
     * @return a new problem; this one is unchanged
     */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ApiProblem(code, getMessage(), errors, more);
    }

    /** {@return what went wrong} */
    public ErrorCode code() {
        return code;
    }

    /** {@return the sentence for the client about this occurrence} */
    public String detail() {
        return getMessage();
    }

    /** {@return the invalid fields of a validation failure; empty otherwise} */
    public List<FieldError> errors() {
        return errors;
    }

    /** {@return the extra response headers, by name} */
    public Map<String, String> headers() {
        return headers;
    }
}
