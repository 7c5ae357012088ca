package io.orderbook.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to server-core's {@code /api/v1}: logs in, sends the bearer token with every request (refreshing
 * it shortly before it expires), and turns every error answer (problem+json) into a {@link ClientException}. The
 * methods block: they must not run on the FX thread.
 */
public final class JsonHttp implements AutoCloseable {

    /** Refresh the access token when it has less than this left. */
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI apiBase;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    private final Object tokenLock = new Object();
    private String accessToken;
    private String refreshToken;
    private Instant accessTokenExpiresAt = Instant.MAX;

    /**
     * Creates a client for one server; it is not logged in yet.
     *
     * @param serverUrl the server's base URL, e.g. {@code http://127.0.0.1:8080}; {@code /api/v1} is added
     * @param clock     tells when the access token is about to expire
     * @throws ClientException with code {@code INVALID_URL} when the URL is not http or https
     */
    public JsonHttp(URI serverUrl, Clock clock) {
        String base = Objects.requireNonNull(serverUrl, "serverUrl").toString();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new ClientException(0, "INVALID_URL", "Invalid server URL",
                    "The server URL must start with http:// or https://: " + base, List.of());
        }
        this.apiBase = URI.create(base.replaceAll("/+$", "") + "/api/v1/");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(background).build();
        this.json = newObjectMapper();
    }

    /**
     * Creates the mapper the client reads and writes with: tolerant of fields a newer server adds, dates as ISO
     * text, decimals as {@link java.math.BigDecimal}.
     *
     * @return a new mapper
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * The mapper this client reads and writes with.
     *
     * @return the mapper made by {@link #newObjectMapper()}
     */
    public ObjectMapper json() {
        return json;
    }

    /**
     * The underlying client, shared with the WebSocket connection.
     *
     * @return the HTTP client; closed by {@link #close()}
     */
    public HttpClient httpClient() {
        return http;
    }

    /**
     * The address of the server's WebSocket.
     *
     * @return {@code ws://.../api/v1/ws} ({@code wss} for an https server)
     */
    public URI webSocketUri() {
        String base = apiBase.toString();
        return URI.create((base.startsWith("https") ? "wss" + base.substring(5) : "ws" + base.substring(4)) + "ws");
    }

    /**
     * Logs in with username and password; afterwards every request carries the access token.
     *
     * @param username the login name
     * @param password the password
     * @throws ClientException when the login is refused or the server cannot be reached
     */
    public void login(String username, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        JsonNode tokens = send("POST", "auth/login", body, null, false);
        remember(tokens);
    }

    /**
     * The current access token, refreshed first when it is about to expire.
     *
     * @return the token; null before {@link #login}
     * @throws ClientException when the refresh is refused or the server cannot be reached
     */
    public String accessToken() {
        synchronized (tokenLock) {
            if (refreshToken != null && clock.instant().isAfter(accessTokenExpiresAt.minus(REFRESH_MARGIN))) {
                Map<String, Object> body = Map.of("refreshToken", refreshToken);
                remember(send("POST", "auth/refresh", body, null, false));
            }
            return accessToken;
        }
    }

    private void remember(JsonNode tokens) {
        synchronized (tokenLock) {
            accessToken = tokens.path("accessToken").asText(null);
            refreshToken = tokens.path("refreshToken").asText(null);
            long expiresIn = tokens.path("expiresIn").asLong(0);
            accessTokenExpiresAt = expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : Instant.MAX;
            if (accessToken == null) {
                throw new ClientException(0, ClientException.BAD_RESPONSE, "Unexpected answer",
                        "The server's login answer carries no access token", List.of());
            }
        }
    }

    /**
     * Sends a GET.
     *
     * @param path  the path under {@code /api/v1}, e.g. {@code markets}
     * @param query query parameters; null values are left out; may be null
     * @return the answer's JSON (a null node for an empty body)
     * @throws ClientException with the server's problem for an error status, or when it cannot be reached
     */
    public JsonNode get(String path, Map<String, ?> query) {
        return send("GET", path + queryString(query), null, null, true);
    }

    /**
     * Sends a POST with an idempotency key, so a retried request never acts twice.
     *
     * @param path the path under {@code /api/v1}
     * @param body what to send as JSON; null sends no body
     * @return the answer's JSON (a null node for an empty body)
     * @throws ClientException with the server's problem for an error status, or when it cannot be reached
     */
    public JsonNode post(String path, Object body) {
        return send("POST", path, body, UUID.randomUUID().toString(), true);
    }

    /**
     * Sends a PATCH with an idempotency key.
     *
     * @param path the path under {@code /api/v1}
     * @param body the changes to send as JSON; null sends no body
     * @return the answer's JSON (a null node for an empty body)
     * @throws ClientException with the server's problem for an error status, or when it cannot be reached
     */
    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body, UUID.randomUUID().toString(), true);
    }

    /**
     * Sends a DELETE.
     *
     * @param path  the path under {@code /api/v1}
     * @param query query parameters; null values are left out; may be null
     * @return the answer's JSON (a null node for an empty body)
     * @throws ClientException with the server's problem for an error status, or when it cannot be reached
     */
    public JsonNode delete(String path, Map<String, ?> query) {
        return send("DELETE", path + queryString(query), null, null, true);
    }

    /**
     * Converts an answer (or a part of it) into a type.
     *
     * @param <T>  the type to read
     * @param node the JSON to read
     * @param type the class to read it as
     * @return the converted value
     * @throws ClientException with code {@code BAD_RESPONSE} when the JSON does not fit the type
     */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw badResponse("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Converts every element of a JSON array.
     *
     * @param <T>   what each element becomes
     * @param array the JSON array; null or a non-array gives an empty list
     * @param each  converts one element
     * @return the converted elements in array order
     */
    public <T> List<T> convertList(JsonNode array, Function<JsonNode, T> each) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> out.add(each.apply(node)));
        }
        return out;
    }

    private JsonNode send(String method, String path, Object body, String idempotencyKey, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(apiBase.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (authenticated) {
            String token = accessToken();
            if (token == null) {
                throw new ClientException(401, "UNAUTHENTICATED", "Not logged in", "Log in first", List.of());
            }
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else if (method.equals("POST") || method.equals("PATCH")) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw ClientException.unreachable("The server did not answer in time", e);
        } catch (ConnectException e) {
            throw ClientException.unreachable("Cannot connect to " + apiBase.resolve("/"), e);
        } catch (IOException e) {
            throw ClientException.unreachable("Connection to the server failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClientException.unreachable("Interrupted", e);
        }
        return answer(response);
    }

    private JsonNode answer(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        JsonNode node;
        try {
            node = bytes == null || bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
        } catch (IOException e) {
            if (response.statusCode() >= 400) {
                throw new ClientException(response.statusCode(), "HTTP_" + response.statusCode(),
                        "Request failed", "The server answered " + response.statusCode(), List.of());
            }
            throw badResponse("not JSON: " + e.getMessage(), e);
        }
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), node);
        }
        return node;
    }

    /** Reads an RFC 9457 problem body; any other body still gives a clear status message. */
    static ClientException problem(int status, JsonNode node) {
        List<ClientException.FieldError> errors = new ArrayList<>();
        node.path("errors").forEach(e -> errors.add(
                new ClientException.FieldError(e.path("field").asText(""), e.path("message").asText(""))));
        return new ClientException(node.path("status").asInt(status), node.path("code").asText("HTTP_" + status),
                node.path("title").asText("Request failed"), node.path("detail").asText(""), errors);
    }

    private static ClientException badResponse(String detail, Throwable cause) {
        ClientException e = new ClientException(0, ClientException.BAD_RESPONSE, "Unexpected answer", detail, List.of());
        e.initCause(cause);
        return e;
    }

    private static String queryString(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        String joined = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Encodes one path segment, e.g. a market symbol.
     *
     * @param s the raw segment
     * @return the segment, percent-encoded (spaces as {@code %20})
     */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        background.shutdownNow();
        http.close();
    }
}
