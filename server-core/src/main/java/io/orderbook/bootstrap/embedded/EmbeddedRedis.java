package io.orderbook.bootstrap.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A Redis server run by this process (codemonstur's bundled binary) on 127.0.0.1 and a free port, without
 * persistence: the server keeps only caches, rate-limit counters and locks, which may be lost on restart.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    /** A free port can be taken between finding and binding it; try again with another. */
    private static final int START_ATTEMPTS = 3;

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server on a free port.
     *
     * @return the running server
     * @throws java.io.UncheckedIOException if it does not start after a few attempts on different ports
     */
    public static EmbeddedRedis start() {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreePorts.loopback();
            try {
                RedisServer server = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        // No RDB snapshots or AOF: otherwise Redis writes dump.rdb into the working directory.
                        .setting("save \"\"")
                        .setting("appendonly no")
                        // Not forced: stop() then sends SIGTERM and waits for the process to exit.
                        .onShutdownForceStop(false)
                        .build();
                server.start();
                LOG.info("Embedded Redis started on port {}", port);
                return new EmbeddedRedis(server, port);
            } catch (IOException e) {
                lastFailure = e;
                LOG.debug("Embedded Redis did not start on port {} (attempt {})", port, attempt, e);
            }
        }
        throw new UncheckedIOException("cannot start embedded Redis", lastFailure);
    }

    /**
     * The port the server listens on, on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The URL clients connect to, e.g. {@code redis://127.0.0.1:45678}.
     *
     * @return the URL
     */
    public URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Stops the server and waits until it has exited (the library also stops it at JVM exit). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded Redis", e);
        }
    }
}
