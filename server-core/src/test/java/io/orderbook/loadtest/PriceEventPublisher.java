package io.orderbook.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The price-event load runs' producer, in a JVM of its own as a real price feed would be: the garbage it makes
 * (about a third of what the runs allocated when it shared the consumer's JVM) and its collections are not the
 * consumer's. {@link PriceEventBenchmark} starts it with {@link #start} and drives it over its standard input, one
 * command a line, each answered with {@code done} on its standard output once the events are with the broker:
 * <pre>
 * join                                     one event "{}" (the consumer dead-letters it, which shows it has joined)
 * publish PHASE MEASURED EVENTS PER_SECOND  events with ids TOPIC-PHASE-0 ..., priced by the feed
 * </pre>
 * The process ends when its standard input closes.
 */
public final class PriceEventPublisher {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final PriceEventBenchmark.PriceFeed feed;

    private PriceEventPublisher(String bootstrapServers, String topic, PriceEventBenchmark.PriceFeed feed) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.feed = feed;
    }

    /**
     * The process's entry point.
     *
     * @param args the broker's bootstrap servers, the topic, the feed's class (with a constructor taking the tokens
     *             and the start price), the start price, then the tokens
     */
    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        List<String> tokens = Arrays.asList(args).subList(4, args.length);
        var constructor = Class.forName(args[2]).asSubclass(PriceEventBenchmark.PriceFeed.class)
                .getDeclaredConstructor(List.class, BigDecimal.class);
        constructor.setAccessible(true);
        PriceEventBenchmark.PriceFeed feed = constructor.newInstance(tokens, new BigDecimal(args[3]));
        PriceEventPublisher publisher = new PriceEventPublisher(args[0], args[1], feed);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (publisher.producer) {
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                String[] command = line.split(" ");
                switch (command[0]) {
                    case "join" -> publisher.producer.send(new ProducerRecord<>(publisher.topic, "warm-up", "{}"));
                    case "publish" -> publisher.publish(command[1], Boolean.parseBoolean(command[2]),
                            Integer.parseInt(command[3]), Integer.parseInt(command[4]));
                    default -> throw new IllegalArgumentException("unknown command: " + line);
                }
                publisher.producer.flush();
                System.out.println("done");
                System.out.flush();
            }
        }
    }

    /**
     * Sends the events at the given pace, each stamped with the time it is sent. Once ahead of the pace it sleeps
     * a millisecond and then sends all that came due meanwhile: waking for every event (every 20 µs at 50,000/s)
     * cost the producer thread a quarter of a core on this machine.
     */
    private void publish(String phase, boolean measured, int events, int eventsPerSecond) {
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            if (eventsPerSecond > 0) {
                long due = started + (long) i * 1_000_000_000L / eventsPerSecond;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
            PriceEventBenchmark.Priced priced = feed.next(measured, i, events);
            String event = "{\"eventId\":\"" + topic + "-" + phase + "-" + i + "\",\"token\":\"" + priced.token()
                    + "\",\"price\":\"" + priced.price().toPlainString() + "\",\"timestamp\":\"" + Instant.now()
                    + "\",\"source\":\"load\"}";
            producer.send(new ProducerRecord<>(topic, priced.token(), event));
        }
    }

    /**
     * Starts the producer's process with this JVM's Java and class path, without the options of
     * {@code JDK_JAVA_OPTIONS}; its errors go to this JVM's.
     *
     * @param feed the class of the feed, with a constructor taking the tokens and the start price
     */
    public static Running start(String bootstrapServers, String topic, Class<? extends PriceEventBenchmark.PriceFeed> feed,
                                BigDecimal startPrice, List<String> tokens) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PriceEventPublisher.class.getName(),
                bootstrapServers, topic, feed.getName(), startPrice.toPlainString()));
        command.addAll(tokens);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // Options given to the measured JVM (a GC log, a flight recording) are not the producer's.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        try {
            return new Running(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the price-event producer", e);
        }
    }

    /** The producer's process, seen from the load run. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;

        private Running(Process process) {
            this.process = process;
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.commands = new PrintWriter(in, true);
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The process's id. */
        public long pid() {
            return process.pid();
        }

        /** Sends the event "{}" and waits until the broker has it. */
        public void join() {
            command("join");
        }

        /** Publishes a phase's events at the pace (0: as fast as it can) and waits until the broker has them. */
        public void publish(String phase, boolean measured, int events, int eventsPerSecond) {
            command("publish " + phase + " " + measured + " " + events + " " + eventsPerSecond);
        }

        private void command(String line) {
            commands.println(line);
            try {
                // Other lines are the process's own output (its logging, the JVM's messages): passed on.
                for (String answer = answers.readLine(); !"done".equals(answer); answer = answers.readLine()) {
                    if (answer == null) {
                        throw new IllegalStateException("the price-event producer ended before it did " + line);
                    }
                    System.err.println("price-event producer: " + answer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the price-event producer did not answer " + line, e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            commands.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
