package io.orderbook.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP/1.1 load generator: each of {@code connections} keep-alive connections, driven by its
 * own virtual thread, sends the same GET and reads the whole response before sending the next. It speaks
 * just enough HTTP (Content-Length and chunked bodies) and allocates little, so that on a small machine it
 * leaves as much CPU as possible to the server it measures.
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
     */
    static Result run(int port, String pathAndQuery, Map<String, String> headers, int connections, Duration warmup,
                      Duration measure) throws InterruptedException {
        byte[] request = request(port, pathAndQuery, headers);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        for (int i = 0; i < connections; i++) {
            workers.add(Thread.ofVirtual().name("load-" + i).start(() -> {
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    socket.setSoTimeout(30_000);
                    OutputStream out = socket.getOutputStream();
                    ResponseReader in = new ResponseReader(socket.getInputStream());
                    while (running.get()) {
                        out.write(request);
                        out.flush();
                        if (in.readResponse() == 200) ok.increment(); else failed.increment();
                    }
                } catch (IOException | RuntimeException e) {
                    if (running.get()) broken.compareAndSet(null, e);
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
        for (Thread worker : workers) worker.join(Duration.ofSeconds(35));
        if (broken.get() != null) {
            throw new IllegalStateException("a load connection failed", broken.get());
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

    /**
     * Reads HTTP/1.1 responses off one connection, without locks or per-response allocation. The body is skipped.
     */
    static final class ResponseReader {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private final StringBuilder line = new StringBuilder(128);
        private int position;
        private int limit;

        ResponseReader(InputStream in) {
            this.in = in;
        }

        /** Reads one whole response and returns its status. */
        int readResponse() throws IOException {
            String statusLine = readLine();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine, 9, 12, 10);
            long contentLength = -1;
            boolean chunked = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon < 0) continue;
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    contentLength = Long.parseLong(header.substring(colon + 1).trim());
                } else if (name.equals("transfer-encoding") && header.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    skip(size);
                    readLine();
                }
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are not used
                }
            } else if (contentLength > 0) {
                skip(contentLength);
            } else if (contentLength < 0) {
                throw new IOException("response without Content-Length or chunked body; keep-alive is not possible");
            }
            return status;
        }

        private long chunkSize() throws IOException {
            String size = readLine();
            int extension = size.indexOf(';');
            return Long.parseLong(extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
        }

        private String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                if (position == limit) fill();
                byte b = buffer[position++];
                if (b == '\n') {
                    int length = line.length();
                    if (length > 0 && line.charAt(length - 1) == '\r') line.setLength(length - 1);
                    return line.toString();
                }
                line.append((char) b);
            }
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                if (position == limit) fill();
                int step = (int) Math.min(left, limit - position);
                position += step;
                left -= step;
            }
        }

        private void fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) throw new IOException("connection closed by the server");
            position = 0;
            limit = read;
        }
    }
}
