package io.orderbook.app.client;

import io.orderbook.bootstrap.EmbeddedServer;
import io.orderbook.bootstrap.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server-core that runs inside the workstation in embedded mode: started on first use with its PostgreSQL,
 * Redis, generated secrets and data under the user's data directory, and stopped when the workstation exits.
 * The first administrator is {@value InitialAdminPassword#USERNAME} with the password from
 * {@link InitialAdminPassword}. HTTP listens on a free loopback port only.
 */
public final class EmbeddedEngine implements AutoCloseable {

    private final Path dataDir;
    private final Map<String, String> overrides;
    private final String redisKeyPrefix;
    private EmbeddedServer server;

    /**
     * @param dataDir   where the server keeps its data
     * @param overrides server settings ({@link ServerConfig} names) that win over the embedded defaults, e.g. an
     *                  external {@code DATABASE_URL} in tests
     * @param redisKeyPrefix a prefix of its own for every Redis key (tests sharing one Redis), or null for the default
     */
    public EmbeddedEngine(Path dataDir, Map<String, String> overrides, String redisKeyPrefix) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.overrides = Map.copyOf(overrides);
        this.redisKeyPrefix = redisKeyPrefix;
    }

    /** The embedded engine with its defaults under {@link #defaultDataDir()}. */
    public static EmbeddedEngine standard() {
        return new EmbeddedEngine(defaultDataDir(), Map.of(), null);
    }

    /** The default data directory: {@code $XDG_DATA_HOME/orderbook-workstation} or {@code ~/.orderbook-workstation}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "orderbook-workstation");
        }
        return Path.of(System.getProperty("user.home"), ".orderbook-workstation");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The first administrator's initial password (created on first call). */
    public String initialAdminPassword() {
        return InitialAdminPassword.loadOrCreate(dataDir);
    }

    /** The running server, started now if it is not yet; blocks for the start (seconds on first run). */
    public synchronized EmbeddedServer server() {
        if (server == null) {
            Map<String, String> settings = new HashMap<>();
            settings.put(ServerConfig.DATA_DIR, dataDir.toString());
            settings.put(ServerConfig.HTTP_PORT, "0");
            settings.put(ServerConfig.HTTP_HOST, ServerConfig.DEFAULT_HTTP_HOST);
            settings.put(ServerConfig.ADMIN_USERNAME, InitialAdminPassword.USERNAME);
            settings.put(ServerConfig.ADMIN_PASSWORD, initialAdminPassword());
            settings.putAll(overrides);
            ServerConfig config = ServerConfig.load(Optional.empty(), settings);
            server = redisKeyPrefix == null ? EmbeddedServer.start(config) : EmbeddedServer.start(config, redisKeyPrefix);
        }
        return server;
    }

    /** Whether the server has been started. */
    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
