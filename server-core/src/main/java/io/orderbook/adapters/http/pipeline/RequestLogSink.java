package io.orderbook.adapters.http.pipeline;

/**
 * The request-log step of the pipeline: receives one entry per request after the response is written.
 * It runs on the request thread, so it must only enqueue (batching and writing happen elsewhere) and
 * must not throw; when its queue is full it should drop and count rather than block.
 */
@FunctionalInterface
public interface RequestLogSink {

    /**
     * Takes one entry; quick, never throws.
     *
     * @param entry the handled request
     */
    void record(RequestLogEntry entry);
}
