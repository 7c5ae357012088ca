package io.orderbook.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Drives keep-alive HTTP/1.1 connections from one thread and one selector, at most one request in flight per
 * connection, the way wrk does. Blocking clients on virtual threads cost the generator a futex wait and
 * wake-up, an epoll registration and a hand-over between threads per request: a quarter of its CPU in a perf
 * profile (2026-12-07), and on a 2-core machine every cycle the generator spends is taken from the server.
 *
 * <p>When each request is due comes from a {@link Pacing}; a request's latency runs from when it was due, so a
 * request that waited for its connection's previous answer counts that wait too.
 */
final class LoadLoop<S> {

    /** {@link Pacing#nextDue} for a connection that sends no more. */
    static final long DONE = Long.MAX_VALUE;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * When requests are due and where their outcomes are recorded.
     *
     * @param <S> what records outcomes
     */
    interface Pacing<S> {
        /** {@return when connection {@code lane}'s next request is due (nanoTime), or {@link #DONE}} */
        long nextDue(int lane, long now);

        /** {@return where the request due at {@code due} is recorded} */
        S statsFor(long due);

        /**
         * The closed loop: each connection's next request is due as soon as its last answer is in, while
         * {@code running} says so.
         *
         * @param stats where requests are recorded, asked when each is sent
         */
        static <S> Pacing<S> asFastAsAnswered(BooleanSupplier running, Supplier<S> stats) {
            return new Pacing<>() {
                @Override
                public long nextDue(int lane, long now) {
                    return running.getAsBoolean() ? now : DONE;
                }

                @Override
                public S statsFor(long due) {
                    return stats.get();
                }
            };
        }
    }

    /**
     * What one connection sends, and what it makes of the answers. At most one request is outstanding:
     * {@link #nextRequest} is followed by {@link #answered} or {@link #failed} before the next.
     *
     * @param <S> what records outcomes
     */
    interface Client<S> {
        /** {@return the next request, as the bytes to write} */
        byte[] nextRequest();

        /** Takes the answer to the last request; its latency runs from when it was due. */
        void answered(int status, String body, S stats, long latencyNanos);

        /** The last request got no answer: the connection broke or timed out. */
        void failed(String detail, S stats, long latencyNanos);
    }

    private final int port;
    private final List<? extends Client<S>> clients;

    /** A loop over one connection per client to 127.0.0.1:{@code port}. */
    LoadLoop(int port, List<? extends Client<S>> clients) {
        this.port = port;
        this.clients = clients;
    }

    /** Sends and answers requests as {@code pacing} says until every connection is done and has its last answer. */
    void run(Pacing<S> pacing) throws IOException {
        try (Selector selector = Selector.open()) {
            List<Lane> lanes = new ArrayList<>(clients.size());
            for (int i = 0; i < clients.size(); i++) {
                Lane lane = new Lane(clients.get(i));
                lane.due = pacing.nextDue(i, System.nanoTime());
                lanes.add(lane);
            }
            int active = lanes.size();
            while (active > 0) {
                long now = System.nanoTime();
                long earliest = DONE;
                for (Lane lane : lanes) {
                    if (lane.inFlight) {
                        if (now - lane.sentAt > TIMEOUT_NANOS) lane.fail(selector, "no answer in 30 s", now);
                    } else if (lane.due != DONE && lane.due <= now) {
                        lane.send(selector, pacing.statsFor(lane.due), now);
                    }
                    if (!lane.inFlight && lane.due != DONE && lane.due > now) earliest = Math.min(earliest, lane.due);
                }
                long wait = earliest == DONE ? 100 * MILLI : earliest - System.nanoTime();
                if (wait >= MILLI) {
                    selector.select(Math.min(wait, 100 * MILLI) / MILLI);
                } else if (selector.selectNow() == 0 && wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    @SuppressWarnings("unchecked")
                    Lane lane = (Lane) key.attachment();
                    lane.read(selector, System.nanoTime());
                }
                selector.selectedKeys().clear();
                now = System.nanoTime();
                active = 0;
                for (int i = 0; i < lanes.size(); i++) {
                    Lane lane = lanes.get(i);
                    if (!lane.inFlight && lane.answered) {
                        lane.answered = false;
                        lane.due = pacing.nextDue(i, now);
                    }
                    if (lane.inFlight || lane.due != DONE) active++;
                }
            }
            for (Lane lane : lanes) lane.close();
        }
    }

    /** One connection and its client. */
    private final class Lane {
        private final Client<S> client;
        private final Response response = new Response();
        private SocketChannel channel;
        private S stats;
        /** When the request in flight, or the next one, is due; {@link #DONE} when there is none. */
        private long due;
        private long sentAt;
        private boolean inFlight;
        /** The request in flight has had its answer (or failed); the pacing decides what comes next. */
        private boolean answered;

