package io.orderbook.adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket test client: collects every JSON message, and lets a test wait for one that matches. */
final class StreamClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    /** Messages passed over while waiting for another, in arrival order. */
    final List<JsonNode> skipped = new ArrayList<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private StreamClient(String url) {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new Listener()).join();
    }

    /** Connects to {@code /api/v1/ws} on the port, with an optional query such as {@code token=...}. */
    static StreamClient connect(int port, String query) {
        return new StreamClient("ws://127.0.0.1:" + port + "/api/v1/ws" + (query == null ? "" : "?" + query));
    }

    void send(Object message) {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message that matches, within 10 s; earlier ones that do not match are kept in {@link #skipped}. */
    JsonNode await(Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode message;
            try {
                message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (message == null) {
                throw new AssertionError("no matching message within 10 s; got " + skipped);
            }
            if (matching.test(message)) {
                return message;
            }
            skipped.add(message);
        }
    }

    JsonNode await(String type) {
        return await(message -> message.path("type").asText().equals(type));
    }

    /** Waits until the server closes the connection; returns the close code. */
    int awaitClose() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    /** Everything received so far, without waiting. */
    List<JsonNode> drain() {
        List<JsonNode> all = new ArrayList<>(skipped);
        messages.drainTo(all);
        skipped.clear();
        return all;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
