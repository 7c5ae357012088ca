package io.orderbook.adapters.http.requestlog;

import static io.orderbook.testsupport.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.KeyScope;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.persistence.RequestLogEntry;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.application.requestlog.RequestLogService;
import io.orderbook.testsupport.HttpTestClient;
import io.orderbook.testsupport.TestAuthenticator;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request-log endpoints over HTTP against a seeded log: filters, pages, visibility, stats and bad input. */
class RequestLogQueryTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();

    private static final long ADMIN = 1;
    private static final long ALICE = 2;
    private static final long ALICE_KEY = 20;
    private static final long BOB = 3;
    private static final long BOB_KEY = 30;
    private static final long DAVE = 4;
    private static final String ADMIN_TOKEN = "admin-token";
    private static final String ALICE_TOKEN = "alice-token";
    private static final String ALICE_API_KEY = "alice-key";
    private static final String BOB_TOKEN = "bob-token";

    /** The seeded log's day, in the past so searches without {@code to} (which ends now) include it. */
    private static final Instant DAY = Instant.parse("2025-03-01T10:00:00Z");
    private static final String WINDOW = "from=2025-03-01T10:00:00Z&to=2025-03-01T11:00:00Z";
    /** Rows for the paging tests, of their own user and day. */
    private static final Instant PAGING_DAY = Instant.parse("2025-04-01T08:00:00Z");

    private static RequestLogRepository repository;
    private static HttpServer server;
    private static HttpTestClient client;

    @BeforeAll
    static void seedAndStart() {
        repository = new RequestLogRepository(db.database());
        repository.insertAll(List.of(
                row(0, "GET", "/api/v1/orders", 200, ALICE, ALICE_KEY, null),
                row(10, "GET", "/api/v1/orders/7", 404, ALICE, ALICE_KEY, "NOT_FOUND"),
                row(20, "POST", "/api/v1/orders", 201, ALICE, null, null),
                row(30, "GET", "/api/v1/api-keys", 200, BOB, BOB_KEY, null),
                row(65, "GET", "/api/v1/orders", 500, BOB, null, "INTERNAL"),
                row(70, "GET", "/api/v1/health", 200, null, null, null),
                row(80, "POST", "/api/v1/auth/login", 401, null, null, "UNAUTHENTICATED"),
                row(125, "GET", "/api/v1/orders", 429, ALICE, ALICE_KEY, "RATE_LIMITED"),
                row(130, "GET", "/api/v1/users", 403, ALICE, null, "FORBIDDEN")));

        TestAuthenticator authenticator = new TestAuthenticator()
                .bearer(ADMIN_TOKEN, new Caller.User(ADMIN, Role.ADMIN))
                .bearer(ALICE_TOKEN, new Caller.User(ALICE, Role.TRADER))
                .apiKey(ALICE_API_KEY, new Caller.ApiKey(ALICE, Role.TRADER, ALICE_KEY, KeyScope.READ_ONLY, 1000))
                .bearer(BOB_TOKEN, new Caller.User(BOB, Role.TRADER));
        server = HttpServer.builder()
                .port(0)
                .authenticator(authenticator)
                .routes(new RequestLogRoutes(new RequestLogService(repository, Clock.systemUTC())))
                .build()
                .start();
        client = new HttpTestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static RequestLogEntry row(int second, String method, String path, int status, Long user, Long key, String error) {
        return RequestLogEntry.of(DAY.plusSeconds(second), method, path, status, 2_500 + second, user, key, "203.0.113.5",
                "seed-" + second, error);
    }

    private static HttpResponse<String> get(String token, String pathAndQuery) {
        return client.get(pathAndQuery, "Authorization", "Bearer " + token);
    }

    private static List<String> requestIds(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).get("items").spliterator(), false)
                .map(item -> item.get("requestId").asText()).toList();
    }

    private static List<String> search(String token, String query) {
        return requestIds(get(token, "/api/v1/request-logs?" + WINDOW + (query.isEmpty() ? "" : "&" + query)));
    }

    private static void assertValidationProblem(HttpResponse<String> response, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        List<String> reported = StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
        assertThat(reported).containsExactlyInAnyOrder(fields);
    }

    @Test
    void anAdministratorSeesEveryEntryNewestFirstWithAllFields() {
        HttpResponse<String> response = get(ADMIN_TOKEN, "/api/v1/request-logs?" + WINDOW);

        assertThat(requestIds(response)).containsExactly("seed-130", "seed-125", "seed-80", "seed-70", "seed-65", "seed-30",
                "seed-20", "seed-10", "seed-0");
        JsonNode page = json(response);
        assertThat(page.get("nextCursor").isNull()).isTrue();
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("id").asLong()).isPositive();
        assertThat(newest.get("time").asText()).isEqualTo("2025-03-01T10:02:10Z");
        assertThat(newest.get("method").asText()).isEqualTo("GET");
        assertThat(newest.get("path").asText()).isEqualTo("/api/v1/users");
        assertThat(newest.get("status").asInt()).isEqualTo(403);
        assertThat(newest.get("latencyMs").asDouble()).isEqualTo(2.63);
        assertThat(newest.get("userId").asLong()).isEqualTo(ALICE);
        assertThat(newest.get("apiKeyId").isNull()).isTrue();
        assertThat(newest.get("clientIp").asText()).isEqualTo("203.0.113.5");
        assertThat(newest.get("errorCode").asText()).isEqualTo("FORBIDDEN");
        assertThat(json(response).get("items").get(1).get("apiKeyId").asLong()).isEqualTo(ALICE_KEY);
    }

    @Test
    void filtersNarrowTheResultAndCombine() {
        assertThat(search(ADMIN_TOKEN, "apiKeyId=" + ALICE_KEY)).containsExactly("seed-125", "seed-10", "seed-0");
        assertThat(search(ADMIN_TOKEN, "userId=" + BOB)).containsExactly("seed-65", "seed-30");
        assertThat(search(ADMIN_TOKEN, "status=200")).containsExactly("seed-70", "seed-30", "seed-0");
        assertThat(search(ADMIN_TOKEN, "statusClass=4xx")).containsExactly("seed-130", "seed-125", "seed-80", "seed-10");
        assertThat(search(ADMIN_TOKEN, "statusClass=5xx")).containsExactly("seed-65");
        assertThat(search(ADMIN_TOKEN, "path=/api/v1/orders")).containsExactly("seed-125", "seed-65", "seed-20", "seed-10", "seed-0");
        assertThat(search(ADMIN_TOKEN, "path=/api/v1/orders/")).containsExactly("seed-10");
        assertThat(search(ADMIN_TOKEN, "path=/api/v1/orders&statusClass=2xx&userId=" + ALICE)).containsExactly("seed-20", "seed-0");
        assertThat(requestIds(get(ADMIN_TOKEN, "/api/v1/request-logs?from=2025-03-01T10:00:20Z&to=2025-03-01T10:01:10Z")))
                .containsExactly("seed-65", "seed-30", "seed-20");
        // Offsets other than Z are understood; the + must be encoded in a URL.
        String from = URLEncoder.encode("2025-03-01T11:02:00+01:00", StandardCharsets.UTF_8);
        assertThat(requestIds(get(ADMIN_TOKEN, "/api/v1/request-logs?to=2025-03-01T11:00:00Z&from=" + from)))
                .containsExactly("seed-130", "seed-125");
        // Path prefixes are literal: % and _ are not wildcards.
        assertThat(search(ADMIN_TOKEN, "path=" + URLEncoder.encode("/api/v1/%", StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aTraderSeesOnlyTheirOwnEntriesAlsoThroughTheirApiKey() {
        List<String> alices = List.of("seed-130", "seed-125", "seed-20", "seed-10", "seed-0");
        assertThat(search(ALICE_TOKEN, "")).containsExactlyElementsOf(alices);
        assertThat(search(ALICE_TOKEN, "userId=" + ALICE)).containsExactlyElementsOf(alices);
        assertThat(requestIds(client.get("/api/v1/request-logs?" + WINDOW, "X-API-Key", ALICE_API_KEY))).containsExactlyElementsOf(alices);
        assertThat(search(BOB_TOKEN, "")).containsExactly("seed-65", "seed-30");
    }

    @Test
    void aTraderAskingForAnotherUsersEntriesIsRefusedAndAnotherUsersKeyFindsNothing() {
        HttpResponse<String> refused = get(ALICE_TOKEN, "/api/v1/request-logs?userId=" + BOB);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(get(ALICE_TOKEN, "/api/v1/request-logs/stats?userId=" + BOB).statusCode()).isEqualTo(403);

        assertThat(search(ALICE_TOKEN, "apiKeyId=" + BOB_KEY)).isEmpty();
    }

    @Test
    void anonymousCallersAreRefused() {
        HttpResponse<String> response = client.get("/api/v1/request-logs");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(client.get("/api/v1/request-logs/stats").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrDuplicatesAlsoAcrossEqualTimestamps() {
        List<RequestLogEntry> rows = new ArrayList<>();
        rows.add(pagingRow(PAGING_DAY.plusSeconds(30), "p-newest"));
        for (int i = 0; i < 5; i++) {
            rows.add(pagingRow(PAGING_DAY.plusSeconds(20), "p-same-" + i)); // one instant, five rows
        }
        rows.add(pagingRow(PAGING_DAY.plusSeconds(10), "p-oldest"));
        repository.insertAll(rows);
        String query = "/api/v1/request-logs?userId=" + DAVE + "&limit=2";

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = get(ADMIN_TOKEN, query + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(requestIds(response));
            JsonNode next = json(response).get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            if (pages == 0) {
                // Entries arriving while the client pages (newer ones) never shift or repeat later pages.
                repository.insertAll(List.of(pagingRow(PAGING_DAY.plusSeconds(40), "p-late")));
            }
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().doesNotContain("p-late");
        assertThat(seen.getFirst()).isEqualTo("p-newest");
        assertThat(seen.getLast()).isEqualTo("p-oldest");
        assertThat(new HashSet<>(seen.subList(1, 6))).isEqualTo(Set.of("p-same-0", "p-same-1", "p-same-2", "p-same-3", "p-same-4"));

        assertThat(requestIds(get(ADMIN_TOKEN, query))).containsExactly("p-late", "p-newest");
    }

    private static RequestLogEntry pagingRow(Instant at, String requestId) {
        return RequestLogEntry.of(at, "GET", "/api/v1/paging", 200, 100, DAVE, null, "198.51.100.1", requestId, null);
    }

    @Test
    void statsCountRequestsAndErrorsPerMinuteWithQuietMinutesIncluded() {
        JsonNode stats = json(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?from=2025-03-01T10:00:00Z&to=2025-03-01T10:04:00Z"));

        assertThat(stats.get("from").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(stats.get("to").asText()).isEqualTo("2025-03-01T10:04:00Z");
        JsonNode minutes = stats.get("minutes");
        assertThat(minutes).hasSize(4);
        assertMinute(minutes.get(0), "2025-03-01T10:00:00Z", 4, 1, 0, 0.25);
        assertMinute(minutes.get(1), "2025-03-01T10:01:00Z", 3, 2, 1, 2.0 / 3);
        assertMinute(minutes.get(2), "2025-03-01T10:02:00Z", 2, 2, 0, 1.0);
        assertMinute(minutes.get(3), "2025-03-01T10:03:00Z", 0, 0, 0, 0.0);
        assertThat(minutes.get(0).get("averageLatencyMs").asDouble()).isEqualTo(2.515);

        JsonNode alices = json(get(ALICE_TOKEN, "/api/v1/request-logs/stats?from=2025-03-01T10:00:00Z&to=2025-03-01T10:04:00Z")).get("minutes");
        assertMinute(alices.get(0), "2025-03-01T10:00:00Z", 3, 1, 0, 1.0 / 3);
        assertMinute(alices.get(1), "2025-03-01T10:01:00Z", 0, 0, 0, 0.0);

        JsonNode byKey = json(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?apiKeyId=" + ALICE_KEY
                + "&from=2025-03-01T10:00:00Z&to=2025-03-01T10:04:00Z")).get("minutes");
        assertMinute(byKey.get(2), "2025-03-01T10:02:00Z", 1, 1, 0, 1.0);
    }

    private static void assertMinute(JsonNode minute, String start, long requests, long errors, long serverErrors, double errorRate) {
        assertThat(minute.get("minute").asText()).isEqualTo(start);
        assertThat(minute.get("requests").asLong()).isEqualTo(requests);
        assertThat(minute.get("errors").asLong()).isEqualTo(errors);
        assertThat(minute.get("serverErrors").asLong()).isEqualTo(serverErrors);
        assertThat(minute.get("errorRate").asDouble()).isCloseTo(errorRate, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void statsDefaultToTheLastHour() {
        HttpResponse<String> response = get(ADMIN_TOKEN, "/api/v1/request-logs/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stats = json(response);
        Instant from = Instant.parse(stats.get("from").asText());
        Instant to = Instant.parse(stats.get("to").asText());
        assertThat(Duration.between(from, to)).isEqualTo(RequestLogService.DEFAULT_STATS_RANGE);
        assertThat(to).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
        assertThat(stats.get("minutes").size()).isBetween(60, 61);
    }

    @Test
    void badSearchInputIsA400ProblemListingEveryField() {
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?from=yesterday&to=2025-13-01T00:00:00Z&limit=0"),
                "from", "to", "limit");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z"), "to");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?from=2025-03-01T00:00:00Z&to=2025-03-01T00:00:00Z"), "to");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?limit=501"), "limit");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?to=%2B999999999-01-01T00:00:00Z"), "to");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?from=-999999999-01-01T00:00:00Z"), "from");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?limit=ten"), "limit");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?status=99&statusClass=6xx"), "status", "statusClass");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?status=404&statusClass=4xx"), "statusClass");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?userId=-1&apiKeyId=x"), "userId", "apiKeyId");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?path=orders"), "path");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?path=/" + "a".repeat(300)), "path");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?cursor=not-a-cursor"), "cursor");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?statsu=500"), "statsu");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?status=500&status=404"), "status");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs?userId="), "userId");
    }

    @Test
    void badStatsInputIsA400Problem() {
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?from=2025-03-01T00:00:00Z&to=2025-03-09T00:00:01Z"), "from");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z"), "to");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?from=2020-01-01T00:00:00Z"), "from");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?to=noon"), "to");
        assertValidationProblem(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?status=500"), "status");
        // Exactly seven days is allowed.
        assertThat(get(ADMIN_TOKEN, "/api/v1/request-logs/stats?from=2025-03-01T00:00:00Z&to=2025-03-08T00:00:00Z").statusCode())
                .isEqualTo(200);
    }
}
