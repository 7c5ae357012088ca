package io.orderbook.application.trading;

import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.balances.BalanceRoutes;
import io.orderbook.adapters.http.orders.OrderRoutes;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import io.orderbook.adapters.http.trades.TradeRoutes;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.orders.PostgresMarketCatalog;
import io.orderbook.adapters.persistence.orders.PostgresOrderHistory;
import io.orderbook.adapters.persistence.trading.PostgresOrderIdAllocator;
import io.orderbook.adapters.persistence.trading.PostgresTradingJournal;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.adapters.websocket.StreamRoutes;
import io.orderbook.adapters.websocket.TradingStreams;
import io.orderbook.application.orders.BalanceService;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.OrderHistory;
import io.orderbook.application.orders.OrderService;
import io.orderbook.domain.engine.CloseRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trading wired for the composition root: the durable journal, order ids and the {@link Sequencer} (which
 * rebuilds every book and balance from the database when it starts), the order and balance services, their
 * HTTP routes ({@code /orders}, {@code /balances}, {@code /trades}) and the WebSocket streams. Good-till-date orders
 * are expired by the {@code order-expiry} job ({@code JobsModule}). One per node; it owns every market in the database, so markets must be stored before it starts.
 *
 * <pre>{@code
 * IdentityModule identity = new IdentityModule(database, redisson, identitySettings, clock);
 * TradingModule trading = new TradingModule(database, identity.authenticator(), TradingModule.Settings.defaults(), clock);
 * HttpServer server = HttpServer.builder().authenticator(identity.authenticator())
 *         .routes(identity.routes()).routes(trading.routes()).build().start();
 * ...
 * server.stop(); trading.close(); identity.close(); database.close();
 * }</pre>
 */
