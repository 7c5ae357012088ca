package io.orderbook.adapters.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.persistence.ApiKeyRepository;
import io.orderbook.adapters.persistence.ApiKeyRow;
import io.orderbook.adapters.persistence.ApiKeyScope;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.UserRow;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class LastUseRecorderTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    static final TestClock clock = TestClock.atSystemTime();
    static final AtomicInteger prefixes = new AtomicInteger(10_000_000);
    final ApiKeyRepository keys = new ApiKeyRepository(db.database(), clock);

    private long newKey() {
        UserRow owner = new UserRepository(db.database(), clock).insert(new UserRow("u" + prefixes.incrementAndGet(), "h", UserRole.TRADER, true));
        return keys.insert(new ApiKeyRow(owner.id(), "k", Integer.toString(prefixes.incrementAndGet()), "hash", ApiKeyScope.READ_ONLY, 10,
                null, List.of())).id();
    }

    private Instant lastUsed(long id) {
        return keys.findById(id).orElseThrow().lastUsedAt().orElse(null);
    }

    @Test
    void many_uses_become_one_write_of_the_latest_use_per_key() {
        long a = newKey();
        long b = newKey();
        Instant t0 = clock.instant();
        try (LastUseRecorder recorder = new LastUseRecorder(keys, Duration.ofHours(1))) {
            for (int i = 0; i < 1000; i++) recorder.record(a, t0.plusMillis(i));
            recorder.record(b, t0);
            recorder.record(a, t0.minusSeconds(1));
            assertThat(lastUsed(a)).isNull();

            recorder.flush();

            assertThat(lastUsed(a)).isEqualTo(t0.plusMillis(999));
            assertThat(lastUsed(b)).isEqualTo(t0);
        }
    }

    @Test
    void the_background_thread_flushes_and_close_writes_what_is_left() throws InterruptedException {
        long a = newKey();
        long b = newKey();
        LastUseRecorder recorder = new LastUseRecorder(keys, Duration.ofMillis(20));
        recorder.record(a, clock.instant());
        for (int i = 0; i < 100 && lastUsed(a) == null; i++) Thread.sleep(20);
        assertThat(lastUsed(a)).isEqualTo(clock.instant());

        LastUseRecorder idle = new LastUseRecorder(keys, Duration.ofHours(1));
        idle.record(b, clock.instant());
        idle.close();
        recorder.close();

        assertThat(lastUsed(b)).isEqualTo(clock.instant());
    }

    @Test
    void a_deleted_key_does_not_break_the_flush() {
        long a = newKey();
        long gone = newKey();
        keys.delete(gone);
        try (LastUseRecorder recorder = new LastUseRecorder(keys, Duration.ofHours(1))) {
            recorder.record(gone, clock.instant());
            recorder.record(a, clock.instant());
            recorder.flush();
        }
        assertThat(lastUsed(a)).isEqualTo(clock.instant());
    }
}
