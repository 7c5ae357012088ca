package io.orderbook.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP/1.1 load generator: each of {@code connections} keep-alive connections sends the same GET
 * as soon as the last answer is in. The connections are spread over one {@link LoadLoop} per core, so that the
 * generator can use the whole machine and still leaves as much CPU as possible to the server it measures.
 */
final class HttpLoadGenerator {

    /** What one measurement saw. */
    record Result(long requests, long failures, Duration elapsed) {
        double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }
    }

    private HttpLoadGenerator() {
    }

    /**
     * Runs the load for {@code warmup} without counting, then counts completed requests for {@code measure}.
     * A response with another status than 200 is a failure.
     *
     * @throws IllegalStateException if a connection broke or got no answer
     */
    static Result run(int port, String pathAndQuery, Map<String, String> headers, int connections, Duration warmup,
                      Duration measure) throws InterruptedException {
        byte[] request = request(port, pathAndQuery, headers);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<String> broken = new AtomicReference<>();
        // Keeps no state of its own, so one instance serves every connection.
        LoadLoop.Client<Void> sameRequest = new LoadLoop.Client<>() {
            @Override
            public byte[] nextRequest() {
                return request;
            }

            @Override
            public void answered(int status, String body, Void stats, long latencyNanos) {
                (status == 200 ? ok : failed).increment();
            }

            @Override
            public void failed(String detail, Void stats, long latencyNanos) {
                broken.compareAndSet(null, detail);
            }
        };
        LoadLoop.Pacing<Void> asFastAsAnswered = LoadLoop.Pacing.asFastAsAnswered(running::get, () -> null);
        int loops = Math.min(connections, Runtime.getRuntime().availableProcessors());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            int share = connections / loops + (i < connections % loops ? 1 : 0);
            LoadLoop<Void> loop = new LoadLoop<>(port, Collections.nCopies(share, sameRequest));
            threads.add(Thread.ofPlatform().name("http-load-" + i).start(() -> {
                try {
                    loop.run(asFastAsAnswered);
                } catch (IOException e) {
                    broken.compareAndSet(null, e.toString());
                }
            }));
        }
        Thread.sleep(warmup);
        long okBefore = ok.sum();
        long failedBefore = failed.sum();
        long start = System.nanoTime();
        Thread.sleep(measure);
        long okAfter = ok.sum();
        long failedAfter = failed.sum();
        long elapsed = System.nanoTime() - start;
        running.set(false);
        for (Thread thread : threads) thread.join(Duration.ofSeconds(35));
        if (broken.get() != null) {
            throw new IllegalStateException("a load connection failed: " + broken.get());
        }
        return new Result(okAfter - okBefore, failedAfter - failedBefore, Duration.ofNanos(elapsed));
    }

    private static byte[] request(int port, String pathAndQuery, Map<String, String> headers) {
        StringBuilder text = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Accept: application/json\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        return text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
