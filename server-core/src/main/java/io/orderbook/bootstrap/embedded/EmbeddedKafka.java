package io.orderbook.bootstrap.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker run inside this process: one KRaft node that is both broker and controller, listening on
 * 127.0.0.1 and free ports, for the embedded mode and tests. Internal topics have replication factor 1 and
 * consumer groups start without the initial rebalance delay.
 *
 * <p>This is the only class that touches the broker's internal classes ({@code kafka.server}, {@code kafka.tools}),
 * which are not a public API and may change between Kafka versions; everything else speaks to the broker
 * through kafka-clients and {@link #bootstrapServers()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    /** A free port can be taken between finding and binding it; try again with others. */
    private static final int START_ATTEMPTS = 3;
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, int port, Path logDir, boolean deleteOnClose) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts a broker that keeps its topics in {@code logDir} between runs (formatting it on first use).
     *
     * @param logDir where the broker keeps its log and metadata; created if missing
     * @return the running broker
     * @throws IllegalStateException when the broker does not start
     */
    public static EmbeddedKafka start(Path logDir) {
        return start(logDir, false);
    }

    /**
     * Starts a throwaway broker for tests: its data lives in a temporary directory deleted on {@link #close()}.
     *
     * @return the running broker
     * @throws java.io.UncheckedIOException if the temporary directory cannot be created
     * @throws IllegalStateException when the broker does not start
     */
    public static EmbeddedKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("embedded-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the embedded Kafka broker", e);
        }
    }

    private static EmbeddedKafka start(Path logDir, boolean deleteOnClose) {
        long started = System.nanoTime();
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int brokerPort = FreePorts.loopback();
            int controllerPort = FreePorts.loopback();
            Properties properties = properties(logDir, brokerPort, controllerPort);
            try {
                format(logDir, properties);
                KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
                try {
                    server.startup();
                } catch (RuntimeException e) {
                    stop(server);
                    throw e;
                }
                LOG.info("Embedded Kafka started on 127.0.0.1:{} in {} ms", brokerPort,
                        (System.nanoTime() - started) / 1_000_000);
                return new EmbeddedKafka(server, brokerPort, logDir, deleteOnClose);
            } catch (RuntimeException e) {
                lastFailure = e;
                LOG.debug("Embedded Kafka did not start on ports {}/{} (attempt {})", brokerPort, controllerPort, attempt, e);
            }
        }
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
        throw new IllegalStateException("cannot start the embedded Kafka broker", lastFailure);
    }

    private static Properties properties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic has a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer coordinator partitions than the default 50: quicker to create on a small machine.
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "1");
        return p;
    }

    /** Formats the log directory for a new cluster; a directory formatted by an earlier run is kept as it is. */
    private static void format(Path logDir, Properties properties) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path config = Files.createTempFile("embedded-kafka-", ".properties");
            try {
                try (OutputStream out = Files.newOutputStream(config)) {
                    properties.store(out, "embedded Kafka");
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                int status;
                try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                    status = StorageTool.execute(new String[]{"format", "-t",
                            Uuid.randomUuid().toString(), "-c", config.toString()}, print);
                }
                String said = output.toString(StandardCharsets.UTF_8).strip();
                if (status != 0) {
                    throw new IllegalStateException("formatting " + logDir + " failed (" + status + "): " + said);
                }
                LOG.debug("Kafka storage: {}", said);
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded Kafka broker's directory " + logDir, e);
        }
    }

    /**
     * Where clients connect, e.g. {@code 127.0.0.1:45678}, for {@code bootstrap.servers}.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker and waits until it has; a temporary broker's data is deleted. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long stopping = System.nanoTime();
        stop(server);
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
        LOG.info("Embedded Kafka stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the embedded Kafka directory {}", dir, e);
        }
    }
}
