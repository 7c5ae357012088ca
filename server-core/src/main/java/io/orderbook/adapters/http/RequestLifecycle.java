package io.orderbook.adapters.http;

import io.javalin.http.Context;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.RequestLogEntry;
import io.orderbook.adapters.http.pipeline.RequestLogSink;
import io.orderbook.adapters.http.problem.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What happens to every request, matched or not: on arrival a request id, the start time and the
 * body-size guard; after the response is written the metrics and the request log.
 */
final class RequestLifecycle {

    /** The MDC key under which log lines carry the request id. */
    static final String MDC_REQUEST_ID = "requestId";
    private static final Logger LOG = LoggerFactory.getLogger(RequestLifecycle.class);

    private final Clock clock;
    private final long maxBodyBytes;
    private final HttpRequestMetrics metrics;
    private final Optional<RequestLogSink> requestLog;

    RequestLifecycle(Clock clock, long maxBodyBytes, HttpRequestMetrics metrics, Optional<RequestLogSink> requestLog) {
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.requestLog = requestLog;
    }

    /** Javalin before-handler for every path. */
    void begin(Context ctx) {
        String requestId = RequestIds.acceptOrGenerate(ctx.header(RequestIds.HEADER));
        RequestState.begin(ctx, requestId, clock.instant(), System.nanoTime());
        MDC.put(MDC_REQUEST_ID, requestId);
        ctx.header(RequestIds.HEADER, requestId);
        ctx.header("Cache-Control", "no-store");
        // Refuse a declared oversized body before reading it; chunked bodies are cut off while being read.
        if (ctx.req().getContentLengthLong() > maxBodyBytes) throw ProblemResponses.tooLarge();
    }

    /** Javalin request logger: runs once the response has been written, also for refused and failed requests. */
    void complete(Context ctx, Float javalinMillis) {
        try {
            Long startedNanos = RequestState.startedNanos(ctx);
            Duration latency = startedNanos != null
                    ? Duration.ofNanos(System.nanoTime() - startedNanos)
                    : Duration.ofNanos((long) (javalinMillis * 1_000_000));
            metrics.record(ctx, latency);
            requestLog.ifPresent(sink -> sink.record(entry(ctx, latency)));
        } catch (RuntimeException e) {
            // Observability must never fail a request that has already been answered.
            LOG.warn("Could not record metrics or the request log", e);
        } finally {
            MDC.remove(MDC_REQUEST_ID);
        }
    }

    private RequestLogEntry entry(Context ctx, Duration latency) {
        Instant startedAt = RequestState.startedAt(ctx);
        Caller caller = RequestState.loggedCaller(ctx);
        ErrorCode code = RequestState.errorCode(ctx);
        return new RequestLogEntry(
                startedAt != null ? startedAt : clock.instant().minus(latency),
                ctx.req().getMethod(),
                ctx.path(),
                ctx.statusCode(),
                latency,
                caller.userIdOrNull(),
                caller.apiKeyIdOrNull(),
                ctx.ip(),
                RequestState.requestId(ctx),
                code == null ? null : code.name());
    }
}
