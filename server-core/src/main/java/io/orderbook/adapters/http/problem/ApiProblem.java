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

    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblem(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    private ApiProblem(ErrorCode code, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem of(ErrorCode code, String detail) {
        return new ApiProblem(code, detail);
    }

    /** A 400 {@link ErrorCode#VALIDATION_FAILED} listing every invalid field. */
    public static ApiProblem validation(List<FieldError> errors) {
        if (errors.isEmpty()) throw new IllegalArgumentException("a validation problem needs at least one field error");
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ApiProblem(ErrorCode.VALIDATION_FAILED, detail, errors, Map.of());
    }

    public static ApiProblem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(ErrorCode.BAD_REQUEST, detail);
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(ErrorCode.UNAUTHENTICATED, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(ErrorCode.FORBIDDEN, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ErrorCode.NOT_FOUND, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ErrorCode.CONFLICT, detail);
    }

    /** The same problem with one more response header, e.g. {@code Retry-After} or {@code Allow}. */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ApiProblem(code, getMessage(), errors, more);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
