package io.orderbook.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderbook.adapters.kafka.PriceEventConsumer.StartFrom;
import io.orderbook.application.prices.PriceBar;
import io.orderbook.application.prices.PriceModule;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestKafka;
import io.orderbook.testsupport.TestRedis;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The price consumer against the real broker, PostgreSQL and Redis, wired as {@link PriceModule} wires it. */
class PriceEventConsumerTest {

    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();

    final String topic = TestKafka.createTopic(TestKafka.uniqueName("prices"), 1);
    final String deadLetters = TestKafka.createTopic(topic + ".dlq", 1);
    final String group = TestKafka.uniqueName("group");
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final List<PriceTick> observed = new CopyOnWriteArrayList<>();
    PriceModule module;

    @AfterEach
    void stop() {
        if (module != null) {
            module.close();
        }
    }

    PriceModule start(PriceObserver observer) {
        PriceEventConsumer.Settings consumer = PriceEventConsumer.Settings.defaults(TestKafka.bootstrapServers(), topic,
                deadLetters, group, StartFrom.EARLIEST).withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        return new PriceModule(new PriceModule.Settings(consumer, Duration.ofSeconds(60), Optional.empty()),
                db.database(), redis.client(), observer, metrics, Clock.systemUTC());
    }

    static String event(String eventId, String token, String price, Instant timestamp) {
        return "{\"eventId\":\"" + eventId + "\",\"token\":\"" + token + "\",\"price\":" + price
                + ",\"timestamp\":\"" + timestamp + "\",\"source\":\"test\"}";
    }

    void awaitObserved(int count) {
        Eventually.await(Duration.ofSeconds(30), count + " events observed", () -> observed.size() >= count);
    }

    @Test
    void validEventsReachRedisPostgresAndThenTheObserver() throws Exception {
        String btc = ("T" + TestKafka.uniqueName("x").substring(2)).toUpperCase();
        Instant now = Instant.now();
        // Redis is written while the observer works (the batch is done once both are), so it is checked after.
        module = start(observed::addAll);
        TestKafka.send(topic, btc, event("e1-" + group, btc, "\"64000.10\"", now.minusSeconds(2)));
        TestKafka.send(topic, btc, event("e2-" + group, btc, "64000.2000", now.minusSeconds(1)));
        TestKafka.send(topic, btc, event("e0-" + group, btc, "\"63999.00\"", now.minusSeconds(3)));
        awaitObserved(3);

        assertThat(observed).extracting(PriceTick::eventId).containsExactly("e1-" + group, "e2-" + group, "e0-" + group);
        assertThat(observed.get(1).price()).isEqualTo(new BigDecimal("64000.2000"));
        // The older third event did not move the latest price back in time (Redis may finish after the observer).
        Eventually.await(Duration.ofSeconds(30), "the latest price", () -> module.latestPrices().latest(btc)
                .map(PriceTick::price).filter(p -> p.equals(new BigDecimal("64000.2000"))).isPresent());
        assertThat(module.latestPrices().latest(btc)).map(PriceTick::price).contains(new BigDecimal("64000.2000"));
        assertThat(module.latestPrices().all()).containsKey(btc);
        // Three events a second apart: three bars of one event each, by time.
        Eventually.await(Duration.ofSeconds(30), "the history",
                () -> module.history().bars(btc, now.minusSeconds(10), 10).size() == 3);
        List<PriceBar> bars = module.history().bars(btc, now.minusSeconds(10), 10);
        assertThat(bars).extracting(bar -> bar.close().eventId()).containsExactly("e0-" + group, "e1-" + group, "e2-" + group);
        assertThat(bars).extracting(bar -> bar.close().price())
                .containsExactly(new BigDecimal("63999.00"), new BigDecimal("64000.10"), new BigDecimal("64000.2000"));

        // A redelivered event reaches the observer again (it is idempotent) and leaves the history as it was.
        TestKafka.send(topic, btc, event("e2-" + group, btc, "64000.2000", now.minusSeconds(1)));
        awaitObserved(4);
        Eventually.await(Duration.ofSeconds(30), "the batch committed",
                () -> metrics.counter("price.events", "outcome", "valid", "reason", "none").count() == 4);
        assertThat(module.history().bars(btc, now.minusSeconds(10), 10)).isEqualTo(bars);
        assertThat(metrics.counter("price.events", "outcome", "valid", "reason", "none").count()).isEqualTo(4);
    }

    @Test
    void malformedAndStaleEventsGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        module = start(observed::addAll);
        Instant now = Instant.now();
        Map<String, String> bad = Map.of(
                "bad-json", "{not json",
                "missing", "{\"eventId\":\"m\",\"token\":\"BTC\",\"timestamp\":\"" + now + "\",\"source\":\"s\"}",
                "negative", event("n-" + group, "BTC", "\"-5\"", now),
                "bad-token", event("t-" + group, "not a token", "\"5\"", now),
                "stale", event("s-" + group, "BTC", "\"5\"", now.minus(Duration.ofMinutes(10))));
        bad.forEach((key, value) -> TestKafka.send(topic, key, value));
        TestKafka.send(topic, "good", event("g-" + group, "BTC", "\"5\"", now));

