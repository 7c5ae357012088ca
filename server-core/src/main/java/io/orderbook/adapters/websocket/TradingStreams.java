package io.orderbook.adapters.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.ApiJson;
import io.orderbook.adapters.http.balances.BalanceView;
import io.orderbook.adapters.http.orders.OrderViews;
import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import io.orderbook.adapters.websocket.StreamSession.Channel;
import io.orderbook.adapters.websocket.StreamSession.Subscription;
import io.orderbook.application.orders.Asset;
import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.Liquidity;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.OwnTrade;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.engine.BookLevel;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.Ledger;
import io.orderbook.domain.model.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live streams for WebSocket clients: per market, book depth and public trades; per user, their own order
 * events, fills and balances. Fed by the sequencer's committed batches ({@link #committed}), so nothing is
 * streamed before it is durable.
 *
 * <p>One publisher thread does all the work and all the sending, so the sequencer thread only hands over a
 * batch, and each client receives its messages in order: a batch's trades and order events first, then depth
 * and balance snapshots taken on the engine ({@link Sequencer#read}) after that batch. Snapshots are coalesced:
 * however many batches touched a market while the publisher was busy, its subscribers get one fresh depth.
 * Depth and balances are always complete snapshots (top levels, every asset held), never deltas, so a client
 * never has to repair its state. A subscriber gets a first snapshot right after subscribing.
 */
public final class TradingStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingStreams.class);

    private final Sequencer sequencer;
    private final MarketCatalog catalog;
    private final RequestAuthenticator authenticator;
    private final OrderViews views;
    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final int depthLevels;
    private final Duration snapshotTimeout;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Thread publisher;
    private final ScheduledExecutorService timers;
    private volatile boolean running = true;

    // Publisher thread only.
    private final Set<StreamSession> sessions = new HashSet<>();
    private final Map<Integer, Set<StreamSession>> depth = new HashMap<>();
    private final Map<Integer, Set<StreamSession>> trades = new HashMap<>();
    private final Map<Long, Set<StreamSession>> orders = new HashMap<>();
    private final Map<Long, Set<StreamSession>> balances = new HashMap<>();

    /**
     * Streams fed by {@link #committed}; starts the publisher thread, which {@link #close()} stops.
     *
     * @param sequencer          the engine's sequencer, read for depth and balance snapshots
     * @param catalog            the markets, to resolve subscriptions by symbol and to write views
     * @param authenticator      checks the credentials a session presents, also when they are checked again
     * @param depthLevels        price levels per side in depth messages
     * @param recheckInterval    how often every session's credentials are checked again, so a revoked key or a
     *                           disabled user loses its streams too; zero never checks
     */
    public TradingStreams(Sequencer sequencer, MarketCatalog catalog, RequestAuthenticator authenticator,
                          int depthLevels, Duration recheckInterval) {
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.views = new OrderViews(catalog);
        this.depthLevels = depthLevels;
        this.snapshotTimeout = Duration.ofSeconds(10);
        this.publisher = Thread.ofPlatform().name("stream-publisher").daemon().start(this::run);
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("stream-timers").daemon()
                .factory());
        if (!recheckInterval.isZero()) {
            timers.scheduleWithFixedDelay(() -> inbox.add(Recheck.INSTANCE), recheckInterval.toMillis(),
                    recheckInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * For {@code TradingModule.onCommit}: hands a committed batch to the publisher; quick, never throws.
     *
     * @param batch the results of one durable batch, in sequence order
     */
    public void committed(List<CommandResult> batch) {
        if (running) {
            inbox.add(new Committed(batch));
        }
    }

    /**
     * Sends a message to a user's own stream (every session subscribed to their {@code orders} channel on this
     * instance), in order with their order events: e.g. that one of their API keys expired or a conditional order
     * fired. Quick, never throws.
     *
     * @param userId  the user's id
     * @param message an object written as JSON, with a {@code type} the client can switch on
     */
    public void tellUser(long userId, Object message) {
        if (running) {
            inbox.add(new ToUser(userId, write(message)));
        }
    }

    /** Closes every session that has not authenticated after {@code timeout}. */
    void requireAuthenticationWithin(StreamSession session, Duration timeout) {
        timers.schedule(() -> {
            if (!session.authenticated()) {
                        tell(session, Map.of("type", "error", "code", "UNAUTHENTICATED",
                        "message", "authenticate within " + timeout.toMillis() + " ms"));
                closeAfterQueued(session, 1008, "not authenticated");
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a message for one session, sent in order with everything else it receives. */
    void tell(StreamSession session, Object message) {
        inbox.add(new Tell(session, write(message)));
    }

    void opened(StreamSession session) {
        inbox.add(new Opened(session));
    }

    void subscribe(StreamSession session, Subscription subscription) {
        inbox.add(new Subscribe(session, subscription, true));
    }

    void unsubscribe(StreamSession session, Subscription subscription) {
        inbox.add(new Subscribe(session, subscription, false));
    }

    void closed(StreamSession session) {
        inbox.add(new Closed(session));
    }

    /** Closes a session once the messages queued for it before this call have been sent. */
    void closeAfterQueued(StreamSession session, int code, String reason) {
        inbox.add(new Close(session, code, reason));
    }

    /** The catalog the endpoint resolves market symbols with. */
    MarketCatalog catalog() {
        return catalog;
    }

    RequestAuthenticator authenticator() {
        return authenticator;
    }

    /** Stops the publisher and closes every session (1001, going away). */
    @Override
    public void close() {
        running = false;
        timers.shutdownNow();
        inbox.add(Stop.INSTANCE);
        try {
            publisher.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- publisher ----

    private void run() {
        List<Object> work = new ArrayList<>();
        while (true) {
            try {
                work.add(inbox.take());
            } catch (InterruptedException e) {
                return;
            }
            inbox.drainTo(work);
            try {
                if (!process(work)) {
                    for (StreamSession session : sessions) {
                        session.close(1001, "server stopping");
                    }
                    return;
                }
            } catch (RuntimeException e) {
                // A publisher that dies would silence every stream: log and go on with the next work.
                LOG.error("Stream publisher failed on {} items", work.size(), e);
            }
            work.clear();
        }
    }

    /** Handles a drained run of work; returns false when asked to stop. */
    private boolean process(List<Object> work) {
        Set<Integer> dirtyMarkets = new HashSet<>();
        Set<Long> dirtyUsers = new HashSet<>();
        Map<Integer, Set<StreamSession>> depthFirst = new HashMap<>();
        Map<Long, Set<StreamSession>> balancesFirst = new HashMap<>();
        boolean recheck = false;
        for (Object item : work) {
            switch (item) {
                case Committed c -> c.batch.forEach(result -> route(result, dirtyMarkets, dirtyUsers));
                case Opened o -> sessions.add(o.session);
                case Tell t -> t.session.send(t.text);
                case ToUser u -> sendAll(orders.get(u.userId), u.text);
                case Subscribe s when s.add -> {
                    if (add(s.session, s.subscription)) {
                        if (s.subscription.channel() == Channel.DEPTH) {
                            depthFirst.computeIfAbsent(s.subscription.marketId(), id -> new HashSet<>()).add(s.session);
                        } else if (s.subscription.channel() == Channel.BALANCES) {
                            balancesFirst.computeIfAbsent(s.session.userId(), id -> new HashSet<>()).add(s.session);
                        }
                    }
                }
                case Subscribe s -> remove(s.session, s.subscription);
                case Closed c -> forget(c.session);
                case Close c -> {
                    c.session.close(c.code, c.reason);
                    forget(c.session);
                }
                case Recheck r -> recheck = true;
                case Stop s -> {
                    return false;
                }
                default -> throw new IllegalStateException("unexpected " + item);
            }
        }
        dirtyMarkets.retainAll(depth.keySet());
        dirtyUsers.retainAll(balances.keySet());
        if (!dirtyMarkets.isEmpty() || !dirtyUsers.isEmpty() || !depthFirst.isEmpty() || !balancesFirst.isEmpty()) {
            Set<Integer> markets = new HashSet<>(dirtyMarkets);
            markets.addAll(depthFirst.keySet());
            Set<Long> users = new HashSet<>(dirtyUsers);
            users.addAll(balancesFirst.keySet());
            snapshots(markets, users, dirtyMarkets, dirtyUsers, depthFirst, balancesFirst);
        }
        if (recheck) {
            recheckCredentials();
        }
        return true;
    }

    private boolean add(StreamSession session, Subscription subscription) {
        if (session.closed() || !session.subscriptions.add(subscription)) {
            return false;
        }
        session.subscriptionCount(session.subscriptions.size());
        subscribersOf(subscription, session).add(session);
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", "subscribed");
        ack.put("channel", subscription.channel().name().toLowerCase());
        if (subscription.marketId() != null) {
            ack.put("market", views.market(subscription.marketId()).symbol());
        }
        session.send(write(ack));
        return true;
    }

    private void remove(StreamSession session, Subscription subscription) {
        if (session.subscriptions.remove(subscription)) {
            session.subscriptionCount(session.subscriptions.size());
            Set<StreamSession> subscribers = subscribersOf(subscription, session);
            subscribers.remove(session);
            cleanUp();
        }
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", "unsubscribed");
        ack.put("channel", subscription.channel().name().toLowerCase());
        if (subscription.marketId() != null) {
            ack.put("market", views.market(subscription.marketId()).symbol());
        }
        session.send(write(ack));
    }

    private Set<StreamSession> subscribersOf(Subscription subscription, StreamSession session) {
        return switch (subscription.channel()) {
            case DEPTH -> depth.computeIfAbsent(subscription.marketId(), id -> new HashSet<>());
            case TRADES -> trades.computeIfAbsent(subscription.marketId(), id -> new HashSet<>());
            case ORDERS -> orders.computeIfAbsent(session.userId(), id -> new HashSet<>());
            case BALANCES -> balances.computeIfAbsent(session.userId(), id -> new HashSet<>());
        };
    }

    private void forget(StreamSession session) {
        sessions.remove(session);
        for (Subscription subscription : session.subscriptions) {
            subscribersOf(subscription, session).remove(session);
        }
        session.subscriptions.clear();
        cleanUp();
    }

    private void cleanUp() {
        depth.values().removeIf(Set::isEmpty);
        trades.values().removeIf(Set::isEmpty);
        orders.values().removeIf(Set::isEmpty);
        balances.values().removeIf(Set::isEmpty);
    }

    /** Sends a result's trades and order events at once, and notes which depths and balances it changed. */
    private void route(CommandResult result, Set<Integer> dirtyMarkets, Set<Long> dirtyUsers) {
        for (EngineEvent event : result.events()) {
            switch (event) {
                case EngineEvent.TradeExecuted e -> {
                    dirtyMarkets.add(e.marketId());
                    dirtyUsers.add(e.makerUserId());
                    dirtyUsers.add(e.takerUserId());
                    sendAll(trades.get(e.marketId()), publicTrade(e));
                    sendFill(e, e.makerUserId(), e.makerOrderId(), e.takerSide().opposite(), Liquidity.MAKER, e.makerFee());
                    sendFill(e, e.takerUserId(), e.takerOrderId(), e.takerSide(), Liquidity.TAKER, e.takerFee());
                }
                case EngineEvent.OrderAccepted e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderPartiallyFilled e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderFilled e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderCancelled e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderExpired e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderAmended e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderClosed e -> orderEvent(e, e.userId(), -1, dirtyMarkets, dirtyUsers);
                case EngineEvent.BalanceAdjusted e -> dirtyUsers.add(e.userId());
                case EngineEvent.MarketHaltChanged e -> {
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("type", "market");
                    message.put("market", views.market(e.marketId()).symbol());
                    message.put("halted", e.halted());
                    String text = write(message);
                    sendAll(depth.get(e.marketId()), text);
                    sendAll(trades.get(e.marketId()), text);
                }
                case EngineEvent.MarketAdded e -> {
                    // Listings reach clients through /markets; a new market has no subscribers yet.
                }
                case EngineEvent.MarketUpdated e -> dirtyMarkets.add(e.market().id());
                case EngineEvent.MarketRemoved e -> dirtyMarkets.add(e.market().id());
                case EngineEvent.CommandRejected e -> {
                    // Changed nothing.
                }
            }
        }
    }

    private void orderEvent(EngineEvent event, long userId, int marketId, Set<Integer> dirtyMarkets,
                            Set<Long> dirtyUsers) {
        if (marketId >= 0) {
            dirtyMarkets.add(marketId);
        }
        dirtyUsers.add(userId);
        Set<StreamSession> subscribers = orders.get(userId);
        if (subscribers != null) {
            sendAll(subscribers, write(Map.of("type", "order", "event", views.event(event))));
        }
    }

    private void sendFill(EngineEvent.TradeExecuted e, long userId, long orderId, Side side, Liquidity liquidity,
                          long fee) {
        Set<StreamSession> subscribers = orders.get(userId);
        if (subscribers != null) {
            OwnTrade fill = new OwnTrade(e.tradeId(), e.marketId(), orderId, side, liquidity, e.price(), e.quantity(),
                    e.quoteQuantity(), fee, Instant.ofEpochMilli(e.timestamp()), null);
            sendAll(subscribers, write(Map.of("type", "fill", "fill", views.fill(fill))));
        }
    }

    /** A trade as anyone may see it: no users, no orders. */
    private String publicTrade(EngineEvent.TradeExecuted e) {
        TradedMarket m = views.market(e.marketId());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "trade");
        message.put("market", m.symbol());
        message.put("tradeId", e.tradeId());
        message.put("price", views.quoteText(m, e.price()));
        message.put("quantity", views.baseText(m, e.quantity()));
        message.put("quoteQuantity", views.quoteText(m, e.quoteQuantity()));
        message.put("takerSide", e.takerSide());
        message.put("time", Instant.ofEpochMilli(e.timestamp()));
        return write(message);
    }

    /** Reads depth and balances on the engine in one go, then sends each to whoever needs it. */
    private void snapshots(Set<Integer> markets, Set<Long> users, Set<Integer> dirtyMarkets, Set<Long> dirtyUsers,
                           Map<Integer, Set<StreamSession>> depthFirst, Map<Long, Set<StreamSession>> balancesFirst) {
        List<Asset> assets = catalog.assets();
        Snapshots snapshots;
        try {
            snapshots = sequencer.read(engine -> {
                Map<Integer, List<List<BookLevel>>> books = new HashMap<>();
                for (int market : markets) {
                    if (engine.market(market).isPresent()) {
                        books.put(market, List.of(engine.depth(market, Side.BUY, depthLevels),
                                engine.depth(market, Side.SELL, depthLevels)));
                    }
                }
                Map<Long, List<Ledger.Balance>> held = new HashMap<>();
                Ledger ledger = engine.ledger();
                for (long user : users) {
                    List<Ledger.Balance> list = new ArrayList<>();
                    for (Asset asset : assets) {
                        long available = ledger.available(user, asset.id());
                        long locked = ledger.locked(user, asset.id());
                        if (available != 0 || locked != 0) {
                            list.add(new Ledger.Balance(user, asset.id(), available, locked));
                        }
                    }
                    held.put(user, list);
                }
                return new Snapshots(books, held);
            }).get(snapshotTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Could not read depth and balances for the streams; they catch up with the next change", e);
            return;
        }
        snapshots.books.forEach((market, sides) -> {
            String text = depthMessage(market, sides.get(0), sides.get(1));
            Set<StreamSession> to = new HashSet<>(depthFirst.getOrDefault(market, Set.of()));
            if (dirtyMarkets.contains(market)) {
                to.addAll(depth.getOrDefault(market, Set.of()));
            }
            sendAll(to, text);
        });
        snapshots.balances.forEach((user, list) -> {
            String text = balancesMessage(list);
            Set<StreamSession> to = new HashSet<>(balancesFirst.getOrDefault(user, Set.of()));
            if (dirtyUsers.contains(user)) {
                to.addAll(balances.getOrDefault(user, Set.of()));
            }
            sendAll(to, text);
        });
    }

    private String depthMessage(int marketId, List<BookLevel> bids, List<BookLevel> asks) {
        TradedMarket m = views.market(marketId);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "depth");
        message.put("market", m.symbol());
        message.put("bids", levels(m, bids));
        message.put("asks", levels(m, asks));
        return write(message);
    }

    private List<Map<String, Object>> levels(TradedMarket m, List<BookLevel> levels) {
        List<Map<String, Object>> out = new ArrayList<>(levels.size());
        for (BookLevel level : levels) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("price", views.quoteText(m, level.price()));
            entry.put("quantity", views.baseText(m, level.quantity()));
            entry.put("orders", level.orders());
            out.add(entry);
        }
        return out;
    }

    private String balancesMessage(List<Ledger.Balance> list) {
        List<BalanceView> out = new ArrayList<>(list.size());
        for (Ledger.Balance balance : list) {
            Asset asset = catalog.assetById(balance.asset()).orElseThrow();
            out.add(new BalanceView(asset.code(), DecimalAmount.format(balance.available(), asset.scale()),
                    DecimalAmount.format(balance.locked(), asset.scale()),
                    DecimalAmount.format(balance.available() + balance.locked(), asset.scale())));
        }
        return write(Map.of("type", "balances", "balances", out));
    }

    /** Checks every authenticated session's credentials again; a session whose credentials fail is closed. */
    private void recheckCredentials() {
        for (StreamSession session : List.copyOf(sessions)) {
            if (!session.authenticated() || session.closed()) {
                continue;
            }
            AuthenticationResult result;
            try {
                result = authenticator.authenticate(session.credentials(), session.clientIp);
            } catch (RuntimeException e) {
                LOG.warn("Could not check a stream session's credentials again", e);
                continue;
            }
            if (result instanceof AuthenticationResult.Refused refused) {
                session.send(write(Map.of("type", "error", "code", refused.problem().code().name(),
                        "message", refused.problem().detail())));
                session.close(1008, "credentials no longer valid");
                forget(session);
            }
        }
    }

    private static void sendAll(Set<StreamSession> subscribers, String text) {
        if (subscribers != null) {
            for (StreamSession session : subscribers) {
                session.send(text);
            }
        }
    }

    String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stream message", e);
        }
    }

    private record Committed(List<CommandResult> batch) {
    }

    private record ToUser(long userId, String text) {
    }

    private record Opened(StreamSession session) {
    }

    private record Tell(StreamSession session, String text) {
    }

    private record Subscribe(StreamSession session, Subscription subscription, boolean add) {
    }

    private record Closed(StreamSession session) {
    }

    private record Close(StreamSession session, int code, String reason) {
    }

    private record Snapshots(Map<Integer, List<List<BookLevel>>> books, Map<Long, List<Ledger.Balance>> balances) {
    }

    private enum Recheck {
        INSTANCE
    }

    private enum Stop {
        INSTANCE
    }
}
