package io.orderbook.application.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.RequestLogEntry;
import io.orderbook.adapters.persistence.RequestLogFilter;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RequestLogRetentionTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();

    @Test
    void deletesEntriesOlderThanTheRetentionPeriodOnly() {
        RequestLogRepository repository = new RequestLogRepository(db.database());
        TestClock clock = TestClock.atFixedInstant();
        Instant now = clock.instant();
        repository.insertAll(List.of(
                entry(now.minus(Duration.ofDays(40)), "old-1"),
                entry(now.minus(Duration.ofDays(30)).minusSeconds(1), "old-2"),
                entry(now.minus(Duration.ofDays(30)).plusSeconds(1), "kept-1"),
                entry(now.minus(Duration.ofDays(1)), "kept-2")));
        RequestLogRetention retention = new RequestLogRetention(repository, 30, clock);

        assertThat(retention.purge()).isEqualTo(2);
        assertThat(retention.purge()).isZero();
        assertThat(repository.find(RequestLogFilter.all(), PageRequest.first(10)).items())
                .extracting(e -> e.requestId().orElseThrow()).containsExactly("kept-2", "kept-1");

        clock.advance(Duration.ofDays(2));
        assertThat(retention.purge()).isEqualTo(1);
    }

    @Test
    void keepsAtLeastOneDay() {
        assertThatThrownBy(() -> new RequestLogRetention(new RequestLogRepository(db.database()), 0, TestClock.atFixedInstant()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RequestLogEntry entry(Instant at, String requestId) {
        return RequestLogEntry.of(at, "GET", "/api/v1/x", 200, 10, 1L, null, "127.0.0.1", requestId, null);
    }
}
