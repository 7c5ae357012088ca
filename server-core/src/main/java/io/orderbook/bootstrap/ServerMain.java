package io.orderbook.bootstrap;

import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.markets.MarketModule;
import io.orderbook.application.trading.TradingModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs server-core standalone until the process is told to stop (SIGTERM, Ctrl-C), then shuts it down
 * cleanly, embedded engines included.
 *
 * <p>Configuration comes from environment variables and, optionally, a properties file named by the first
 * argument or by {@code CONFIG_FILE} (environment variables win); see {@code server.sample.properties}.
 * Without {@code DATABASE_URL} and {@code REDIS_URL} it starts embedded PostgreSQL and Redis under
 * {@code DATA_DIR}. Exit status: 0 after a clean stop, 1 when start-up fails, 2 for invalid configuration.
 *
 * <pre>
 * mvn -q install -DskipTests &amp;&amp; mvn -q -pl server-core exec:java
 * </pre>
 */
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config;
        try {
            config = args.length > 0
                    ? ServerConfig.load(Optional.of(Path.of(args[0])), System.getenv())
                    : ServerConfig.fromEnvironment();
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("Starting server-core with {}", config);

        ServerCore core = wire(config);
        // ServerCore closes itself at JVM exit; this hook only lets main return once that is done.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutdown requested; stopping server-core");
            try {
                core.close();
            } finally {
                stopped.countDown();
            }
        }, "server-main-shutdown"));

        try {
            core.start();
        } catch (RuntimeException e) {
            LOG.error("server-core could not start", e);
            System.exit(1);
        }
        stopped.await();
    }

    /** The standalone server's parts: the infrastructure plus identity and trading. */
    static ServerCore wire(ServerConfig config) {
        return builder(config).build();
    }

    static ServerCore.Builder builder(ServerConfig config) {
        return ServerCore.builder(config).module(ServerMain::modules);
    }

    /**
     * Login, users and API keys (creating the configured first administrator when there are no users yet), then
     * trading over the durable sequencer, and markets (signing keys sealed with the master key). Closed in
     * reverse order.
     */
    static ServerModule modules(ServerInfrastructure infrastructure) {
        IdentityModule identity = new IdentityModule(infrastructure.database(), infrastructure.redisson(),
                IdentityModule.Settings.defaults(infrastructure.jwtSecret().bytes()), infrastructure.clock());
        identity.ensureFirstAdmin(infrastructure.config().firstAdmin());
        MarketKeyring keyring = new MarketKeyring(new SecretBox(infrastructure.masterKey().bytes()));
        TradingModule trading = new TradingModule(infrastructure.database(), keyring, identity.authenticator(),
                TradingModule.Settings.defaults(), infrastructure.clock());
        MarketModule markets = new MarketModule(infrastructure.database(), infrastructure.redisson(),
                trading.sequencer(), keyring, infrastructure.clock());
        infrastructure.provide(IdentityModule.class, identity);
        infrastructure.provide(TradingModule.class, trading);
        infrastructure.provide(MarketModule.class, markets);
        return ServerModule.of(identity.authenticator(),
                List.of(identity.routes(), trading.routes(), markets.routes()), () -> {
            try {
                trading.close();
            } finally {
                identity.close();
            }
        });
    }
}
