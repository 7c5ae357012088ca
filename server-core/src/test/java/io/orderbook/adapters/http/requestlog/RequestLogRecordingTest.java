package io.orderbook.adapters.http.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.KeyScope;
import io.orderbook.adapters.http.pipeline.RateLimitPolicy;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.adapters.ratelimit.PerMinuteRateLimiter;
import io.orderbook.adapters.requestlog.RequestLogWriter;
import io.orderbook.application.requestlog.RequestLogService;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.HttpTestClient;
import io.orderbook.testsupport.RateLimitWindows;
import io.orderbook.testsupport.TestAuthenticator;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The request log as the HTTP edge fills it: one row per request, refused ones included, with the right
 * fields, and never a credential or a query-string secret in the database or the server's log output.
 */
class RequestLogRecordingTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();

    private static final String TOKEN = "bearer-secret-token-7f3a9";
    private static final String WRONG_TOKEN = "wrong-secret-token-c4d2e";
    private static final String API_KEY = "obw_key-secret-91b8e";
    private static final String TINY_KEY = "obw_tiny-secret-55a01";
    private static final String OTHER_TINY_KEY = "obw_tiny-secret-38c7e";
    private static final String REVOKED_KEY = "obw_revoked-secret-0ddba";
    private static final String QUERY_SECRET = "query-secret-aa61f";
    private static final String[] SECRETS = {TOKEN, WRONG_TOKEN, API_KEY, TINY_KEY, OTHER_TINY_KEY, REVOKED_KEY, QUERY_SECRET};

    private static RequestLogWriter writer;
    private static HttpServer server;
    private static HttpTestClient client;
    private static final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private static Level previousLevel;

    @BeforeAll
    static void start() {
        Logger ours = (Logger) LoggerFactory.getLogger("io.orderbook");
        previousLevel = ours.getLevel();
        ours.setLevel(Level.TRACE);
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);

        RequestLogRepository repository = new RequestLogRepository(db.database());
        writer = RequestLogWriter.builder(repository).flushInterval(Duration.ofMillis(50)).build();
        TestAuthenticator authenticator = new TestAuthenticator()
                .bearer(TOKEN, new Caller.User(7, Role.TRADER))
                .apiKey(API_KEY, new Caller.ApiKey(7, Role.TRADER, 70, KeyScope.READ_ONLY, 1000))
                .apiKey(TINY_KEY, new Caller.ApiKey(7, Role.TRADER, 71, KeyScope.READ_ONLY, 1))
                .apiKey(OTHER_TINY_KEY, new Caller.ApiKey(7, Role.TRADER, 72, KeyScope.READ_ONLY, 1))
                .revokedKey(REVOKED_KEY, new Caller.ApiKey(8, Role.TRADER, 80, KeyScope.READ_WRITE, 1000));
        server = HttpServer.builder()
                .port(0)
                .authenticator(authenticator)
                .rateLimiter(new PerMinuteRateLimiter(redis.client(), new SimpleMeterRegistry()), new RateLimitPolicy(1000, 1000))
                .requestLogSink(writer)
                .routes(new RequestLogRoutes(new RequestLogService(repository, Clock.systemUTC())))
                .routes(routes -> routes.get("/api/v1/echo", Access.READ, ctx -> ctx.result("echo")))
                .build()
                .start();
        client = new HttpTestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
        writer.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        ((Logger) LoggerFactory.getLogger("io.orderbook")).setLevel(previousLevel);
    }

    private static HttpResponse<String> get(String pathAndQuery, String requestId, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Request-Id";
        all[1] = requestId;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.get(pathAndQuery, all);
    }

    /** The stored row of a request, as column name to value. */
    private static Map<String, Object> row(String requestId) {
        Eventually.await(Duration.ofSeconds(5), "request " + requestId + " is logged", () -> rowOrNull(requestId) != null);
        return rowOrNull(requestId);
    }

    private static Map<String, Object> rowOrNull(String requestId) {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement("select * from request_log where request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) return null;
                Map<String, Object> row = new HashMap<>();
                ResultSetMetaData meta = rows.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rows.getObject(i));
                }
                assertThat(rows.next()).as("one row per request").isFalse();
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSuccessfulRequestIsLoggedWithItsCallerAndWithoutItsQueryString() {
        Instant before = Instant.now();
        HttpResponse<String> response = get("/api/v1/echo?token=" + QUERY_SECRET + "&b=2", "rec-ok-1", "X-API-Key", API_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("rec-ok-1");

        Map<String, Object> row = row("rec-ok-1");
        assertThat(row.get("method")).isEqualTo("GET");
        assertThat(row.get("path")).isEqualTo("/api/v1/echo");
        assertThat(row.get("status")).isEqualTo(200);
        assertThat(row.get("user_id")).isEqualTo(7L);
        assertThat(row.get("api_key_id")).isEqualTo(70L);
        assertThat(row.get("client_ip")).isEqualTo("127.0.0.1");
        assertThat(row.get("error_code")).isNull();
        assertThat((Long) row.get("latency_micros")).isPositive().isLessThan(Duration.ofSeconds(5).toNanos() / 1000);
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void theGeneratedRequestIdIsTheOneReturnedInTheHeader() {
        HttpResponse<String> response = client.get("/api/v1/echo", "Authorization", "Bearer " + TOKEN);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).hasSize(32);
        Map<String, Object> row = row(requestId);
        assertThat(row.get("user_id")).isEqualTo(7L);
        assertThat(row.get("api_key_id")).isNull();
    }

    @Test
    void refusedRequestsAreLoggedWithStatusAndErrorCode() {
        assertThat(get("/api/v1/echo", "rec-401", "Authorization", "Bearer " + WRONG_TOKEN).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/echo", "rec-401-anon").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/echo", "rec-401-revoked", "X-API-Key", REVOKED_KEY).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/no-such-thing?secret=" + QUERY_SECRET, "rec-404", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/request-logs?limit=lots", "rec-400", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
        RateLimitWindows.awaitRoomInCurrentMinute(Duration.ofSeconds(5));
        assertThat(get("/api/v1/echo", "rec-tiny-1", "X-API-Key", TINY_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/echo", "rec-429", "X-API-Key", TINY_KEY).statusCode()).isEqualTo(429);

        assertLogged("rec-401", 401, "UNAUTHENTICATED", null, null);
        assertLogged("rec-401-anon", 401, "UNAUTHENTICATED", null, null);
        // A refused key is logged under its owner, so owners see attempts with their revoked keys.
        assertLogged("rec-401-revoked", 401, "UNAUTHENTICATED", 8L, 80L);
        // Unknown routes skip the pipeline: no caller is established.
        assertLogged("rec-404", 404, "NOT_FOUND", null, null);
        assertThat(row("rec-404").get("path")).isEqualTo("/api/v1/no-such-thing");
        assertLogged("rec-400", 400, "VALIDATION_FAILED", 7L, null);
        assertLogged("rec-tiny-1", 200, null, 7L, 71L);
        assertLogged("rec-429", 429, "RATE_LIMITED", 7L, 71L);
    }

    private static void assertLogged(String requestId, int status, String errorCode, Long userId, Long apiKeyId) {
        Map<String, Object> row = row(requestId);
        assertThat(row.get("status")).as(requestId).isEqualTo(status);
        assertThat(row.get("error_code")).as(requestId).isEqualTo(errorCode);
        assertThat(row.get("user_id")).as(requestId).isEqualTo(userId);
        assertThat(row.get("api_key_id")).as(requestId).isEqualTo(apiKeyId);
    }

    @Test
    void noCredentialOrQuerySecretReachesTheDatabaseOrTheLog() throws SQLException {
        get("/api/v1/echo?apiKey=" + API_KEY + "&token=" + QUERY_SECRET, "rec-secrets-1", "Authorization", "Bearer " + TOKEN);
        get("/api/v1/echo?password=" + QUERY_SECRET, "rec-secrets-2", "Authorization", "Bearer " + WRONG_TOKEN);
        get("/api/v1/echo", "rec-secrets-3", "X-API-Key", REVOKED_KEY);
        get("/api/v1/echo", "rec-secrets-4a", "X-API-Key", OTHER_TINY_KEY);
        get("/api/v1/echo", "rec-secrets-4b", "X-API-Key", OTHER_TINY_KEY);
        get("/api/v1/request-logs?cursor=" + QUERY_SECRET, "rec-secrets-5", "X-API-Key", API_KEY);
        get("/api/v1/" + "x".repeat(20) + "?k=" + QUERY_SECRET, "rec-secrets-6", "X-API-Key", API_KEY, "Authorization", "Bearer " + TOKEN);
        row("rec-secrets-6");
        Eventually.await(Duration.ofSeconds(5), "every request is logged", () -> writer.queued() == 0);

        StringBuilder everything = new StringBuilder();
        try (Connection connection = db.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from request_log")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) everything.append(rows.getString(i)).append('|');
                everything.append('\n');
            }
        }
        assertThat(everything).contains("rec-secrets-1", "rec-secrets-6");
        for (ILoggingEvent event : logged.list) {
            everything.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) everything.append(event.getThrowableProxy().getMessage()).append('\n');
        }
        assertThat(everything.toString()).doesNotContain(SECRETS);
    }

    @Test
    void manyRequestsAreWrittenInFewTransactions() throws Exception {
        Eventually.await(Duration.ofSeconds(5), "earlier requests are written", () -> writer.queued() == 0);
        long batchesBefore = writer.batches();
        long writtenBefore = writer.written();
        try (var clients = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 300; i++) {
                int n = i;
                clients.submit(() -> get("/api/v1/echo", "rec-many-" + n, "X-API-Key", API_KEY));
            }
        }
        Eventually.await(Duration.ofSeconds(10), "all 300 requests are written", () -> writer.written() - writtenBefore >= 300);

        assertThat(writer.written() - writtenBefore).isEqualTo(300);
        assertThat(writer.batches() - batchesBefore).as("transactions for 300 requests").isLessThanOrEqualTo(60);
        assertThat(row("rec-many-299").get("status")).isEqualTo(200);
    }
}
