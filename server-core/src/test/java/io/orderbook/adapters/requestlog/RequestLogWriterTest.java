package io.orderbook.adapters.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderbook.adapters.http.pipeline.RequestLogEntry;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.RequestLogFilter;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RequestLogWriterTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    /** Each test logs under its own user id, so tests sharing the table do not see each other's rows. */
    private static final AtomicLong USER = new AtomicLong(1000);

    private final RequestLogRepository repository = new RequestLogRepository(db.database());
    private final long user = USER.incrementAndGet();

    private RequestLogEntry entry(int i) {
        return new RequestLogEntry(Instant.now(), "GET", "/api/v1/things/" + i, 200, Duration.ofNanos(1_234_567),
                user, null, "203.0.113.7", "req-" + user + "-" + i, null);
    }

    private long stored() {
        return repository.find(RequestLogFilter.all().forUser(user), PageRequest.first(1)).total();
    }

    /** The real repository, counting the transactions it is asked for. */
    private final class CountingStore implements RequestLogWriter.BatchStore {
        final AtomicInteger transactions = new AtomicInteger();

        @Override
        public void insertAll(List<io.orderbook.adapters.persistence.RequestLogEntry> batch) {
            transactions.incrementAndGet();
            repository.insertAll(batch);
        }
    }

    @Test
    void manyEntriesFromManyThreadsAreWrittenInFewTransactions() throws InterruptedException {
        CountingStore store = new CountingStore();
        RequestLogWriter writer = RequestLogWriter.builder(store).batchSize(500).build();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5_000; i++) {
                int n = i;
                requests.submit(() -> writer.record(entry(n)));
            }
        }
        Eventually.await(Duration.ofSeconds(10), "all entries are written", () -> writer.written() == 5_000);

        assertThat(stored()).isEqualTo(5_000);
        assertThat(store.transactions.get()).isEqualTo((int) writer.batches()).isBetween(10, 100);
        assertThat(writer.dropped()).isZero();
        writer.close();
    }

    @Test
    void aLoneEntryIsWrittenWithinTheFlushInterval() {
        try (RequestLogWriter writer = RequestLogWriter.builder(repository).flushInterval(Duration.ofMillis(200)).build()) {
            long start = System.nanoTime();
            writer.record(entry(1));
            Eventually.await(Duration.ofSeconds(5), "the entry is stored", () -> stored() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(writer.batches()).isEqualTo(1);
        }
    }

    @Test
    void closeWritesWhatIsStillQueued() {
        RequestLogWriter writer = RequestLogWriter.builder(repository).flushInterval(Duration.ofMinutes(5)).batchSize(10_000).build();
        for (int i = 0; i < 1234; i++) {
            writer.record(entry(i));
        }
        assertThat(stored()).isZero();

        writer.close();

        assertThat(stored()).isEqualTo(1234);
        assertThat(writer.written()).isEqualTo(1234);
        assertThat(writer.dropped()).isZero();
    }

    @Test
    void storedEntriesKeepEveryField() {
        Instant at = Instant.parse("2031-05-06T07:08:09.123456Z");
        try (RequestLogWriter writer = RequestLogWriter.builder(repository).build()) {
            writer.record(new RequestLogEntry(at, "DELETE", "/api/v1/api-keys/5", 429, Duration.ofMillis(3), user, 77L,
                    "198.51.100.4", "my-request-1", "RATE_LIMITED"));
        }
        Page<io.orderbook.adapters.persistence.RequestLogEntry> page = repository.find(RequestLogFilter.all().forUser(user), PageRequest.first(5));
        var row = page.items().getFirst();
        assertThat(row.occurredAt()).isEqualTo(at);
        assertThat(row.method()).isEqualTo("DELETE");
        assertThat(row.path()).isEqualTo("/api/v1/api-keys/5");
        assertThat(row.status()).isEqualTo(429);
        assertThat(row.latencyMicros()).isEqualTo(3_000);
        assertThat(row.userId()).contains(user);
        assertThat(row.apiKeyId()).contains(77L);
        assertThat(row.clientIp()).contains("198.51.100.4");
        assertThat(row.requestId()).contains("my-request-1");
        assertThat(row.errorCode()).contains("RATE_LIMITED");
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingOrThrowing() throws InterruptedException {
        CountDownLatch storeEntered = new CountDownLatch(1);
        CountDownLatch releaseStore = new CountDownLatch(1);
        RequestLogWriter.BatchStore slowStore = batch -> {
            storeEntered.countDown();
            try {
                releaseStore.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            repository.insertAll(batch);
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RequestLogWriter writer = RequestLogWriter.builder(slowStore).capacity(10).batchSize(1).meterRegistry(meters).build();
        writer.record(entry(0));
        assertThat(storeEntered.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        for (int i = 1; i <= 100; i++) {
            int n = i;
            assertThatCode(() -> writer.record(entry(n))).doesNotThrowAnyException();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        assertThat(writer.queued()).isEqualTo(10);
        assertThat(writer.droppedQueueFull()).isEqualTo(90);
        assertThat(meters.get("request.log.entries").tag("outcome", "dropped_queue_full").functionCounter().count()).isEqualTo(90);
        assertThat(meters.get("request.log.queue.size").gauge().value()).isEqualTo(10);

        releaseStore.countDown();
        writer.close();
        assertThat(writer.written()).isEqualTo(11);
        assertThat(stored()).isEqualTo(11);
        assertThat(meters.get("request.log.entries").tag("outcome", "written").functionCounter().count()).isEqualTo(11);
    }

    @Test
    void aRefusedBatchIsRetriedAndTheWriterKeepsWorking() {
        AtomicInteger calls = new AtomicInteger();
        RequestLogWriter.BatchStore flakyStore = batch -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("database briefly unavailable");
            repository.insertAll(batch);
        };
        try (RequestLogWriter writer = RequestLogWriter.builder(flakyStore).build()) {
            writer.record(entry(1));
            Eventually.await(Duration.ofSeconds(5), "the entry is stored on the second attempt", () -> stored() == 1);
            writer.record(entry(2));
            Eventually.await(Duration.ofSeconds(5), "later entries are stored", () -> stored() == 2);
            assertThat(writer.dropped()).isZero();
        }
    }

    @Test
    void aBatchTheDatabaseKeepsRefusingIsDroppedAndCounted() {
        RequestLogWriter.BatchStore brokenStore = batch -> {
            throw new IllegalStateException("database down");
        };
        RequestLogWriter writer = RequestLogWriter.builder(brokenStore).build();
        writer.record(entry(1));
        writer.record(entry(2));
        Eventually.await(Duration.ofSeconds(10), "the batch is given up", () -> writer.dropped() == 2);
        writer.close();
        assertThat(writer.written()).isZero();
    }

    @Test
    void invalidEntriesAreDroppedWithoutFailingTheirBatch() {
        RequestLogWriter writer = RequestLogWriter.builder(repository).flushInterval(Duration.ofMinutes(1)).build();
        writer.record(new RequestLogEntry(Instant.now(), "GET", "/x", 0, Duration.ZERO, user, null, null, "bad-status", null));
        writer.record(null);
        writer.record(entry(1));
        writer.close();

        assertThat(writer.written()).isEqualTo(1);
        assertThat(writer.dropped()).isEqualTo(1);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void overlongPathsAreCutAndNegativeLatenciesClamped() {
        String longPath = "/api/v1/" + "a".repeat(5_000);
        var row = RequestLogWriter.toRow(new RequestLogEntry(Instant.now(), "GET", longPath, 404, Duration.ofMillis(-5),
                null, null, "::1", "r", "NOT_FOUND"));
        assertThat(row.path()).hasSize(RequestLogWriter.MAX_PATH_LENGTH).startsWith("/api/v1/aaa");
        assertThat(row.latencyMicros()).isZero();
    }

    @Test
    void entriesRecordedAfterCloseAreCountedNotThrown() {
        RequestLogWriter writer = RequestLogWriter.builder(repository).build();
        writer.close();
        assertThatCode(() -> writer.record(entry(1))).doesNotThrowAnyException();
        assertThat(writer.dropped()).isEqualTo(1);
        writer.close();
    }
}
