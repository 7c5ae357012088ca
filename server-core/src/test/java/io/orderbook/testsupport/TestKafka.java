package io.orderbook.testsupport;

import io.orderbook.bootstrap.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker tests run against: one in-process {@link EmbeddedKafka} per test JVM, started on first use and
 * stopped at JVM exit. Tests share it and isolate themselves with their own topic names and group ids
 * ({@link #uniqueName}). The system property {@code obw.test.kafka=host:port} points the tests at a running broker
 * instead.
 *
 * <pre>{@code
 * String topic = TestKafka.createTopic(TestKafka.uniqueName("prices"), 1);
 * TestKafka.send(topic, "BTC", "{...}");
 * List<ConsumerRecord<String, String>> seen = TestKafka.read(topic, 1, Duration.ofSeconds(10));
 * }</pre>
 */
public final class TestKafka {

    private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);
    private static String bootstrapServers;
    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    /** The shared broker's {@code bootstrap.servers}, starting it if needed. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String configured = System.getProperty("obw.test.kafka", "").strip();
            if (!configured.isEmpty()) {
                LOG.info("Tests use the Kafka broker at {}", configured);
                bootstrapServers = configured;
            } else {
                EmbeddedKafka broker = EmbeddedKafka.startTemporary();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-stop"));
                bootstrapServers = broker.bootstrapServers();
            }
        }
        return bootstrapServers;
    }

    /** A topic or group name no other test uses, e.g. {@code prices-5f3a9c1e27}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    /** Creates a topic with one replica and waits until it exists; returns its name. */
    public static String createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            return name;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    /** Sends one record with string key and value and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** A shared producer of string records (acks=all), for tests to feed topics. */
    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            KafkaProducer<String, String> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(2)), "test-producer-close"));
        }
        return producer;
    }

    /**
     * Reads a topic from the beginning, without a consumer group, until {@code count} records arrived or the
     * timeout passed; returns what arrived (possibly fewer).
     */
    public static List<ConsumerRecord<String, String>> read(String topic, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<org.apache.kafka.common.TopicPartition> partitions = Set.copyOf(
                    consumer.partitionsFor(topic, timeout).stream()
                            .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
