package io.orderbook.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one phase of the trading load saw, recorded by the load loop's thread and read by others: acknowledged
 * requests by kind, errors by status, and the latency of every request (errors included) in an HdrHistogram.
 */
final class PhaseStats {

    private static final int ERROR_SAMPLES = 5;
    /** Where {@link #writeRequestLog} appends every request, from {@code loadtest.latencyLog}; null for nowhere. */
    private static final String REQUEST_LOG_FILE = System.getProperty("loadtest.latencyLog");

    private final Recorder latencies = new Recorder(TimeUnit.MINUTES.toNanos(2), 3);
    private final Map<OrderFlow.Kind, LongAdder> acknowledged = new ConcurrentHashMap<>();
    private final LongAdder lateCancels = new LongAdder();
    private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    private final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sampled = new AtomicInteger();
    /** The slowest request per wall-clock second of its (intended) start, to put a stall next to other logs. */
    private final Map<Long, LongAccumulator> slowestBySecond = new ConcurrentHashMap<>();
    /** Every request as (intended start, epoch ms; latency, µs), when there is a {@link #REQUEST_LOG_FILE}. */
    private final Queue<long[]> requestLog = REQUEST_LOG_FILE == null ? null : new ConcurrentLinkedQueue<>();

    void ok(OrderFlow.Kind kind, int status, long latencyNanos) {
        acknowledged.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (status == 409) lateCancels.increment();
        record(latencyNanos);
    }

    void error(OrderFlow.Kind kind, int status, String detail, long latencyNanos) {
        errors.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (sampled.getAndIncrement() < ERROR_SAMPLES) {
            errorSamples.add(kind + " -> " + status + ": " + (detail.length() > 300 ? detail.substring(0, 300) : detail));
        }
        record(latencyNanos);
    }

    private void record(long latencyNanos) {
        latencies.recordValue(Math.max(1, Math.min(latencyNanos, TimeUnit.MINUTES.toNanos(2))));
        long startMillis = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(latencyNanos);
        slowestBySecond.computeIfAbsent(startMillis / 1000, s -> new LongAccumulator(Math::max, 0))
                .accumulate(latencyNanos);
        if (requestLog != null) {
            requestLog.add(new long[] {startMillis, TimeUnit.NANOSECONDS.toMicros(latencyNanos)});
        }
    }

    long acknowledged(OrderFlow.Kind kind) {
        LongAdder count = acknowledged.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** Acknowledged places (resting and crossing) and cancels. */
    long acknowledgedRequests() {
        return acknowledged.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long lateCancels() {
        return lateCancels.sum();
    }

    long errors() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Errors by HTTP status; -1 for a broken connection. */
    Map<Integer, Long> errorsByStatus() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        errors.forEach((status, count) -> byStatus.put(status, count.sum()));
        return byStatus;
    }

    Iterable<String> errorSamples() {
        return errorSamples;
    }

    /** The seconds (epoch) whose slowest request took at least {@code threshold}, with that latency in nanoseconds. */
    SortedMap<Long, Long> slowSeconds(Duration threshold) {
        SortedMap<Long, Long> slow = new TreeMap<>();
        slowestBySecond.forEach((second, slowest) -> {
            if (slowest.get() >= threshold.toNanos()) slow.put(second, slowest.get());
        });
        return slow;
    }

    /** Appends every request to {@link #REQUEST_LOG_FILE}, if there is one. */
    void writeRequestLog(String phase) throws IOException {
        if (requestLog == null) return;
        StringBuilder lines = new StringBuilder();
        for (long[] request : requestLog) {
            lines.append(phase).append(' ').append(request[0]).append(' ').append(request[1]).append('\n');
        }
        Files.writeString(Path.of(REQUEST_LOG_FILE), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Every latency recorded so far (call once, at the end of the phase). */
    Histogram latencies() {
        return latencies.getIntervalHistogram();
    }
}
