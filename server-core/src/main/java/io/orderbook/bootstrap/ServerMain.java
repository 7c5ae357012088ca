package io.orderbook.bootstrap;

import io.orderbook.adapters.kafka.PriceEventConsumer;
import io.orderbook.adapters.kafka.TradingEventPublisher;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.conditional.ConditionalOrderModule;
import io.orderbook.application.jobs.JobsModule;
import io.orderbook.application.markets.MarketModule;
import io.orderbook.application.prices.PriceModule;
import io.orderbook.application.requestlog.RequestLogRetention;
import io.orderbook.application.trading.TradingModule;
import io.orderbook.bootstrap.demo.DemoMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * ./run server        (from the repository root; or: mvn -q -pl server-core compile exec:java)
 * </pre>
 */
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    /**
     * Starts the server and waits until it has stopped; exits the process with 1 or 2 when it cannot start.
     *
     * @param args optionally the path of a properties file
     * @throws InterruptedException if the main thread is interrupted while waiting for the stop
     */
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
     * trading over the durable sequencer with its order and trade events published to Kafka, markets (signing keys
     * sealed with the master key), conditional orders fired by price events from Kafka (which also feed the latest
     * prices and the price history served under {@code /prices}), the scheduled jobs, and with
     * {@code DEMO_DATA} the demo data and market maker. Closed in reverse order.
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
        KafkaSettings kafka = infrastructure.config().kafka();
        String bootstrapServers = infrastructure.kafkaBootstrapServers();
        TradingEventPublisher tradingEvents = new TradingEventPublisher(bootstrapServers, kafka.orderEventsTopic(),
                kafka.tradeEventsTopic(), trading.markets(), infrastructure.meterRegistry());
        trading.onCommit(tradingEvents::committed);
        infrastructure.provide(IdentityModule.class, identity);
        infrastructure.provide(TradingModule.class, trading);
        infrastructure.provide(MarketModule.class, markets);
        ConditionalOrderModule conditional = new ConditionalOrderModule(infrastructure.database(),
                infrastructure.redisson(), trading, ConditionalOrderModule.Settings.defaults(), infrastructure.clock());
        // Price events fire conditional orders; the price watcher job re-feeds the latest prices to them.
        PriceModule prices = new PriceModule(priceSettings(kafka, bootstrapServers), infrastructure.database(),
                infrastructure.redisson(), conditional.priceObserver(), infrastructure.meterRegistry(),
                infrastructure.clock());
        infrastructure.provide(ConditionalOrderModule.class, conditional);
        infrastructure.provide(PriceModule.class, prices);
        JobsModule jobs = new JobsModule(infrastructure.database(), infrastructure.redisson(), trading,
                prices.latestPrices(), conditional.priceObserver(),
                new RequestLogRetention(new RequestLogRepository(infrastructure.database()),
                        infrastructure.config().requestLogRetentionDays(), infrastructure.clock()),
                infrastructure.config().jobs(), infrastructure.clock(), instanceName()).start();
        infrastructure.provide(JobsModule.class, jobs);
        AutoCloseable demo = DemoMode.startIfEnabled(infrastructure, identity, trading, markets.service(),
                prices.latestPrices());
        // The jobs' /markets/stats before the markets' /markets/{symbol}.
        return ServerModule.of(identity.authenticator(),
                List.of(identity.routes(), trading.routes(), jobs.routes(), markets.routes(), conditional.routes(),
                        prices.routes()),
                () -> closeInOrder(demo, jobs, prices, conditional, markets, trading, tradingEvents, identity));
    }

    /** Closes each part, the first failure thrown with any later ones suppressed, so one failure stops nothing. */
    static void closeInOrder(AutoCloseable... parts) throws Exception {
        Exception failure = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }


    /** This process in the job history: host name and process id. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** The price module's settings from the configuration: a new consumer group starts at the latest prices. */
    static PriceModule.Settings priceSettings(KafkaSettings kafka, String bootstrapServers) {
        PriceEventConsumer.Settings consumer = PriceEventConsumer.Settings.defaults(bootstrapServers,
                kafka.priceTopic(), kafka.priceDeadLetterTopic(), kafka.priceConsumerGroup(),
                PriceEventConsumer.StartFrom.LATEST);
        Optional<PriceModule.Simulator> simulator = kafka.runsSimulator()
                ? Optional.of(PriceModule.Simulator.unseeded(kafka.simulatorTokens(), kafka.simulatorEventsPerSecond()))
                : Optional.empty();
        return new PriceModule.Settings(consumer, kafka.priceMaxAge(), simulator);
    }
}
