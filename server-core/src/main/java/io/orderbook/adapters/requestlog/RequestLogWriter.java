package io.orderbook.adapters.requestlog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderbook.adapters.http.pipeline.RequestLogSink;
import io.orderbook.adapters.persistence.RequestLogEntry;
import io.orderbook.adapters.persistence.RequestLogRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the request log asynchronously and in batches. The HTTP edge calls {@link #record} once per
 * answered request; it only puts the entry in a bounded queue and never blocks or throws. A background
 * virtual thread takes entries off the queue and stores them with one transaction per batch: a batch is
 * written when it has {@code batchSize} entries or {@code flushInterval} after its first entry arrived,
 * whichever comes first. {@link #close()} writes what is still queued.
 *
 * <p>When the queue is full (the database is slower than the traffic, or down) new entries are dropped
 * and counted, so request latency never depends on the database. A batch the database refuses is retried
 * a few times with a pause, then dropped and counted. The counts are exported as
 * {@code request_log_entries_total{outcome=...}}, with {@code request_log_batches_total} (one per
 * transaction) and the gauge {@code request_log_queue_size}.
 *
 * <p>What is stored: time of arrival, method, the raw request path without its query string (so a
 * secret in a query parameter never reaches the log; see {@link io.orderbook.adapters.http.pipeline.RequestLogEntry}),
 * status, latency, user and key ids, client address, request id and error code. Never a header value, a
 * body, a token or a key. Overlong paths (scanners) are cut to {@value #MAX_PATH_LENGTH} characters.
 */
public final class RequestLogWriter implements RequestLogSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogWriter.class);

    private static final int DEFAULT_CAPACITY = 50_000;
    private static final int DEFAULT_BATCH_SIZE = 2_000;
    private static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);
    /** How long {@link #close()} waits for the queue to be written. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** Longer paths are cut: they come from scanners, and the log must not grow by what a client sends. */
    public static final int MAX_PATH_LENGTH = 512;
    private static final int MAX_METHOD_LENGTH = 16;
    private static final int MAX_CLIENT_IP_LENGTH = 64;
    /** Attempts to store one batch before its entries are dropped; pauses grow from {@link #RETRY_PAUSE}. */
    private static final int WRITE_ATTEMPTS = 3;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    /**
     * Longest single wait on the queue, so the worker notices {@link #close()} promptly. Interrupting it
     * instead would also abort a JDBC write in progress (on a virtual thread it closes the socket).
     */
    private static final long WAKE_UP_NANOS = Duration.ofMillis(50).toNanos();
    /** How long the writer sleeps between looks at the queue while a batch fills up. */
    private static final long FILL_PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    /** Where batches go: {@link RequestLogRepository#insertAll} in the server, anything that stores a list in tests. */
    @FunctionalInterface
    interface BatchStore {
        /** Stores all entries in one transaction, or throws and stores none. */
        void insertAll(List<RequestLogEntry> batch);
    }

    private final BatchStore store;
    private final BlockingQueue<io.orderbook.adapters.http.pipeline.RequestLogEntry> queue;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final Thread worker;
    private volatile boolean closing;

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong droppedQueueFull = new AtomicLong();
    private final AtomicLong droppedClosed = new AtomicLong();
    private final AtomicLong droppedInvalid = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    private RequestLogWriter(Builder b) {
        this.store = b.store;
        this.queue = new ArrayBlockingQueue<>(b.capacity);
        this.batchSize = b.batchSize;
        this.flushIntervalNanos = b.flushInterval.toNanos();
        if (b.meterRegistry != null) {
            registerMeters(b.meterRegistry);
        }
        this.worker = Thread.ofVirtual().name("request-log-writer").start(this::run);
    }

    /**
     * Starts configuring a writer that stores into the repository.
     *
     * @param repository where batches are stored, one transaction each
     * @return a builder with the default settings; {@link Builder#build()} starts the writer
     */
    public static Builder builder(RequestLogRepository repository) {
        Objects.requireNonNull(repository, "repository");
        return new Builder(repository::insertAll);
    }

    /** A writer storing through any {@link BatchStore}. */
    static Builder builder(BatchStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    /** Enqueues the entry; drops and counts it when the queue is full or the writer is closed. Never throws. */
    @Override
    public void record(io.orderbook.adapters.http.pipeline.RequestLogEntry entry) {
        if (entry == null) {
            return;
        }
        if (closing) {
            droppedClosed.incrementAndGet();
        } else if (!queue.offer(entry)) {
            droppedQueueFull.incrementAndGet();
        }
    }

    /**
     * Entries stored so far.
     *
     * @return how many entries the database accepted since the writer started
     */
    public long written() {
        return written.get();
    }

    /**
     * Entries not stored: the queue was full, the writer closed, the entry invalid, or the database refused them.
     *
     * @return how many entries were dropped since the writer started, for all these reasons together
     */
    public long dropped() {
        return droppedQueueFull.get() + droppedClosed.get() + droppedInvalid.get() + failed.get();
    }

    /** Entries dropped because the queue was full. */
    long droppedQueueFull() {
        return droppedQueueFull.get();
    }

    /**
     * Transactions used so far, one per stored batch.
     *
     * @return how many batches were stored since the writer started
     */
    public long batches() {
        return batches.get();
    }

    /**
     * Entries waiting to be stored.
     *
     * @return how many entries are queued now, not counting a batch being written
     */
    public int queued() {
        return queue.size();
    }

    /**
     * Stops taking entries, writes what is queued and stops the background thread. Call it after the HTTP
     * server has stopped, so no request is still being recorded. Waits at most 10 s; what is not written by
     * then is dropped and counted.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            if (!worker.join(CLOSE_TIMEOUT)) {
                LOG.warn("Request log writer did not finish within {}; {} entries are dropped", CLOSE_TIMEOUT, queue.size());
                worker.interrupt();
                worker.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        }
        // Recorded while closing (the worker had already seen an empty queue): nobody will write these.
        int left = queue.size();
        queue.clear();
        droppedClosed.addAndGet(left);
        LOG.info("Request log writer closed: {} entries written in {} batches, {} dropped", written(), batches(), dropped());
    }

    private void run() {
        List<io.orderbook.adapters.http.pipeline.RequestLogEntry> batch = new ArrayList<>(batchSize);
        try {
            while (!closing || !queue.isEmpty()) {
                var first = poll(flushIntervalNanos);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is in hand is not written.
            failed.addAndGet(batch.size());
        } catch (RuntimeException | Error e) {
            LOG.error("Request log writer stopped unexpectedly; later entries are dropped", e);
            failed.addAndGet(batch.size());
            closing = true;
        }
    }

    /** Adds entries until the batch is full or the flush interval since its first entry has passed. */
    private void fill(List<io.orderbook.adapters.http.pipeline.RequestLogEntry> batch) throws InterruptedException {
        long deadline = System.nanoTime() + flushIntervalNanos;
        while (batch.size() < batchSize) {
            queue.drainTo(batch, batchSize - batch.size());
            long wait = deadline - System.nanoTime();
            // While closing, write at once instead of waiting for more.
            if (batch.size() >= batchSize || closing || wait <= 0) {
                return;
            }
            // Sleep instead of waiting on the queue: a writer waiting there is woken by every single entry,
            // and at thousands of requests a second those wake-ups cost more CPU than storing the rows.
            Thread.sleep(Duration.ofNanos(Math.min(wait, FILL_PAUSE_NANOS)));
        }
    }

    /** The next entry within {@code nanos}, or null when none came or the writer started closing. */
    private io.orderbook.adapters.http.pipeline.RequestLogEntry poll(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            long left = deadline - System.nanoTime();
            var entry = queue.poll(Math.min(Math.max(left, 0), WAKE_UP_NANOS), TimeUnit.NANOSECONDS);
            if (entry != null || closing || left <= WAKE_UP_NANOS) {
                return entry;
            }
        }
    }

    private void write(List<io.orderbook.adapters.http.pipeline.RequestLogEntry> batch) throws InterruptedException {
        List<RequestLogEntry> rows = new ArrayList<>(batch.size());
        for (var entry : batch) {
            RequestLogEntry row = toRow(entry);
            if (row == null) {
                droppedInvalid.incrementAndGet();
            } else {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                store.insertAll(rows);
                written.addAndGet(rows.size());
                batches.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                if (attempt >= WRITE_ATTEMPTS || closing) {
                    failed.addAndGet(rows.size());
                    LOG.warn("Could not write {} request log entries (attempt {}); they are dropped", rows.size(), attempt, e);
                    return;
                }
                LOG.warn("Could not write {} request log entries (attempt {}); retrying: {}", rows.size(), attempt, e.toString());
                Thread.sleep(RETRY_PAUSE.multipliedBy(attempt));
            }
        }
    }

    /** The row to store, or null when the entry cannot be stored (it would fail the whole batch). */
    static RequestLogEntry toRow(io.orderbook.adapters.http.pipeline.RequestLogEntry entry) {
        if (entry.time() == null || entry.method() == null || entry.path() == null
                || entry.status() < 100 || entry.status() > 599) {
            return null;
        }
        long latencyMicros = entry.latency() == null ? 0 : Math.max(0, entry.latency().toNanos() / 1_000);
        return RequestLogEntry.of(entry.time(), cut(entry.method(), MAX_METHOD_LENGTH), cut(entry.path(), MAX_PATH_LENGTH),
                entry.status(), latencyMicros, entry.userId(), entry.apiKeyId(),
                entry.clientIp() == null ? null : cut(entry.clientIp(), MAX_CLIENT_IP_LENGTH),
                entry.requestId(), entry.errorCode());
    }

    private static String cut(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }

    private void registerMeters(MeterRegistry registry) {
        String entries = "request.log.entries";
        String description = "Request log entries by outcome: written, or dropped and why";
        FunctionCounter.builder(entries, written, AtomicLong::get).tag("outcome", "written").description(description).register(registry);
        FunctionCounter.builder(entries, droppedQueueFull, AtomicLong::get).tag("outcome", "dropped_queue_full").description(description).register(registry);
        FunctionCounter.builder(entries, droppedClosed, AtomicLong::get).tag("outcome", "dropped_closed").description(description).register(registry);
        FunctionCounter.builder(entries, droppedInvalid, AtomicLong::get).tag("outcome", "dropped_invalid").description(description).register(registry);
        FunctionCounter.builder(entries, failed, AtomicLong::get).tag("outcome", "failed").description(description).register(registry);
        FunctionCounter.builder("request.log.batches", batches, AtomicLong::get)
                .description("Request log batches written, one transaction each").register(registry);
        Gauge.builder("request.log.queue.size", queue, BlockingQueue::size)
                .description("Request log entries waiting to be written").register(registry);
    }

    /** Settings of a {@link RequestLogWriter}; all have defaults. {@link #build()} starts the background thread. */
    public static final class Builder {
        private final BatchStore store;
        private int capacity = DEFAULT_CAPACITY;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
        private MeterRegistry meterRegistry;

        private Builder(BatchStore store) {
            this.store = store;
        }

        /**
         * Sets how many entries the queue holds before new ones are dropped.
         *
         * @param capacity entries; default 50,000
         * @return this builder
         * @throws IllegalArgumentException if {@code capacity} is less than 1
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets the most entries stored per transaction.
         *
         * @param batchSize entries; default 2,000
         * @return this builder
         * @throws IllegalArgumentException if {@code batchSize} is less than 1
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive");
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the longest an entry waits for its batch to fill.
         *
         * @param interval at least 1 ms; default 200 ms
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is shorter than 1 ms
         */
        public Builder flushInterval(Duration interval) {
            if (interval.toMillis() < 1) throw new IllegalArgumentException("flushInterval must be at least 1 ms");
            this.flushInterval = interval;
            return this;
        }

        /**
         * Sets where the writer's counters are exported; none by default.
         *
         * @param registry receives the {@code request.log.*} meters; not null
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Starts a writer with these settings.
         *
         * @return the running writer; {@link RequestLogWriter#close()} stops it
         */
        public RequestLogWriter build() {
            return new RequestLogWriter(this);
        }
    }
}
