package io.orderbook.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.testsupport.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process broker: the shared test broker works, and one with a data directory keeps its data. */
class EmbeddedKafkaTest {

    @Test
    void theSharedTestBrokerCarriesRecords() {
        String topic = TestKafka.createTopic(TestKafka.uniqueName("embedded"), 2);
        TestKafka.send(topic, "k", "hello");
        List<ConsumerRecord<String, String>> read = TestKafka.read(topic, 1, Duration.ofSeconds(20));
        assertThat(read).extracting(ConsumerRecord::value).containsExactly("hello");
    }

    @Test
    void aBrokerWithADataDirectoryKeepsItsTopicsAcrossRestarts(@TempDir Path dir) throws Exception {
        String topic = "kept";
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            send(broker.bootstrapServers(), topic, "first run");
        }
        assertThat(Files.exists(dir.resolve("kafka/meta.properties"))).isTrue();
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
            assertThat(readAll(broker.bootstrapServers(), topic, 1)).containsExactly("first run");
        }
    }

    private static void send(String bootstrap, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "check",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
