package io.orderbook.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.http.problem.FieldError;
import io.orderbook.adapters.http.problem.ProblemDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns everything that can go wrong in a request into an {@code application/problem+json} response:
 * thrown {@link ApiProblem}s, Javalin's own 404/405/413 and parameter validation, and, as 500
 * {@code INTERNAL} without any internals, every other exception and error.
 */
final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ApiJson json;

    ProblemResponses(ApiJson json) {
        this.json = json;
    }

    /** Registers the exception handlers; the most specific registered class wins in Javalin. */
    void install(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (problem, ctx) -> write(ctx, problem));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(ctx, e)));
        routes.exception(ValidationException.class, (e, ctx) -> write(ctx, fromValidation(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled exception while serving {} {} (request id {})", ctx.method(), ctx.path(), RequestState.requestId(ctx), e);
            write(ctx, internal());
        });
    }

    void write(Context ctx, ApiProblem problem) {
        RequestState.failedWith(ctx, problem.code());
        ctx.status(problem.code().status());
        problem.headers().forEach(ctx::header);
        if (problem.code() == ErrorCode.UNAUTHENTICATED && !problem.headers().containsKey("WWW-Authenticate")) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ProblemDetails body = ProblemDetails.of(problem, ctx.path(), RequestState.requestId(ctx));
        ctx.result(json.toJsonString(body, ProblemDetails.class));
        ctx.contentType(ProblemDetails.MEDIA_TYPE);
    }

    /** Last resort for {@link Error}s (stack overflow, out of memory), which never reach exception handlers. */
    void writeError(HttpServletResponse response, Error error) {
        LOG.error("Error while serving a request (request id {})", response.getHeader(RequestIds.HEADER), error);
        if (response.isCommitted()) return;
        try {
            ProblemDetails body = ProblemDetails.of(internal(), null, response.getHeader(RequestIds.HEADER));
            response.resetBuffer();
            response.setStatus(500);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.getOutputStream().write(json.toJsonString(body, ProblemDetails.class).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the 500 problem response", e);
        }
    }

    private static ApiProblem internal() {
        return ApiProblem.of(ErrorCode.INTERNAL, "An unexpected error occurred. Quote the request id when reporting it.");
    }

    private static ApiProblem fromJavalin(Context ctx, HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ApiProblem.notFound("No resource at " + ctx.method() + " " + ctx.path() + ".");
            case 405 -> {
                String allowed = e.getDetails().getOrDefault("availableMethods", "");
                ApiProblem problem = ApiProblem.of(ErrorCode.METHOD_NOT_ALLOWED,
                        ctx.method() + " is not allowed here" + (allowed.isEmpty() ? "." : "; allowed: " + allowed + "."));
                yield allowed.isEmpty() ? problem : problem.withHeader("Allow", allowed);
            }
            case 413 -> tooLarge();
            case 400 -> ApiProblem.badRequest("The request is not valid.");
            case 401 -> ApiProblem.unauthenticated("Authentication is required.");
            case 403 -> ApiProblem.forbidden("Not allowed.");
            case 409 -> ApiProblem.conflict("The request conflicts with the current state.");
            case 415 -> ApiProblem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
            case 429 -> ApiProblem.of(ErrorCode.RATE_LIMITED, "Too many requests.");
            case 503 -> ApiProblem.of(ErrorCode.SERVICE_UNAVAILABLE, "The service is not available right now.");
            default -> e.getStatus() < 500 ? ApiProblem.badRequest("The request is not valid.") : internal();
        };
    }

    static ApiProblem tooLarge() {
        return ApiProblem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than this server accepts.");
    }

    // Javalin's query/path/header parameter validators (ctx.queryParamAsClass(...)) report per parameter.
    private static ApiProblem fromValidation(ValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<ValidationError<Object>>> entry : e.getErrors().entrySet()) {
            for (ValidationError<Object> error : entry.getValue()) {
                errors.add(new FieldError(entry.getKey(), switch (error.getMessage()) {
                    case "TYPE_CONVERSION_FAILED" -> "has the wrong type";
                    case "NULLCHECK_FAILED" -> "is required";
                    case "DESERIALIZATION_FAILED" -> "is not valid";
                    default -> error.getMessage();
                }));
            }
        }
        return errors.isEmpty() ? ApiProblem.badRequest("The request is not valid.") : ApiProblem.validation(errors);
    }
}
