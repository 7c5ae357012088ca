package io.orderbook.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a test server's {@code /api/v1}, put together fluently; each test server adds its own
 * shortcuts in a subclass.
 */
public abstract class ApiCall<C extends ApiCall<C>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    protected ApiCall(String method, String path) {
        this.method = method;
        this.path = path;
    }

    protected abstract C self();

    protected final String method() {
        return method;
    }

    protected final String path() {
        return path;
    }

    /** The client to send with. */
    protected abstract HttpClient client();

    protected abstract int port();

    /** A request body as JSON. */
    protected String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Duration timeout() {
        return Duration.ofSeconds(20);
    }

    public C bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public C apiKey(String key) {
        return header("X-API-Key", key);
    }

    public C idempotencyKey(String key) {
        return header("Idempotency-Key", key);
    }

    public C header(String name, String value) {
        headers.put(name, value);
        return self();
    }

    /** A raw body, sent as application/json. */
    public C body(String raw) {
        this.body = raw;
        return header("Content-Type", "application/json");
    }

    public C json(Object value) {
        return body(toJson(value));
    }

    public HttpResponse<String> send() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/v1" + path))
                .timeout(timeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        try {
            return client().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
