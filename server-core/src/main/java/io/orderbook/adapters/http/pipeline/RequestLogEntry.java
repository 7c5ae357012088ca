package io.orderbook.adapters.http.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the request log, recorded for every request including refused ones. It holds no secret:
 * no header values, no body, no query string.
 *
 * @param time      when the request arrived
 * @param method    the HTTP method
 * @param path      the request path without query string
 * @param status    the HTTP status sent
 * @param latency   time from arrival until the response was written
 * @param userId    the user behind the credentials, or null when anonymous
 * @param apiKeyId  the API key used, or null
 * @param clientIp  the client's address
 * @param requestId the request id sent back in the response header
 * @param errorCode the problem's code ({@code RATE_LIMITED}, ...), or null when the request succeeded
 */
public record RequestLogEntry(
        Instant time,
        String method,
        String path,
        int status,
        Duration latency,
        Long userId,
        Long apiKeyId,
        String clientIp,
        String requestId,
        String errorCode) {
}
