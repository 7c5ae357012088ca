package io.orderbook.app.client;

import io.orderbook.bootstrap.EmbeddedServer;
import io.orderbook.bootstrap.GeneratedSecrets;
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
 * {@link InitialAdminPassword}. With demo data (on unless overridden): demo markets, a market maker and the demo
 * trader. HTTP listens on a free loopback port only.
 */
public final class EmbeddedEngine implements AutoCloseable {

    private final Path dataDir;
    private final Map<String, String> overrides;
    private final String redisKeyPrefix;
    private EmbeddedServer server;

    /**
     * Describes an engine; nothing starts until {@link #server()} is first called.
     *
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

    /**
     * The workstation's own engine.
     *
     * @return an engine with its defaults and its data under {@link #defaultDataDir()}
     */
    public static EmbeddedEngine standard() {
        return new EmbeddedEngine(defaultDataDir(), Map.of(), null);
    }

    /**
     * The default data directory: {@code server} under {@code $XDG_DATA_HOME/orderbook-workstation} or
     * {@code ~/.orderbook-workstation}.
     *
     * @return that directory (it may not exist yet)
     */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg, "orderbook-workstation")
                : Path.of(System.getProperty("user.home"), ".orderbook-workstation");
        return base.resolve("server");
    }

    /**
     * The demo trader's password (the server generates it into {@code <data dir>/secrets/demo-trader.password} on
     * its first start with demo data), starting the server first if needed.
     *
     * @return the password; empty when the server runs without demo data
     */
    public Optional<String> demoTraderPassword() {
        EmbeddedServer running = server();
        if (!running.core().infrastructure().config().demo().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new GeneratedSecrets(dataDir).demoTraderPassword(running.core().infrastructure().config())
                .reveal());
    }

    /**
     * Where the server keeps its data.
     *
     * @return the data directory given at construction
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * The first administrator's initial password.
     *
     * @return the password, generated and stored on the first call
     */
    public String initialAdminPassword() {
        return InitialAdminPassword.loadOrCreate(dataDir);
    }

    /**
     * The running server, started now if it is not yet; blocks for the start (seconds on first run).
     *
     * @return the running server
     */
    public synchronized EmbeddedServer server() {
        if (server == null) {
            Map<String, String> settings = new HashMap<>();
            settings.put(ServerConfig.DATA_DIR, dataDir.toString());
            settings.put(ServerConfig.HTTP_PORT, "0");
            settings.put(ServerConfig.HTTP_HOST, ServerConfig.DEFAULT_HTTP_HOST);
            settings.put(ServerConfig.ADMIN_USERNAME, InitialAdminPassword.USERNAME);
            settings.put(ServerConfig.ADMIN_PASSWORD, initialAdminPassword());
            // A first run shows live markets: demo markets, a market maker and a demo trader.
            settings.put(ServerConfig.DEMO_DATA, "true");
            settings.putAll(overrides);
            ServerConfig config = ServerConfig.load(Optional.empty(), settings);
            server = redisKeyPrefix == null ? EmbeddedServer.start(config) : EmbeddedServer.start(config, redisKeyPrefix);
        }
        return server;
    }

    /**
     * Whether the server has been started.
     *
     * @return true between the first {@link #server()} and {@link #close()}
     */
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