public final class TradingModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingModule.class);

    private final Sequencer sequencer;
    private final MarketCatalog catalog;
    private final OrderHistory history;
    private final OrderService orders;
    private final BalanceService balances;
    private final HttpRoutes routes;
    private final TradingStreams streams;
    private final List<Consumer<List<CommandResult>>> commitListeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    /**
     * Trading settings; {@link #defaults} gives the recommended values.
     *
     * @param maxBatch       most commands per group commit
     * @param answerTimeout  how long a request waits for the sequencer before it is answered 503
     * @param catalogMaxAge  how long markets and assets are cached before they are read again
     * @param depthLevels    price levels per side in streamed depth
     * @param streamAuthenticationTimeout how long a WebSocket client has to authenticate after connecting
     * @param streamCredentialRecheck     how often streaming clients' credentials are checked again (revoked keys
     *                                    and disabled users lose their streams); zero never checks
     * @param closeRetention how long after they end, and how many, filled orders stay closable in memory
     */
    public record Settings(int maxBatch, Duration answerTimeout, Duration catalogMaxAge,
                           int depthLevels, Duration streamAuthenticationTimeout, Duration streamCredentialRecheck,
                           CloseRetention closeRetention) {

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException if {@code maxBatch} or {@code depthLevels} is less than 1
         * @throws NullPointerException     if a duration or the close retention is null
         */
        public Settings {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be positive");
            }
            Objects.requireNonNull(answerTimeout, "answerTimeout");
            Objects.requireNonNull(catalogMaxAge, "catalogMaxAge");
            if (depthLevels < 1) {
                throw new IllegalArgumentException("depthLevels must be positive");
            }
            Objects.requireNonNull(streamAuthenticationTimeout, "streamAuthenticationTimeout");
            Objects.requireNonNull(streamCredentialRecheck, "streamCredentialRecheck");
            Objects.requireNonNull(closeRetention, "closeRetention");
        }

        /**
         * Batches of up to 512 commands, 10 s to answer, markets cached for 30 s; 20 depth
         * levels, 10 s for a WebSocket client to authenticate, its credentials checked again every 30 s; filled
         * orders closable as {@link CloseRetention#DEFAULT} says.
         *
         * @return the recommended settings
         */
        public static Settings defaults() {
            return new Settings(512, Duration.ofSeconds(10), Duration.ofSeconds(30), 20,
                    Duration.ofSeconds(10), Duration.ofSeconds(30), CloseRetention.DEFAULT);
        }

        /**
         * The same settings with other WebSocket timings.
         *
         * @param authenticationTimeout how long a WebSocket client has to authenticate after connecting
         * @param credentialRecheck     how often streaming clients' credentials are checked again; zero never checks
         * @return new settings; these are unchanged
         */
        public Settings withStreams(Duration authenticationTimeout, Duration credentialRecheck) {
            return new Settings(maxBatch, answerTimeout, catalogMaxAge, depthLevels,
                    authenticationTimeout, credentialRecheck, closeRetention);
        }

        /**
         * The same settings with another close retention.
         *
         * @param retention how long after they end, and how many, filled orders stay closable in memory
         * @return new settings; these are unchanged
         */
        public Settings withCloseRetention(CloseRetention retention) {
            return new Settings(maxBatch, answerTimeout, catalogMaxAge, depthLevels,
                    streamAuthenticationTimeout, streamCredentialRecheck, retention);
        }
    }

    /**
     * Rebuilds the engine from the database and starts the sequencer.
     *
     * @param database      the trading tables; stays open, and owned by the caller
     * @param keyring       the markets' signing keys, shared with the market module
     * @param authenticator authenticates WebSocket clients, who present their token or key in a message rather
     *                      than a header; the same one the HTTP server uses
     * @param settings      batch size, timeouts, cache age and stream settings
     * @param clock         the time stamped on every command the order and balance services submit
     */
    public TradingModule(Database database, MarketKeyring keyring, RequestAuthenticator authenticator,
                         Settings settings, Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.catalog = new PostgresMarketCatalog(database, settings.catalogMaxAge());
        this.history = new PostgresOrderHistory(database);
        this.sequencer = new Sequencer(new PostgresTradingJournal(database, keyring, settings.closeRetention()),
                settings.maxBatch(), settings.closeRetention(), this::publish);
        this.orders = new OrderService(sequencer, new PostgresOrderIdAllocator(database), history, clock,
                settings.answerTimeout());
        this.balances = new BalanceService(sequencer, catalog, history, clock, settings.answerTimeout());
        HttpRoutes orderRoutes = new OrderRoutes(orders, catalog, clock);
        HttpRoutes balanceRoutes = new BalanceRoutes(balances, catalog);
        HttpRoutes tradeRoutes = new TradeRoutes(history, catalog);
        this.streams = new TradingStreams(sequencer, catalog, authenticator, settings.depthLevels(),
                settings.streamCredentialRecheck());
        onCommit(streams::committed);
        HttpRoutes streamRoutes = new StreamRoutes(streams, settings.streamAuthenticationTimeout());
        this.routes = group -> {
            orderRoutes.addTo(group);
            balanceRoutes.addTo(group);
            tradeRoutes.addTo(group);
            streamRoutes.addTo(group);
        };
    }

    /**
     * The single writer of the engine: for other modules' commands (market halts) and consistent reads.
     *
     * @return the sequencer, running until {@link #close()}
     */
    public Sequencer sequencer() {
        return sequencer;
    }

    /**
     * Trading's HTTP and WebSocket endpoints, for the HTTP server.
     *
     * @return {@code /orders}, {@code /balances}, {@code /trades} and {@code /ws} under {@code /api/v1}
     */
    public HttpRoutes routes() {
        return routes;
    }

    /**
     * The live WebSocket streams, e.g. to tell a user something on theirs.
     *
     * @return the streams, open until {@link #close()}
     */
    public TradingStreams streams() {
        return streams;
    }

    /**
     * Placing, changing, cancelling and reading orders, for callers other than the HTTP routes (e.g. the
     * in-process client).
     *
     * @return the order service behind {@code /orders}
     */
    public OrderService orders() {
        return orders;
    }

    /**
     * Reading and adjusting balances, for callers other than the HTTP routes (e.g. the in-process client).
     *
     * @return the balance service behind {@code /balances}
     */
    public BalanceService balances() {
        return balances;
    }

    /**
     * Markets and assets as trading sees them; call {@link MarketCatalog#refresh()} after changing them.
     *
     * @return the catalog, cached for {@link Settings#catalogMaxAge()} and refreshed when the engine changes a market
     */
    public MarketCatalog markets() {
        return catalog;
    }

    /**
     * Registers a receiver of every committed batch (its applied results, in order), e.g. to publish market data.
     * It runs on the sequencer thread after the batch is durable: it must be quick and must not throw.
     *
     * @param listener receives each committed batch; not null
     */
    public void onCommit(Consumer<List<CommandResult>> listener) {
        commitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Stops the streams (closing WebSocket clients), then the sequencer after it has committed
     * what was queued. The database stays open.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            streams.close();
        } finally {
            sequencer.close();
        }
    }

    private void publish(List<CommandResult> batch) {
        if (changesMarkets(batch)) {
            // The order path validates against the catalog: it must see a new, changed or removed market at once.
            catalog.refresh();
        }
        for (Consumer<List<CommandResult>> listener : commitListeners) {
            try {
                listener.accept(batch);
            } catch (RuntimeException e) {
                LOG.error("A commit listener failed", e);
            }
        }
    }

    private static boolean changesMarkets(List<CommandResult> batch) {
        return batch.stream().flatMap(result -> result.events().stream())
                .anyMatch(event -> event instanceof EngineEvent.MarketAdded || event instanceof EngineEvent.MarketUpdated
                        || event instanceof EngineEvent.MarketRemoved || event instanceof EngineEvent.MarketHaltChanged);
    }
}
