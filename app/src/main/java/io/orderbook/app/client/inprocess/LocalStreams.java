package io.orderbook.app.client.inprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.orders.OrderViews;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.trading.AccountListener;
import io.orderbook.app.client.trading.Balance;
import io.orderbook.app.client.trading.Book;
import io.orderbook.app.client.trading.BookLevel;
import io.orderbook.app.client.trading.Fill;
import io.orderbook.app.client.trading.OrderEvent;
import io.orderbook.app.client.trading.PublicTrade;
import io.orderbook.application.orders.Liquidity;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.OwnTrade;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.bootstrap.EmbeddedServer;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates for in-process clients, straight from the sequencer's committed batches (so, as over the WebSocket,
 * nothing is seen before it is durable). One per embedded server, shared by every in-process session: one publisher
 * thread routes trades, order events and fills at once, then sends depth and balance snapshots of what the batches
 * changed, coalesced however many batches arrived meanwhile.
 */
final class LocalStreams {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStreams.class);
    private static final Map<EmbeddedServer, LocalStreams> BY_SERVER = new ConcurrentHashMap<>();
    private static final int DEPTH_LEVELS = 20;

    private final EmbeddedServer server;
    private final MarketCatalog catalog;
    private final OrderViews views;
    private final ObjectMapper json = JsonHttp.newObjectMapper();
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Map<String, List<Consumer<Book>>> depth = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<PublicTrade>>> trades = new ConcurrentHashMap<>();
    private final Map<Long, List<AccountListener>> accounts = new ConcurrentHashMap<>();

    private record FirstBook(String market) {
    }

    private record FirstBalances(long userId) {
    }

    private LocalStreams(EmbeddedServer server) {
        this.server = server;
        this.catalog = server.trading().markets();
        this.views = new OrderViews(catalog);
        server.trading().onCommit(inbox::add);
        Thread.ofPlatform().daemon().name("local-streams").start(this::run);
    }

    static LocalStreams of(EmbeddedServer server) {
        return BY_SERVER.computeIfAbsent(server, LocalStreams::new);
    }

    AutoCloseable onBook(String market, Consumer<Book> listener) {
        AutoCloseable handle = add(depth, market, listener);
        inbox.add(new FirstBook(market));
        return handle;
    }

    AutoCloseable onTrades(String market, Consumer<PublicTrade> listener) {
        return add(trades, market, listener);
    }

    AutoCloseable onAccount(long userId, AccountListener listener) {
        AutoCloseable handle = add(accounts, userId, listener);
        inbox.add(new FirstBalances(userId));
        return handle;
    }

    private static <K, T> AutoCloseable add(Map<K, List<T>> map, K key, T listener) {
        map.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> map.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    private void run() {
        while (true) {
            try {
                Object first = inbox.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Object> work = new ArrayList<>();
                work.add(first);
                inbox.drainTo(work);
                Set<Integer> dirtyMarkets = new HashSet<>();
                Set<String> firstBooks = new HashSet<>();
                Set<Long> dirtyUsers = new HashSet<>();
                for (Object item : work) {
                    switch (item) {
                        case FirstBook f -> firstBooks.add(f.market());
                        case FirstBalances f -> dirtyUsers.add(f.userId());
                        case List<?> batch -> {
                            for (Object result : batch) {
                                route((CommandResult) result, dirtyMarkets, dirtyUsers);
                            }
                        }
                        default -> LOG.warn("Unexpected stream work {}", item);
                    }
                }
                for (int marketId : dirtyMarkets) {
                    catalog.byId(marketId).ifPresent(m -> firstBooks.add(m.symbol()));
                }
                for (String symbol : firstBooks) {
                    sendBook(symbol);
                }
                for (long user : dirtyUsers) {
                    sendBalances(user);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Local streams failed on a batch; they catch up with the next change", e);
            }
        }
    }

    private void route(CommandResult result, Set<Integer> dirtyMarkets, Set<Long> dirtyUsers) {
        for (EngineEvent event : result.events()) {
            switch (event) {
                case EngineEvent.TradeExecuted e -> {
                    dirtyMarkets.add(e.marketId());
                    dirtyUsers.add(e.makerUserId());
                    dirtyUsers.add(e.takerUserId());
                    Optional<TradedMarket> market = catalog.byId(e.marketId());
                    if (market.isPresent()) {
                        TradedMarket m = market.get();
                        List<Consumer<PublicTrade>> listeners = trades.get(m.symbol());
                        if (listeners != null) {
                            PublicTrade trade = new PublicTrade(m.symbol(), e.tradeId(),
                                    BigDecimal.valueOf(e.price(), m.quote().scale()),
                                    BigDecimal.valueOf(e.quantity(), m.base().scale()), e.takerSide(),
                                    Instant.ofEpochMilli(e.timestamp()));
                            listeners.forEach(l -> deliver(() -> l.accept(trade)));
                        }
                    }
                    fill(e, e.makerUserId(), e.makerOrderId(), e.takerSide().opposite(), Liquidity.MAKER, e.makerFee());
                    fill(e, e.takerUserId(), e.takerOrderId(), e.takerSide(), Liquidity.TAKER, e.takerFee());
                }
                case EngineEvent.OrderAccepted e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderPartiallyFilled e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderFilled e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderCancelled e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderExpired e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderAmended e -> orderEvent(e, e.userId(), e.marketId(), dirtyMarkets, dirtyUsers);
                case EngineEvent.OrderClosed e -> orderEvent(e, e.userId(), -1, dirtyMarkets, dirtyUsers);
                case EngineEvent.BalanceAdjusted e -> dirtyUsers.add(e.userId());
                case EngineEvent.MarketUpdated e -> dirtyMarkets.add(e.market().id());
                default -> {
                    // Rejections change nothing; listings reach clients through markets().
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
        List<AccountListener> listeners = accounts.get(userId);
        if (listeners != null) {
            OrderEvent converted = json.convertValue(views.event(event), OrderEvent.class);
            listeners.forEach(l -> deliver(() -> l.orderEvent(converted)));
        }
    }

    private void fill(EngineEvent.TradeExecuted e, long userId, long orderId, Side side, Liquidity liquidity, long fee) {
        List<AccountListener> listeners = accounts.get(userId);
        if (listeners != null) {
            OwnTrade own = new OwnTrade(e.tradeId(), e.marketId(), orderId, side, liquidity, e.price(), e.quantity(),
                    e.quoteQuantity(), fee, Instant.ofEpochMilli(e.timestamp()), null);
            Fill converted = json.convertValue(views.fill(own), Fill.class);
            listeners.forEach(l -> deliver(() -> l.fill(converted)));
        }
    }

    private void sendBook(String symbol) {
        List<Consumer<Book>> listeners = depth.get(symbol);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        Book book = book(server, symbol, DEPTH_LEVELS);
        listeners.forEach(l -> deliver(() -> l.accept(book)));
    }

    private void sendBalances(long userId) {
        List<AccountListener> listeners = accounts.get(userId);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        List<Balance> balances = balances(server, userId);
        listeners.forEach(l -> deliver(() -> l.balances(balances)));
    }

    /** The book as the engine holds it now, read between two batches. */
    static Book book(EmbeddedServer server, String symbol, int levels) {
        TradedMarket m = server.trading().markets().bySymbol(symbol).orElseThrow(
                () -> InProcessWorkstationClient.unknownMarket(symbol));
        try {
            List<List<io.orderbook.domain.engine.BookLevel>> sides = server.trading().sequencer().read(engine ->
                    engine.market(m.id()).isPresent()
                            ? List.of(engine.depth(m.id(), Side.BUY, levels), engine.depth(m.id(), Side.SELL, levels))
                            : List.<List<io.orderbook.domain.engine.BookLevel>>of(List.of(), List.of()))
                    .get(10, TimeUnit.SECONDS);
            return new Book(symbol, levels(sides.get(0), m), levels(sides.get(1), m));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the book", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the book of " + symbol, e);
        }
    }

    private static List<BookLevel> levels(List<io.orderbook.domain.engine.BookLevel> levels, TradedMarket m) {
        List<BookLevel> out = new ArrayList<>(levels.size());
        for (io.orderbook.domain.engine.BookLevel level : levels) {
            out.add(new BookLevel(BigDecimal.valueOf(level.price(), m.quote().scale()),
                    BigDecimal.valueOf(level.quantity(), m.base().scale()), level.orders()));
        }
        return out;
    }

    static List<Balance> balances(EmbeddedServer server, long userId) {
        return server.trading().balances().balances(userId).stream()
                .map(b -> new Balance(b.asset().code(), BigDecimal.valueOf(b.available(), b.asset().scale()),
                        BigDecimal.valueOf(b.locked(), b.asset().scale())))
                .toList();
    }

    private static void deliver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A stream listener failed", e);
        }
    }
}
