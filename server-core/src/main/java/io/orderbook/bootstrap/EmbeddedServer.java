package io.orderbook.bootstrap;

import io.orderbook.adapters.persistence.marketdata.PostgresMarketData;
import io.orderbook.adapters.persistence.orders.PostgresOrderHistory;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.conditional.ConditionalOrderModule;
import io.orderbook.application.jobs.JobsModule;
import io.orderbook.application.marketdata.MarketDataStore;
import io.orderbook.application.markets.MarketModule;
import io.orderbook.application.orders.OrderHistory;
import io.orderbook.application.trading.TradingModule;
import java.net.URI;
import java.util.Objects;

/**
 * The standalone server's modules ({@link ServerMain#modules}) running inside another process, with their
 * application services reachable directly: what the workstation's embedded mode and its tests use. It is a
 * complete server (it serves HTTP on the configured host and port as well), so an embedded workstation can also be
 * reached by other clients on the same machine.
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.start(ServerConfig.defaults())) {
 *     server.trading().orders().place(...);
 * }
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {

    private final ServerCore core;
    private final IdentityModule identity;
    private final TradingModule trading;
    private final MarketModule markets;
    private final OrderHistory history;
    private final MarketDataStore marketData;
    private final ConditionalOrderModule conditional;
    private final JobsModule jobs;

    private EmbeddedServer(ServerCore core) {
        this.core = core;
        ServerInfrastructure infrastructure = core.infrastructure();
        this.identity = require(infrastructure, IdentityModule.class);
        this.trading = require(infrastructure, TradingModule.class);
        this.markets = require(infrastructure, MarketModule.class);
        this.history = new PostgresOrderHistory(infrastructure.database());
        this.marketData = new PostgresMarketData(infrastructure.database());
        this.conditional = require(infrastructure, ConditionalOrderModule.class);
        this.jobs = require(infrastructure, JobsModule.class);
    }

    /**
     * Starts the standalone server's modules with this configuration (embedded engines unless URLs are given).
     *
     * @param config the server configuration
     * @return the running server
     */
    public static EmbeddedServer start(ServerConfig config) {
        return start(ServerMain.builder(config));
    }

    /**
     * Starts a server with the standalone modules and a Redis key prefix of its own, so several servers (test
     * runs) can share one Redis.
     *
     * @param config         the server configuration
     * @param redisKeyPrefix prefix of every Redis key of this server
     * @return the running server
     */
    public static EmbeddedServer start(ServerConfig config, String redisKeyPrefix) {
        return start(ServerMain.builder(config).redisKeyPrefix(redisKeyPrefix));
    }

    private static EmbeddedServer start(ServerCore.Builder builder) {
        ServerCore core = builder.build().start();
        try {
            return new EmbeddedServer(core);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    private static <T> T require(ServerInfrastructure infrastructure, Class<T> type) {
        return infrastructure.service(type).orElseThrow(() -> new IllegalStateException(
                "the server's modules did not publish " + type.getSimpleName()));
    }

    /**
     * The running core: configuration, infrastructure, HTTP address.
     *
     * @return the core this server runs on
     */
    public ServerCore core() {
        return core;
    }

    /**
     * Where HTTP clients on this machine reach the server.
     *
     * @return the base URI, e.g. {@code http://127.0.0.1:8080}
     */
    public URI baseUri() {
        return core.baseUri();
    }

    /**
     * Login, users and API keys.
     *
     * @return the identity module
     */
    public IdentityModule identity() {
        return identity;
    }

    /**
     * Orders, balances, trades and the sequencer.
     *
     * @return the trading module
     */
    public TradingModule trading() {
        return trading;
    }

    /**
     * Markets, assets, books and recent trades.
     *
     * @return the market module
     */
    public MarketModule markets() {
        return markets;
    }

    /**
     * Stored orders and the users' own trades (fills), as the order and trade endpoints read them.
     *
     * @return the PostgreSQL order history
     */
    public OrderHistory orderHistory() {
        return history;
    }

    /**
     * Candles and 24-hour statistics as the {@code market-stats} job stores them.
     *
     * @return the PostgreSQL market data store
     */
    public MarketDataStore marketData() {
        return marketData;
    }

    /**
     * Conditional orders (stop-loss, take-profit, trailing stops, triggers) and the prices that fire them.
     *
     * @return the conditional order module
     */
    public ConditionalOrderModule conditional() {
        return conditional;
    }

    /**
     * The scheduled jobs: their schedules, last runs, and running one now.
     *
     * @return the jobs module
     */
    public JobsModule jobs() {
        return jobs;
    }

    /** Stops the server and, when embedded, its database and Redis. */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "EmbeddedServer[" + Objects.toString(core.baseUri()) + "]";
    }
}
