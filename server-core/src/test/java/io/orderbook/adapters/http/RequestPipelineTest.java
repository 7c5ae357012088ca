package io.orderbook.adapters.http;

import static io.orderbook.adapters.http.HttpServerTest.assertProblem;
import static io.orderbook.adapters.http.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.KeyScope;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.http.pipeline.RateLimitDecision;
import io.orderbook.adapters.http.pipeline.RateLimitPolicy;
import io.orderbook.adapters.http.pipeline.RateLimiter;
import io.orderbook.adapters.http.pipeline.RequestLogEntry;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.http.problem.ApiProblem;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestPipelineTest {

    private static final String TRADER_TOKEN = "trader-token";
    private static final String ADMIN_TOKEN = "admin-token";
    private static final String READ_ONLY_KEY = "obw_ReadOnly_secret";
    private static final String READ_WRITE_KEY = "obw_ReadWrit_secret";
    private static final String TINY_LIMIT_KEY = "obw_TinyLimt_secret";
    private static final String REVOKED_KEY = "obw_Revoked0_secret";

    private static final Map<String, Caller> CALLERS = Map.of(
            TRADER_TOKEN, new Caller.User(1, Role.TRADER),
            ADMIN_TOKEN, new Caller.User(9, Role.ADMIN),
            READ_ONLY_KEY, new Caller.ApiKey(1, Role.TRADER, 101, KeyScope.READ_ONLY, 100),
            READ_WRITE_KEY, new Caller.ApiKey(1, Role.TRADER, 102, KeyScope.READ_WRITE, 100),
            TINY_LIMIT_KEY, new Caller.ApiKey(1, Role.TRADER, 103, KeyScope.READ_WRITE, 2));

    /** Counts per bucket, refusing above the limit; a test stand-in for the Redis limiter. */
    private static final class CountingRateLimiter implements RateLimiter {
        final Map<String, AtomicInteger> used = new ConcurrentHashMap<>();

        @Override
        public RateLimitDecision acquire(String bucket, int requestsPerMinute) {
            int n = used.computeIfAbsent(bucket, b -> new AtomicInteger()).incrementAndGet();
            boolean allowed = n <= requestsPerMinute;
            return new RateLimitDecision(allowed, requestsPerMinute, Math.max(0, requestsPerMinute - n), Duration.ofMillis(42_300));
        }
    }

    private final CountingRateLimiter limiter = new CountingRateLimiter();
    private final BlockingQueue<RequestLogEntry> log = new LinkedBlockingQueue<>();
    private final List<PresentedCredentials> seenByAuthenticator = new ArrayList<>();
    private HttpServer server;
    private TestClient client;

    @BeforeAll
    void start() {
        server = HttpServer.builder()
                .port(0)
                .authenticator((credentials, clientIp) -> {
                    synchronized (seenByAuthenticator) {
                        seenByAuthenticator.add(credentials);
                    }
                    String secret = switch (credentials) {
                        case PresentedCredentials.BearerToken token -> token.token();
                        case PresentedCredentials.ApiKey key -> key.key();
                        case PresentedCredentials.None none -> throw new AssertionError("not called without credentials");
                    };
                    if (secret.equals(REVOKED_KEY)) {
                        return new AuthenticationResult.Refused(ApiProblem.unauthenticated("This API key was revoked."),
                                new Caller.ApiKey(5, Role.TRADER, 555, KeyScope.READ_WRITE, 10));
                    }
                    Caller caller = CALLERS.get(secret);
                    return caller != null
                            ? new AuthenticationResult.Authenticated(caller)
                            : new AuthenticationResult.Refused(ApiProblem.unauthenticated("Unknown credentials."));
                })
                .rateLimiter(limiter, new RateLimitPolicy(3, 100))
                .requestLogSink(log::add)
                .routes(routes -> {
                    routes.get("/api/v1/things", Access.READ, ctx -> ctx.json(Map.of("caller", RequestState.caller(ctx).toString())));
                    routes.post("/api/v1/things", Access.WRITE, ctx -> ctx.status(201));
                    routes.get("/api/v1/admin/things", Access.ADMIN_READ, ctx -> ctx.result("admin"));
                    routes.get("/api/v1/open", Access.PUBLIC, ctx -> ctx.result("open"));
                })
                .build()
                .start();
        client = new TestClient(server);
    }

    @BeforeEach
    void reset() {
        limiter.used.clear();
        log.clear();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path, String header, String value) {
        return client.send(client.request(path).header(header, value).GET().build());
    }

    private HttpResponse<String> bearer(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> apiKey(String path, String key) {
        return get(path, "X-API-Key", key);
    }

    @Test
    void anonymous_caller_may_use_public_routes_only() {
        assertThat(client.get("/api/v1/open").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = client.get("/api/v1/things");
        assertProblem(refused, 401, "UNAUTHENTICATED");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void bearer_token_and_api_key_authenticate_the_caller() {
        assertThat(json(bearer("/api/v1/things", TRADER_TOKEN)).get("caller").asText()).isEqualTo("User[userId=1, role=TRADER]");
        assertThat(json(apiKey("/api/v1/things", READ_ONLY_KEY)).get("caller").asText()).startsWith("ApiKey[userId=1, role=TRADER, apiKeyId=101");
    }

    @Test
    void unknown_or_revoked_credentials_are_refused_even_on_public_routes() {
        assertProblem(bearer("/api/v1/open", "forged"), 401, "UNAUTHENTICATED");
        HttpResponse<String> revoked = apiKey("/api/v1/things", REVOKED_KEY);
        assertProblem(revoked, 401, "UNAUTHENTICATED");
        assertThat(json(revoked).get("detail").asText()).isEqualTo("This API key was revoked.");
    }

    @Test
    void read_only_key_cannot_write_but_read_write_key_and_bearer_can() {
        HttpRequest.Builder post = client.request("/api/v1/things").POST(HttpRequest.BodyPublishers.noBody());

        HttpResponse<String> readOnly = client.send(post.copy().header("X-API-Key", READ_ONLY_KEY).build());
        assertProblem(readOnly, 403, "FORBIDDEN");
        assertThat(json(readOnly).get("detail").asText()).isEqualTo("This API key is read-only.");
        assertThat(client.send(post.copy().header("X-API-Key", READ_WRITE_KEY).build()).statusCode()).isEqualTo(201);
        assertThat(client.send(post.copy().header("Authorization", "Bearer " + TRADER_TOKEN).build()).statusCode()).isEqualTo(201);
    }

    @Test
    void admin_routes_need_the_admin_role() {
        assertProblem(bearer("/api/v1/admin/things", TRADER_TOKEN), 403, "FORBIDDEN");
        assertThat(bearer("/api/v1/admin/things", ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void ambiguous_or_unsupported_credentials_are_refused() {
        HttpResponse<String> both = client.send(client.request("/api/v1/things")
                .header("Authorization", "Bearer " + TRADER_TOKEN).header("X-API-Key", READ_ONLY_KEY).build());
        assertProblem(both, 401, "UNAUTHENTICATED");
        assertProblem(get("/api/v1/things", "Authorization", "Basic dXNlcjpwYXNz"), 401, "UNAUTHENTICATED");
        assertProblem(get("/api/v1/things", "Authorization", "Bearer "), 401, "UNAUTHENTICATED");
    }

    @Test
    void rate_limit_headers_are_on_every_answer_of_a_known_route() {
        HttpResponse<String> ok = apiKey("/api/v1/things", READ_WRITE_KEY);
        HttpResponse<String> forbidden = client.send(client.request("/api/v1/things")
                .header("X-API-Key", READ_ONLY_KEY).POST(HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> unauthenticated = client.get("/api/v1/things");

        assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("100");
        assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
        assertThat(ok.headers().firstValue("X-RateLimit-Reset")).hasValue("43");
        assertThat(forbidden.headers().firstValue("X-RateLimit-Limit")).hasValue("100");
        assertThat(unauthenticated.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
    }

    @Test
    void over_the_limit_is_a_429_with_retry_after() {
        assertThat(apiKey("/api/v1/things", TINY_LIMIT_KEY).statusCode()).isEqualTo(200);
        assertThat(apiKey("/api/v1/things", TINY_LIMIT_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> limited = apiKey("/api/v1/things", TINY_LIMIT_KEY);

        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("43");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(limiter.used).containsOnlyKeys("api-key:103");
    }

    @Test
    void failed_authentication_counts_against_the_client_address() {
        for (int i = 0; i < 3; i++) assertProblem(bearer("/api/v1/things", "guess-" + i), 401, "UNAUTHENTICATED");

        assertProblem(bearer("/api/v1/things", "guess-4"), 429, "RATE_LIMITED");
        assertThat(limiter.used).containsOnlyKeys("ip:127.0.0.1");
    }

    @Test
    void every_request_is_logged_with_caller_status_and_code_but_no_secret() throws InterruptedException {
        HttpResponse<String> ok = client.send(client.request("/api/v1/things")
                .header("X-API-Key", READ_WRITE_KEY).header(RequestIds.HEADER, "ok-1").build());
        client.send(client.request("/api/v1/things?token=" + READ_WRITE_KEY)
                .header("X-API-Key", REVOKED_KEY).header(RequestIds.HEADER, "revoked-1").build());
        client.send(client.request("/api/v1/does-not-exist").header(RequestIds.HEADER, "missing-1").build());

        // Entries are recorded after each response is written, so collect them rather than rely on order.
        Map<String, RequestLogEntry> byRequestId = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            RequestLogEntry entry = log.poll(5, TimeUnit.SECONDS);
            assertThat(entry).isNotNull();
            byRequestId.put(entry.requestId(), entry);
        }

        assertThat(ok.statusCode()).isEqualTo(200);
        RequestLogEntry first = byRequestId.get("ok-1");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/api/v1/things");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.userId()).isEqualTo(1L);
        assertThat(first.apiKeyId()).isEqualTo(102L);
        assertThat(first.clientIp()).isEqualTo("127.0.0.1");
        assertThat(first.errorCode()).isNull();
        assertThat(first.latency()).isPositive();
        assertThat(first.time()).isNotNull();

        RequestLogEntry second = byRequestId.get("revoked-1");
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(second.apiKeyId()).as("a refused key is still attributed to its owner").isEqualTo(555L);
        assertThat(second.path()).isEqualTo("/api/v1/things");
        assertThat(second.toString()).doesNotContain("secret", READ_WRITE_KEY, REVOKED_KEY);

        RequestLogEntry third = byRequestId.get("missing-1");
        assertThat(third.status()).isEqualTo(404);
        assertThat(third.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(third.userId()).isNull();
    }

    @Test
    void presented_credentials_never_print_their_secret() {
        bearer("/api/v1/things", TRADER_TOKEN);
        apiKey("/api/v1/things", READ_ONLY_KEY);

        synchronized (seenByAuthenticator) {
            assertThat(seenByAuthenticator.toString()).doesNotContain(TRADER_TOKEN, READ_ONLY_KEY).contains("<redacted>");
        }
    }

    @Test
    void without_an_authenticator_everyone_is_anonymous() {
        try (HttpServer bare = HttpServer.builder().port(0)
                .routes(routes -> routes.get("/api/v1/things", Access.READ, ctx -> ctx.result("x")))
                .build().start()) {
            TestClient bareClient = new TestClient(bare);

            assertProblem(bareClient.send(bareClient.request("/api/v1/things").header("Authorization", "Bearer " + ADMIN_TOKEN).build()),
                    401, "UNAUTHENTICATED");
            assertThat(bareClient.get("/api/v1/health/live").headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
    }
}
