package io.orderbook.adapters.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of every error response ({@code application/problem+json}, RFC 9457): the standard members
 * plus {@code code}, {@code requestId} and, for validation failures, {@code errors}.
 *
 * @param type      the problem type URN, see {@link ErrorCode#type()}
 * @param title     the code's short summary
 * @param status    the HTTP status
 * @param detail    what went wrong in this occurrence
 * @param instance  the request path
 * @param code      the {@link ErrorCode} name clients branch on
 * @param requestId the request id, also sent as a response header; quote it when reporting a problem
 * @param errors    the invalid fields of a validation failure; omitted when empty
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

    /** The content type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The body for a problem.
     *
     * @param problem   the problem
     * @param instance  the path of the request it occurred on
     * @param requestId the request's id
     * @return the body to send
     */
    public static ProblemDetails of(ApiProblem problem, String instance, String requestId) {
        ErrorCode code = problem.code();
        return new ProblemDetails(code.type(), code.title(), code.status(), problem.detail(), instance,
                code.name(), requestId, problem.errors());
    }
}
