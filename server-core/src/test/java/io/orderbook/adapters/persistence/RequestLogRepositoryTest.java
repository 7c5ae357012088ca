package io.orderbook.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RequestLogRepositoryTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    /** Each test writes into its own day and with its own ids, so tests sharing the table do not interfere. */
    private static final AtomicLong DAY = new AtomicLong();

    private final RequestLogRepository log = new RequestLogRepository(db.database(), 100);
    private final Instant day = Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofDays(DAY.incrementAndGet()));
    private final long user = DAY.get() * 1000;
    private final long key = DAY.get() * 1000 + 1;

    private static RequestLogEntry entry(Instant at, String path, int status, Long userId, Long apiKeyId) {
        return RequestLogEntry.of(at, "GET", path, status, 1500, userId, apiKeyId, "203.0.113.9", "req-" + at.toEpochMilli(),
                status >= 400 ? "SOME_ERROR" : null);
    }

    @Test
    void insertAllStoresManyEntriesAndFindReadsEveryFieldBack() {
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            entries.add(entry(day.plusMillis(i), "/api/v1/orders", 200, user, key));
        }
        entries.add(RequestLogEntry.of(day.plusSeconds(10), "POST", "/api/v1/auth/login", 401, 42, null, null, null, null,
                "INVALID_CREDENTIALS"));

        log.insertAll(entries);

        Page<RequestLogEntry> page = log.find(RequestLogFilter.all().between(day, day.plus(Duration.ofDays(1))),
                PageRequest.first(3));
        assertThat(page.total()).isEqualTo(2_346);
        RequestLogEntry newest = page.items().getFirst();
        assertThat(newest.id()).isPositive();
        assertThat(newest.occurredAt()).isEqualTo(day.plusSeconds(10));
        assertThat(newest.method()).isEqualTo("POST");
        assertThat(newest.path()).isEqualTo("/api/v1/auth/login");
        assertThat(newest.status()).isEqualTo(401);
        assertThat(newest.latencyMicros()).isEqualTo(42);
        assertThat(newest.userId()).isEmpty();
        assertThat(newest.apiKeyId()).isEmpty();
        assertThat(newest.clientIp()).isEmpty();
        assertThat(newest.requestId()).isEmpty();
        assertThat(newest.errorCode()).contains("INVALID_CREDENTIALS");
        RequestLogEntry next = page.items().get(1);
        assertThat(next.occurredAt()).isEqualTo(day.plusMillis(2_344));
        assertThat(next.userId()).contains(user);
        assertThat(next.apiKeyId()).contains(key);
        assertThat(next.clientIp()).contains("203.0.113.9");
        assertThat(next.requestId()).contains("req-" + day.plusMillis(2_344).toEpochMilli());
    }

    @Test
    void oddTextSurvivesTheBulkWriteExactlyAndAbsentFieldsStayNull() {
        RequestLogEntry odd = RequestLogEntry.of(day.plusNanos(123_456_000), "PATCH", "/a,\"b\"\n'c'\\d; e", 400, 7,
                null, null, "", "req,\"x\"", "");
        RequestLogEntry bare = RequestLogEntry.of(day.plusSeconds(1), "GET", "/plain", 200, 1, null, null, null, null, null);
        log.insertAll(List.of(odd, bare));

        List<RequestLogEntry> found = log.find(RequestLogFilter.all().between(day, day.plusSeconds(2)),
                PageRequest.first(10)).items();
        assertThat(found).hasSize(2);
        RequestLogEntry readOdd = found.get(1);
        assertThat(readOdd.occurredAt()).isEqualTo(odd.occurredAt());
        assertThat(readOdd.path()).isEqualTo(odd.path());
        assertThat(readOdd.clientIp()).contains("");
        assertThat(readOdd.requestId()).isEqualTo(odd.requestId());
        assertThat(readOdd.errorCode()).contains("");
        RequestLogEntry readBare = found.get(0);
        assertThat(readBare.userId()).isEmpty();
        assertThat(readBare.clientIp()).isEmpty();
        assertThat(readBare.requestId()).isEmpty();
        assertThat(readBare.errorCode()).isEmpty();
    }

    @Test
    void insertAllJoinsAnOuterTransactionAndRollsBackWithIt() {
        assertThatThrownBy(() -> db.database().runInTransaction(session -> {
            log.insertAll(List.of(entry(day, "/rolled-back", 200, user, key)));
            throw new IllegalStateException("abort");
        })).hasMessage("abort");

        assertThat(log.find(RequestLogFilter.all().withPathPrefix("/rolled-back"), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void filtersCombine() {
        long otherUser = user + 2;
        long otherKey = key + 2;
        log.insertAll(List.of(
                entry(day.plusSeconds(1), "/api/v1/orders", 200, user, key),
                entry(day.plusSeconds(2), "/api/v1/orders/7", 404, user, key),
                entry(day.plusSeconds(3), "/api/v1/markets", 200, user, null),
                entry(day.plusSeconds(4), "/api/v1/orders", 503, otherUser, otherKey),
                entry(day.plusSeconds(5), "/api/v1/orders", 429, null, null)));
        RequestLogFilter thisDay = RequestLogFilter.all().between(day, day.plus(Duration.ofDays(1)));

        assertThat(paths(thisDay.forApiKey(key))).containsExactly("/api/v1/orders/7", "/api/v1/orders");
        assertThat(paths(thisDay.forUser(user))).containsExactly("/api/v1/markets", "/api/v1/orders/7", "/api/v1/orders");
        assertThat(statuses(thisDay.withStatus(404))).containsExactly(404);
        assertThat(statuses(thisDay.withStatusBetween(400, 599))).containsExactly(429, 503, 404);
        assertThat(statuses(thisDay.withPathPrefix("/api/v1/orders"))).containsExactly(429, 503, 404, 200);
        assertThat(statuses(thisDay.forUser(user).withPathPrefix("/api/v1/orders").withStatusBetween(200, 299)))
                .containsExactly(200);
        assertThat(statuses(RequestLogFilter.all().forUser(user).between(day.plusSeconds(2), day.plusSeconds(3))))
                .containsExactly(404);
        assertThat(statuses(RequestLogFilter.all().forUser(user).since(day.plusSeconds(3)))).containsExactly(200);
        assertThat(statuses(RequestLogFilter.all().forUser(user).before(day.plusSeconds(2)))).containsExactly(200);
    }

    @Test
    void aPathPrefixIsTakenLiterallyNotAsAPattern() {
        log.insertAll(List.of(
                entry(day, "/files/100%_done", 200, user, key),
                entry(day, "/files/100abdone", 200, user, key),
                entry(day, "/files/a!b", 200, user, key)));
        RequestLogFilter mine = RequestLogFilter.all().forUser(user);

        assertThat(paths(mine.withPathPrefix("/files/100%_"))).containsExactly("/files/100%_done");
        assertThat(paths(mine.withPathPrefix("/files/a!"))).containsExactly("/files/a!b");
    }

    @Test
    void pagesAreNewestFirstAndDoNotOverlap() {
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            entries.add(entry(day.plusSeconds(i), "/paged/" + i, 200, user, key));
        }
        log.insertAll(entries);
        RequestLogFilter mine = RequestLogFilter.all().forUser(user);

        Page<RequestLogEntry> first = log.find(mine, PageRequest.first(10));
        Page<RequestLogEntry> third = log.find(mine, new PageRequest(20, 10));

        assertThat(first.total()).isEqualTo(25);
        assertThat(first.items()).extracting(RequestLogEntry::path).startsWith("/paged/24", "/paged/23");
        assertThat(third.items()).extracting(RequestLogEntry::path)
                .containsExactly("/paged/4", "/paged/3", "/paged/2", "/paged/1", "/paged/0");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void countPerMinuteCountsRequestsAndErrorsAndFillsQuietMinutes() {
        Instant minute = day.plus(Duration.ofHours(1));
        log.insertAll(List.of(
                entry(minute.plusSeconds(1), "/a", 200, user, key),
                entry(minute.plusSeconds(2), "/a", 201, user, key),
                entry(minute.plusSeconds(3), "/a", 404, user, key),
                entry(minute.plusSeconds(59), "/a", 500, user, key),
                // minute + 1 stays quiet
                entry(minute.plusSeconds(125), "/a", 429, user, key),
                entry(minute.plusSeconds(130), "/a", 200, user + 5, key + 5)));

        List<RequestLogMinute> perMinute = log.countPerMinute(
                RequestLogFilter.all().forUser(user).between(minute, minute.plus(Duration.ofMinutes(3))));

        assertThat(perMinute).containsExactly(
                new RequestLogMinute(minute, 4, 1, 1, 1500),
                new RequestLogMinute(minute.plusSeconds(60), 0, 0, 0, 0),
                new RequestLogMinute(minute.plusSeconds(120), 1, 1, 0, 1500));
        assertThat(perMinute.getFirst().errorRate()).isEqualTo(0.5);
        assertThat(perMinute.get(1).errorRate()).isZero();
    }

    @Test
    void countPerMinuteNeedsABoundedTimeRange() {
        assertThatThrownBy(() -> log.countPerMinute(RequestLogFilter.all().since(day)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.countPerMinute(RequestLogFilter.all().between(day, day.plus(Duration.ofDays(8)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteOlderThanRemovesOnlyOlderEntriesInChunks() {
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            entries.add(entry(day.minus(Duration.ofDays(400)).plusSeconds(i), "/old", 200, user, key));
        }
        entries.add(entry(day, "/recent", 200, user, key));
        log.insertAll(entries);

        long deleted = log.deleteOlderThan(day.minus(Duration.ofDays(399)));

        assertThat(deleted).isEqualTo(250); // three chunks of at most 100
        assertThat(paths(RequestLogFilter.all().forUser(user))).containsExactly("/recent");
    }

    @Test
    void anEntryRejectsAStatusTheTableWouldRefuse() {
        assertThatThrownBy(() -> entry(day, "/x", 99, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(day, "/x", 600, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestLogEntry.of(day, "GET", "/x", 200, -1, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(entry(day, "/x", 200, null, null).userId()).isEqualTo(Optional.empty());
    }

    private List<String> paths(RequestLogFilter filter) {
        return log.find(filter, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(RequestLogEntry::path).toList();
    }

    private List<Integer> statuses(RequestLogFilter filter) {
        return log.find(filter, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(RequestLogEntry::status).toList();
    }
}
