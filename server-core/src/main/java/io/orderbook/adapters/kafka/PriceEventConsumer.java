package io.orderbook.adapters.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads price events from Kafka in a consumer group, on a thread of its own, and hands each poll's valid events to a
 * {@link PriceObserver} in the order received, then to an {@link Archive} (the price history) that may finish later.
 *
 * <p>Delivery is at least once: a batch's offsets are committed only after the observer returned, its dead letters
 * were acknowledged and its archive (and that of every earlier batch) is durable, so after a crash or a rebalance
 * the uncommitted events come again. The archive runs beside the next batches (at most
 * {@value #MAX_PENDING_BATCHES} open), so a slow database does not hold up the observer. Commits are asynchronous,
 * at most one every {@code COMMIT_INTERVAL} (100 ms) for all batches durable by then, and synchronous when partitions
 * are revoked and at close. When the
 * observer throws, nothing is committed: the consumer seeks back to the batch's first offsets and polls it again
 * after a backoff that doubles up to a maximum, and goes on once the observer succeeds. Malformed and stale events
 * never stop it: each is counted ({@code price_events_total} by outcome and reason) and sent to the dead-letter
 * topic with its key, value and headers, plus {@value #REASON_HEADER} (a {@link PriceEventReader.Reason}),
 * {@value #DETAIL_HEADER}, and where it came from ({@value #TOPIC_HEADER}, {@value #PARTITION_HEADER},
 * {@value #OFFSET_HEADER}). A batch that is retried dead-letters its bad events again.
 */
public final class PriceEventConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PriceEventConsumer.class);
    /** Dead-letter header: why the event was refused, a {@link PriceEventReader.Reason}. */
    public static final String REASON_HEADER = "dlq.reason";
    /** Dead-letter header: what is wrong, for people. */
    public static final String DETAIL_HEADER = "dlq.detail";
    /** Dead-letter header: the topic the event was read from. */
    public static final String TOPIC_HEADER = "dlq.topic";
    /** Dead-letter header: the partition the event was read from. */
    public static final String PARTITION_HEADER = "dlq.partition";
    /** Dead-letter header: the event's offset. */
    public static final String OFFSET_HEADER = "dlq.offset";

    /**
     * A slower step that must be durable before a batch's offsets are committed but need not hold up the observer
     * or the next batch, such as the price history. Started after the observer returned, in batch order.
     */
    @FunctionalInterface
    public interface Archive {
        /**
         * Starts storing the batch.
         *
         * @param ticks the batch's valid events
         * @return completes once the batch is durable, or fails
         */
        CompletableFuture<?> store(List<PriceTick> ticks);
    }

    /** Batches handled but not yet archived are bounded: past this many the consumer waits for the oldest. */
    static final int MAX_PENDING_BATCHES = 64;
    /**
     * The shortest time between two asynchronous offset commits. A commit per batch (hundreds a second under load)
     * costs the broker a write to its offsets topic each; what a longer interval risks is only that a crash
     * redelivers up to this much more, which the observer handles as any redelivery.
     */
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A batch the observer has seen whose archive is not known to be durable yet. */
    private record Pending(Map<TopicPartition, OffsetAndMetadata> next, Map<TopicPartition, Long> first,
                           CompletableFuture<?> archived) {
    }

    /** Where a consumer group without committed offsets starts. */
    public enum StartFrom {
        /** The oldest retained event (its stale ones go to the dead-letter topic). */
        EARLIEST,
        /** Only events published after the group first joined. */
        LATEST
    }

    /**
     * How to consume.
     *
     * @param bootstrapServers the cluster
     * @param topic            the price topic
     * @param deadLetterTopic  where refused events go
     * @param groupId          the consumer group; instances sharing it share the partitions
     * @param startFrom        where a new group starts
     * @param maxPollRecords   most events per batch handed to the observer
     * @param pollTimeout      how long one poll waits for events
     * @param minBackoff       the first wait before a failed batch is retried
     * @param maxBackoff       the longest wait between retries
     */
    public record Settings(String bootstrapServers, String topic, String deadLetterTopic, String groupId,
                           StartFrom startFrom, int maxPollRecords, Duration pollTimeout, Duration minBackoff,
                           Duration maxBackoff) {

        /** Checks that every part is given and the batch size is positive. */
        public Settings {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(startFrom, "startFrom");
            if (maxPollRecords < 1) {
                throw new IllegalArgumentException("maxPollRecords must be positive");
            }
            Objects.requireNonNull(pollTimeout, "pollTimeout");
            Objects.requireNonNull(minBackoff, "minBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }

        /**
         * Batches of up to 2,000 events, 100 ms polls, retries after 100 ms doubling up to 10 s.
         *
         * @param bootstrapServers the cluster
         * @param topic            the price topic
         * @param deadLetterTopic  where refused events go
         * @param groupId          the consumer group
         * @param startFrom        where a new group starts
         * @return the settings
         */
        public static Settings defaults(String bootstrapServers, String topic, String deadLetterTopic, String groupId,
                                        StartFrom startFrom) {
            return new Settings(bootstrapServers, topic, deadLetterTopic, groupId, startFrom, 2000,
                    Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(10));
        }

        /**
         * The same settings with another retry backoff.
         *
         * @param min the first wait before a failed batch is retried
         * @param max the longest wait between retries
         * @return the settings
         */
        public Settings withBackoff(Duration min, Duration max) {
            return new Settings(bootstrapServers, topic, deadLetterTopic, groupId, startFrom, maxPollRecords,
                    pollTimeout, min, max);
        }
    }

    private final Settings settings;
    private final PriceEventReader reader;
    private final PriceObserver observer;
    private final Archive archive;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Counter valid;
    private final Map<PriceEventReader.Reason, Counter> refused = new EnumMap<>(PriceEventReader.Reason.class);
    private final Counter failedBatches;
    private final Timer batchTime;
    private final Timer readTime;
    private final Timer commitTime;
    /** What was handled and not yet committed synchronously: committed at a rebalance and at close. */
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    /** Durable batches' offsets not committed yet: the next asynchronous commit takes them. */
    private final Map<TopicPartition, OffsetAndMetadata> durable = new HashMap<>();
    private long lastCommitNanos = System.nanoTime() - COMMIT_INTERVAL_NANOS;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Connects (lazily, as kafka-clients does) but reads nothing before {@link #start()}.
     *
     * @param settings what to consume and how
     * @param reader   validates each event
     * @param observer receives each batch of valid events; the consumer commits after it returns
     * @param registry where the metrics go
     */
    public PriceEventConsumer(Settings settings, PriceEventReader reader, PriceObserver observer,
                              MeterRegistry registry) {
        this(settings, reader, observer, ticks -> CompletableFuture.completedFuture(null), registry);
    }

    /**
     * Connects (lazily) but reads nothing before {@link #start()}.
     *
     * @param settings what to consume and how
     * @param reader   validates each event
     * @param observer receives each batch of valid events
     * @param archive  stores each batch after the observer returned; the batch is committed once that is durable
     * @param registry where the metrics go
     */
    public PriceEventConsumer(Settings settings, PriceEventReader reader, PriceObserver observer, Archive archive,
                              MeterRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(producerProperties(settings), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.valid = Counter.builder("price.events").description("Price events read from Kafka, by outcome")
                .tag("outcome", "valid").tag("reason", "none").register(registry);
        for (PriceEventReader.Reason reason : PriceEventReader.Reason.values()) {
            refused.put(reason, Counter.builder("price.events").description("Price events read from Kafka, by outcome")
                    .tag("outcome", reason == PriceEventReader.Reason.STALE ? "stale" : "malformed")
                    .tag("reason", reason.name()).register(registry));
        }
        this.failedBatches = Counter.builder("price.batches.failed")
                .description("Batches of price events the observer failed on; each is retried").register(registry);
        this.batchTime = Timer.builder("price.batch.duration")
                .description("Time to handle one poll's price events, observer included").register(registry);
        this.readTime = Timer.builder("price.batch.step").tag("step", "read")
                .description("Time of one step of handling a batch of valid price events").register(registry);
        this.commitTime = Timer.builder("price.batch.step").tag("step", "commit")
                .description("Time of one step of handling a batch of valid price events").register(registry);
        this.thread = Thread.ofPlatform().name("price-consumer").daemon().unstarted(this::run);
    }

    private static Properties consumerProperties(Settings settings) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.startFrom().name().toLowerCase());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxPollRecords()));
        // fetch.min.bytes stays 1: the broker answers as soon as an event arrived. Waiting for a fuller fetch
        // (64 KiB or 5 ms) saved some CPU at 50,000 events/s but cost an idle server 5-7% of a core more
        // (a 5 to 20 ms wait alike) and every event up to the wait at moderate rates.
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(32 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "price-consumer-" + settings.groupId());
        return p;
    }

    private static Properties producerProperties(Settings settings) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "price-dead-letters-" + settings.groupId());
        return p;
    }

    /**
     * Starts reading.
     *
     * @return this
     */
    public PriceEventConsumer start() {
        thread.start();
        return this;
    }

    /** Stops polling (waking a poll that waits), lets the batch in hand finish, and closes the clients. */
    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close();
            deadLetters.close();
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("The price consumer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Another instance takes these over: it must start after what this one handled.
                    drainPending();
                    commitHandled();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            Duration backoff = settings.minBackoff();
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
                boolean ok = records.isEmpty() || handle(records);
                if (!ok) {
                    rewind(records);
                }
                ok &= settle();
                if (ok) {
                    backoff = settings.minBackoff();
                } else {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                            ? settings.maxBackoff() : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The price consumer stopped on an unexpected failure", e);
        } finally {
            try {
                drainPending();
                commitHandled();
            } catch (WakeupException e) {
                // close() woke a consumer that was not polling; the wake-up is spent now, so commit again.
                commitHandled();
            } catch (RuntimeException e) {
                LOG.warn("Could not commit the last handled price events; they will be read again", e);
            }
            try {
                consumer.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not close the price consumer cleanly", e);
            }
            deadLetters.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    /** Handles one poll; returns whether its offsets were committed. */
    private boolean handle(ConsumerRecords<byte[], byte[]> records) {
        long started = System.nanoTime();
        List<PriceTick> ticks = new ArrayList<>(records.count());
        List<Future<RecordMetadata>> deadLettered = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            switch (reader.read(record.value())) {
                case PriceEventReader.Valid v -> ticks.add(v.tick());
                case PriceEventReader.Refused r -> deadLettered.add(deadLetter(record, r));
            }
        }
        readTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (!ticks.isEmpty()) {
            try {
                observer.onPrices(List.copyOf(ticks));
            } catch (RuntimeException e) {
                failedBatches.increment();
                LOG.warn("Handling {} price events failed; they will be read again", ticks.size(), e);
                return false;
            }
        }
        if (!deadLettered.isEmpty() && !acknowledged(deadLettered)) {
            // Committing now would lose a dead letter the broker never took: read the batch again instead.
            return false;
        }
        CompletableFuture<?> archived;
        try {
            archived = ticks.isEmpty() ? CompletableFuture.completedFuture(null) : archive.store(List.copyOf(ticks));
        } catch (RuntimeException e) {
            archived = CompletableFuture.failedFuture(e);
        }
        pending.addLast(new Pending(nextOffsets(records), firstOffsets(records), archived));
        valid.increment(ticks.size());
        batchTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return true;
    }

    /**
     * Commits the batches whose archive is durable, oldest first, waiting for the oldest when too many are open.
     * Returns false when an archive failed: the consumer then seeks back to that batch, and it and every later one
     * are read again.
     */
    private boolean settle() throws InterruptedException {
        while (!pending.isEmpty()) {
            Pending oldest = pending.peekFirst();
            if (!oldest.archived().isDone()) {
                if (pending.size() <= MAX_PENDING_BATCHES) {
                    break;
                }
                try {
                    oldest.archived().get();
                } catch (ExecutionException e) {
                    // handled below
                }
            }
            if (oldest.archived().isCompletedExceptionally()) {
                failedBatches.increment();
                LOG.warn("Storing a batch of price events failed; it is read again", failureOf(oldest.archived()));
                // Every open batch is read again: seek each partition back to its oldest uncommitted offset.
                Map<TopicPartition, Long> earliest = new HashMap<>();
                for (Pending open : pending) {
                    open.first().forEach(earliest::putIfAbsent);
                }
                earliest.forEach((partition, offset) -> {
                    if (consumer.assignment().contains(partition)) {
                        consumer.seek(partition, offset);
                    }
                });
                pending.clear();
                commitDurable();
                return false;
            }
            pending.removeFirst();
            handled.putAll(oldest.next());
            durable.putAll(oldest.next());
        }
        if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
            commitDurable();
        }
        return true;
    }

    private void commitDurable() {
        if (durable.isEmpty()) {
            return;
        }
        long committing = System.nanoTime();
        lastCommitNanos = committing;
        // Asynchronous: the next batch need not wait for the broker. A commit lost in a crash only means those
        // events come again (at least once); rebalances and close() commit synchronously.
        consumer.commitAsync(new HashMap<>(durable), (committed, failure) -> {
            if (failure != null) {
                LOG.debug("An offset commit failed; a later one covers it", failure);
            }
        });
        durable.clear();
        commitTime.record(System.nanoTime() - committing, TimeUnit.NANOSECONDS);
    }

    /** Waits for every open archive, in order, and marks the durable ones handled; stops at the first failure. */
    private void drainPending() {
        while (!pending.isEmpty()) {
            Pending oldest = pending.removeFirst();
            try {
                oldest.archived().get(30, TimeUnit.SECONDS);
                handled.putAll(oldest.next());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // Neither this batch nor later ones are committed: whoever reads next gets them again.
                break;
            }
        }
        pending.clear();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    private void commitHandled() {
        if (!handled.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(handled);
            owned.keySet().retainAll(consumer.assignment());
            if (!owned.isEmpty()) {
                consumer.commitSync(owned);
            }
            handled.clear();
            durable.clear();
        }
    }

    private boolean acknowledged(List<Future<RecordMetadata>> sends) {
        deadLetters.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                failedBatches.increment();
                LOG.warn("Could not write to the dead-letter topic {}; the batch will be read again",
                        settings.deadLetterTopic(), e.getCause());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<byte[], byte[]> record, PriceEventReader.Refused refusal) {
        refused.get(refusal.reason()).increment();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, bytes(refusal.reason().name()));
        headers.add(DETAIL_HEADER, bytes(refusal.detail()));
        headers.add(TOPIC_HEADER, bytes(record.topic()));
        headers.add(PARTITION_HEADER, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET_HEADER, bytes(Long.toString(record.offset())));
        LOG.debug("Price event at {}-{}@{} refused: {} {}", record.topic(), record.partition(), record.offset(),
                refusal.reason(), refusal.detail());
        return deadLetters.send(new ProducerRecord<>(settings.deadLetterTopic(), null, record.key(), record.value(),
                headers));
    }

    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).getFirst().offset());
        }
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(partition, records.records(partition).getFirst().offset());
        }
        return offsets;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return offsets;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
