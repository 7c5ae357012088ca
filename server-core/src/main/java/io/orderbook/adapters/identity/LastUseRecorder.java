package io.orderbook.adapters.identity;

import io.orderbook.adapters.persistence.ApiKeyRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers when each API key was last used and writes that to the database in one batch every flush
 * interval, on a virtual thread, instead of one write per request. Only the latest use per key is kept,
 * so memory is bounded by the number of keys in use.
 */
public final class LastUseRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LastUseRecorder.class);

    private final ApiKeyRepository keys;
    private final Duration flushInterval;
    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread flusher;

    /**
     * Starts the flushing thread; {@link #close()} stops it after a last flush.
     *
     * @param keys          where the last uses are written
     * @param flushInterval how long uses are collected between two writes
     * @throws IllegalArgumentException if {@code flushInterval} is not positive
     */
    public LastUseRecorder(ApiKeyRepository keys, Duration flushInterval) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (flushInterval.isNegative() || flushInterval.isZero()) throw new IllegalArgumentException("flushInterval must be positive");
        this.flushInterval = flushInterval;
        this.flusher = Thread.ofVirtual().name("api-key-last-use").start(this::flushPeriodically);
    }

    /** Notes a use of the key; cheap, called on every authenticated request. */
    void record(long keyId, Instant at) {
        Instant known = pending.get(keyId);
        if (known == null || at.isAfter(known)) pending.put(keyId, at);
    }

    /** Writes what was recorded since the last flush; a failure is logged and the next uses are written later. */
    void flush() {
        if (pending.isEmpty()) return;
        Map<Long, Instant> batch = new HashMap<>();
        for (Map.Entry<Long, Instant> use : pending.entrySet()) {
            batch.put(use.getKey(), use.getValue());
            // Keeps a newer use recorded meanwhile for the next flush.
            pending.remove(use.getKey(), use.getValue());
        }
        try {
            keys.touchLastUsed(batch);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the last use of {} API key(s); they are written with their next use", batch.size(), e);
        }
    }

    private void flushPeriodically() {
        try {
            while (!stopping.await(flushInterval.toNanos(), TimeUnit.NANOSECONDS)) flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the thread and writes what is left. The thread is woken, never interrupted: interrupting a
     * virtual thread in socket I/O closes the socket, which would break the connection of a flush in progress.
     */
    @Override
    public void close() {
        stopping.countDown();
        try {
            flusher.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
