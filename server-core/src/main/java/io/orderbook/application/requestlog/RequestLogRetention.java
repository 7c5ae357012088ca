package io.orderbook.application.requestlog;

import io.orderbook.adapters.persistence.RequestLogRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the request log to its configured age: {@link #purge()} deletes entries older than the retention
 * period. The server runs it once a day; running it more often or on several nodes at once is harmless.
 */
public final class RequestLogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogRetention.class);

    private final RequestLogRepository repository;
    private final Duration keep;
    private final Clock clock;

    /**
     * Creates the retention job.
     *
     * @param repository where the log is stored
     * @param keepDays   how many days of entries to keep, at least 1
     * @param clock      what "now" is
     */
    public RequestLogRetention(RequestLogRepository repository, int keepDays, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        if (keepDays < 1) {
            throw new IllegalArgumentException("keepDays must be at least 1, was " + keepDays);
        }
        this.keep = Duration.ofDays(keepDays);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Deletes the entries that occurred more than the retention period ago.
     *
     * @return how many entries were deleted
     */
    public long purge() {
        Instant cutoff = clock.instant().minus(keep);
        long deleted = repository.deleteOlderThan(cutoff);
        if (deleted > 0) {
            LOG.info("Request log retention: deleted {} entries older than {}", deleted, cutoff);
        }
        return deleted;
    }

    /** {@return the retention period} */
    public Duration keep() {
        return keep;
    }
}
