package io.orderbook.adapters.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of every error response ({@code application/problem+json}, RFC 9457): the standard members
 * plus {@code code}, {@code requestId} and, for validation failures, {@code errors}.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "errors"})
public record ProblemDetails(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The body for a problem that occurred while serving {@code instance} (the request path). */
    public static ProblemDetails of(ApiProblem problem, String instance, String requestId) {
        ErrorCode code = problem.code();
        return new ProblemDetails(code.type(), code.title(), code.status(), problem.detail(), instance,
                code.name(), requestId, problem.errors());
    }
}
