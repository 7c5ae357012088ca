package io.orderbook.adapters.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes simulated prices ({@link PriceWalk}) to the price topic at a steady rate, for the embedded mode and
 * demos: valid events as docs/price-events.md describes them, keyed by token, prices as decimal strings at each
 * token's scale, source {@value #SOURCE}. The seed fixes the prices, not the event ids (random UUIDs, so that a
 * restarted simulator's events are new events).
 */
public final class PriceSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PriceSimulator.class);
    /** The {@code source} of every event it publishes. */
    public static final String SOURCE = "simulator";
    /** How often the publisher wakes up to send what is due. */
    private static final long TICK_MILLIS = 10;

    private final String topic;
    private final int eventsPerSecond;
    private final PriceWalk walk;
    private final Clock clock;
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService timer;
    private final AtomicLong published = new AtomicLong();
    private long startedNanos;
    private long sent;

    /**
     * A simulator that publishes nothing before {@link #start()}.
     *
     * @param bootstrapServers the cluster
     * @param topic            the price topic
     * @param tokens           what it prices
     * @param eventsPerSecond  events over all tokens; each token gets its turn every {@code tokens/eventsPerSecond}
     *                         seconds, and its volatility is scaled to that step
     * @param seed             fixes the random walk
     * @param clock            stamps the events
     */
    public PriceSimulator(String bootstrapServers, String topic, List<SimulatedToken> tokens, int eventsPerSecond,
                          long seed, Clock clock) {
        this.topic = Objects.requireNonNull(topic, "topic");
        if (eventsPerSecond < 1) {
            throw new IllegalArgumentException("eventsPerSecond must be positive");
        }
        this.eventsPerSecond = eventsPerSecond;
        this.walk = new PriceWalk(tokens, seed);
        this.clock = Objects.requireNonNull(clock, "clock");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "price-simulator");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("price-simulator").daemon()
                .factory());
    }

    /**
     * Starts publishing.
     *
     * @return this
     */
    public PriceSimulator start() {
        timer.execute(() -> startedNanos = System.nanoTime());
        timer.scheduleAtFixedRate(this::publishDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Price simulator publishing {} events a second to {}", eventsPerSecond, topic);
        return this;
    }

    /**
     * How many events were handed to the producer so far.
     *
     * @return the count
     */
    public long published() {
        return published.get();
    }

    /** Stops publishing and closes the producer after sending what it holds. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /** Sends as many events as the rate allows since the start; catches up after a pause, in one burst at most a second. */
    private void publishDue() {
        try {
            long due = (System.nanoTime() - startedNanos) * eventsPerSecond / 1_000_000_000L;
            if (due - sent > eventsPerSecond) {
                sent = due - eventsPerSecond;
            }
            double dt = (double) walk.tokenCount() / eventsPerSecond;
            while (sent < due) {
                PriceWalk.Step step = walk.step(dt);
                producer.send(new ProducerRecord<>(topic, step.token(), event(step)), (metadata, failure) -> {
                    if (failure != null) {
                        LOG.debug("A simulated price was not published", failure);
                    }
                });
                sent++;
                published.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task it would stop the simulator for good.
            LOG.warn("The price simulator could not publish", e);
        }
    }

    private String event(PriceWalk.Step step) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("token", step.token());
        event.put("price", step.price().toPlainString());
        event.put("timestamp", clock.instant().toString());
        event.put("source", SOURCE);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