        Lane(Client<S> client) {
            this.client = client;
        }

        void send(Selector selector, S stats, long now) {
            this.stats = stats;
            sentAt = now;
            byte[] request = client.nextRequest();
            inFlight = true;
            try {
                if (channel == null) connect(selector);
                ByteBuffer out = ByteBuffer.wrap(request);
                // A request is a few hundred bytes and the only one on its connection: the socket takes it at once.
                while (out.hasRemaining()) channel.write(out);
            } catch (IOException e) {
                fail(selector, e.toString(), now);
            }
        }

        void read(Selector selector, long now) {
            if (channel == null) return; // failed earlier in this round; its key was cancelled with the channel
            try {
                if (!response.readFrom(channel)) {
                    fail(selector, "the server closed the connection", now);
                    return;
                }
                if (!inFlight) return;
                int status = response.parse();
                if (status < 0) return;
                inFlight = false;
                answered = true;
                client.answered(status, response.body(), stats, now - due);
            } catch (IOException | RuntimeException e) {
                fail(selector, e.toString(), now);
            }
        }

        void fail(Selector selector, String detail, long now) {
            if (inFlight) client.failed(detail, stats, now - due);
            inFlight = false;
            answered = true;
            close();
        }

        private void connect(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, this);
            response.clear();
        }

        void close() {
            if (channel == null) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a load connection that already broke
            }
            channel = null;
        }
    }

    /**
     * The bytes of one connection's answers as they arrive, and an HTTP/1.1 response parsed from them once it is
     * whole (a {@code Content-Length} or a chunked body).
     */
    static final class Response {
        private ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        private String body = "";

        /** Reads what the channel has; false at its end. */
        boolean readFrom(SocketChannel channel) throws IOException {
            makeRoom(1);
            return channel.read(buffer) >= 0;
        }

        /** Adds bytes as if read (for tests). */
        void add(byte[] bytes) {
            makeRoom(bytes.length);
            buffer.put(bytes);
        }

        /** Doubles the buffer, keeping what it holds, until {@code bytes} more fit. */
        private void makeRoom(int bytes) {
            while (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(buffer.capacity() * 2);
                buffer.flip();
                buffer = larger.put(buffer);
            }
        }

        void clear() {
            buffer.clear();
        }

        /** The body of the response {@link #parse} returned last. */
        String body() {
            return body;
        }

        /**
         * Takes the first whole response off the bytes read so far.
         *
         * @return its status, or -1 while it is incomplete
         * @throws IOException if the bytes are not an HTTP/1.1 response this can follow on a kept-alive connection
         */
        int parse() throws IOException {
            byte[] bytes = buffer.array();
            int length = buffer.position();
            int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
            if (headEnd < 0) return -1;
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
            if (head.length() < 12 || !head.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 status line: " + head.lines().findFirst().orElse(""));
            }
            int status = Integer.parseInt(head, 9, 12, 10);
            long contentLength = -1;
            boolean chunked = false;
            for (String header : head.split("\r\n")) {
                int colon = header.indexOf(':');
                if (colon < 0) continue;
                String name = header.substring(0, colon).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    contentLength = Long.parseLong(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("transfer-encoding")
                        && header.substring(colon + 1).toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            int bodyStart = headEnd + 4;
            int end;
            if (chunked) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                int at = bodyStart;
                while (true) {
                    int lineEnd = indexOf(bytes, at, length, "\r\n");
                    if (lineEnd < 0) return -1;
                    String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                    int extension = sizeLine.indexOf(';');
                    int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
                    at = lineEnd + 2;
                    if (size == 0) {
                        int trailersEnd = indexOf(bytes, at - 2, length, "\r\n\r\n");
                        if (trailersEnd < 0) return -1;
                        end = trailersEnd + 4;
                        break;
                    }
                    if (length < at + size + 2) return -1;
                    chunks.write(bytes, at, size);
                    at += size + 2;
                }
                body = chunks.toString(StandardCharsets.UTF_8);
            } else if (contentLength >= 0) {
                if (length < bodyStart + contentLength) return -1;
                end = bodyStart + (int) contentLength;
                body = new String(bytes, bodyStart, (int) contentLength, StandardCharsets.UTF_8);
            } else {
                throw new IOException("response without Content-Length or chunked body; keep-alive is not possible");
            }
            // Keep what followed (nothing, with one request in flight) for the next answer.
            buffer.flip().position(end);
            buffer.compact();
            return status;
        }

        private static int indexOf(byte[] bytes, int from, int to, String ascii) {
            outer:
            for (int i = Math.max(0, from); i <= to - ascii.length(); i++) {
                for (int j = 0; j < ascii.length(); j++) {
                    if (bytes[i + j] != ascii.charAt(j)) continue outer;
                }
                return i;
            }
            return -1;
        }
    }
}
