package io.orderbook.adapters.http;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.http.problem.ProblemDetails;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches Javalin (an unparsable URI, an invalid
 * {@code Content-Length}, oversized headers) as problem+json too, instead of Jetty's HTML page.
 * Such requests are not seen by the request log or the metrics.
 */
final class JettyProblemErrorHandler extends ErrorHandler {

    private final ApiJson json;

    JettyProblemErrorHandler(ApiJson json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String requestId = RequestIds.generate();
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String instance = "/badMessage".equals(path) ? null : path; // Jetty's stand-in path for an unparsable request
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, instance, requestId)), callback);
    }

    private byte[] body(int status, String instance, String requestId) {
        ProblemDetails details = ProblemDetails.of(problemFor(status), instance, requestId);
        // Keep the status Jetty chose: rare protocol errors (408, 505, ...) have no code of their own.
        ProblemDetails withStatus = new ProblemDetails(details.type(), details.title(), status, details.detail(),
                details.instance(), details.code(), details.requestId(), details.errors());
        return json.toJsonString(withStatus, ProblemDetails.class).getBytes(StandardCharsets.UTF_8);
    }

    private static ApiProblem problemFor(int status) {
        return switch (status) {
            case 404 -> ApiProblem.notFound("No such resource.");
            case 405 -> ApiProblem.of(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed.");
            case 413 -> ProblemResponses.tooLarge();
            case 414 -> ApiProblem.of(ErrorCode.URI_TOO_LONG, "The request URI is too long.");
            case 431 -> ApiProblem.of(ErrorCode.HEADERS_TOO_LARGE, "The request headers are too large.");
            default -> status >= 500
                    ? ApiProblem.of(ErrorCode.INTERNAL, "An unexpected error occurred.")
                    : ApiProblem.badRequest("The request is not valid HTTP.");
        };
    }
}