        awaitObserved(1);
        assertThat(observed).extracting(PriceTick::eventId).containsExactly("g-" + group);
        List<ConsumerRecord<String, String>> letters = TestKafka.read(deadLetters, bad.size(), Duration.ofSeconds(30));
        Map<String, ConsumerRecord<String, String>> byKey = letters.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, Function.identity()));
        assertThat(byKey).containsOnlyKeys(bad.keySet());
        assertThat(header(byKey.get("bad-json"), PriceEventConsumer.REASON_HEADER)).isEqualTo("INVALID_JSON");
        assertThat(header(byKey.get("missing"), PriceEventConsumer.REASON_HEADER)).isEqualTo("MISSING_FIELD");
        assertThat(header(byKey.get("missing"), PriceEventConsumer.DETAIL_HEADER)).contains("price");
        assertThat(header(byKey.get("negative"), PriceEventConsumer.REASON_HEADER)).isEqualTo("INVALID_FIELD");
        assertThat(header(byKey.get("negative"), PriceEventConsumer.DETAIL_HEADER)).contains("positive");
        assertThat(header(byKey.get("bad-token"), PriceEventConsumer.REASON_HEADER)).isEqualTo("INVALID_FIELD");
        assertThat(header(byKey.get("stale"), PriceEventConsumer.REASON_HEADER)).isEqualTo("STALE");
        assertThat(header(byKey.get("stale"), PriceEventConsumer.TOPIC_HEADER)).isEqualTo(topic);
        assertThat(byKey.get("bad-json").value()).isEqualTo("{not json");

        assertThat(metrics.counter("price.events", "outcome", "malformed", "reason", "INVALID_FIELD").count()).isEqualTo(2);
        assertThat(metrics.counter("price.events", "outcome", "malformed", "reason", "INVALID_JSON").count()).isEqualTo(1);
        assertThat(metrics.counter("price.events", "outcome", "malformed", "reason", "MISSING_FIELD").count()).isEqualTo(1);
        assertThat(metrics.counter("price.events", "outcome", "stale", "reason", "STALE").count()).isEqualTo(1);
    }

    @Test
    void offsetsAreCommittedOnlyAfterTheObserverReturned() {
        AtomicInteger calls = new AtomicInteger();
        module = start(ticks -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the observer fails once");
            }
            observed.addAll(ticks);
        });
        Instant now = Instant.now();
        TestKafka.send(topic, "BTC", event("a-" + group, "BTC", "\"1\"", now));
        awaitObserved(1);
        assertThat(calls.get()).as("called again after failing").isGreaterThanOrEqualTo(2);
        assertThat(observed).extracting(PriceTick::eventId).containsExactly("a-" + group);
        assertThat(metrics.counter("price.batches.failed").count()).isEqualTo(1);
        module.close();

        // A new consumer in the same group starts after the committed event.
        observed.clear();
        module = start(observed::addAll);
        TestKafka.send(topic, "BTC", event("b-" + group, "BTC", "\"2\"", Instant.now()));
        awaitObserved(1);
        assertThat(observed).extracting(PriceTick::eventId).containsExactly("b-" + group);
    }

    @Test
    void anObserverThatNeverReturnedLeavesTheEventsForTheNextConsumer() throws Exception {
        // The first consumer's observer fails every time, so nothing is committed before it stops.
        module = start(ticks -> {
            throw new IllegalStateException("always failing");
        });
        TestKafka.send(topic, "BTC", event("c-" + group, "BTC", "\"3\"", Instant.now()));
        Eventually.await(Duration.ofSeconds(30), "a failed batch",
                () -> metrics.counter("price.batches.failed").count() >= 1);
        module.close();

        module = start(observed::addAll);
        awaitObserved(1);
        assertThat(observed).extracting(PriceTick::eventId).containsExactly("c-" + group);
    }

    @Test
    void aBatchIsCommittedOnlyOnceItsArchiveIsDurable() {
        AtomicInteger archives = new AtomicInteger();
        PriceEventConsumer.Settings settings = PriceEventConsumer.Settings.defaults(TestKafka.bootstrapServers(), topic,
                deadLetters, group, StartFrom.EARLIEST).withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        PriceEventReader reader = new PriceEventReader(Duration.ofSeconds(60), Clock.systemUTC());
        PriceEventConsumer.Archive failingOnce = ticks -> archives.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("the archive fails once"))
                : CompletableFuture.completedFuture(null);
        try (PriceEventConsumer consumer = new PriceEventConsumer(settings, reader, observed::addAll, failingOnce,
                metrics).start()) {
            TestKafka.send(topic, "BTC", event("d-" + group, "BTC", "\"4\"", Instant.now()));
            awaitObserved(2);
            // Seen once before the archive failed, once more when read again.
            assertThat(observed).extracting(PriceTick::eventId).containsExactly("d-" + group, "d-" + group);
            Eventually.await(Duration.ofSeconds(30), "the archive stored", () -> archives.get() >= 2);
        }
        observed.clear();
        try (PriceEventConsumer consumer = new PriceEventConsumer(settings, reader, observed::addAll, metrics).start()) {
            TestKafka.send(topic, "BTC", event("e-" + group, "BTC", "\"5\"", Instant.now()));
            awaitObserved(1);
            assertThat(observed).extracting(PriceTick::eventId).containsExactly("e-" + group);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
