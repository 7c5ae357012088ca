package io.orderbook.app.trading;

import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.WorkstationClient;
import io.orderbook.app.client.trading.AccountListener;
import io.orderbook.app.client.trading.Balance;
import io.orderbook.app.client.trading.Book;
import io.orderbook.app.client.trading.ConditionalOrder;
import io.orderbook.app.client.trading.Fill;
import io.orderbook.app.client.trading.Market;
import io.orderbook.app.client.trading.MarketStats;
import io.orderbook.app.client.trading.Order;
import io.orderbook.app.client.trading.OrderEvent;
import io.orderbook.app.client.trading.PublicTrade;
import io.orderbook.app.client.trading.TradingClient;
import io.orderbook.app.common.Background;
import io.orderbook.app.common.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading screens' shared state for one session, always changed on the FX thread. Live updates arrive on client
 * threads and are only parked there (the latest book, a queue of trades, "account changed" flags); one
 * {@link AnimationTimer} applies them once per pulse, so 1,000 book updates a second cost one redraw per frame.
 * Server calls run in the {@link Background}.
 */
public final class TradingModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingModel.class);
    private static final int HISTORY = 200;
    private static final Duration WATCHLIST_REFRESH = Duration.ofSeconds(30);

    private final WorkstationClient client;
    private final ObservableList<Market> markets = FXCollections.observableArrayList();
    private final ObservableList<WatchRow> watchlist = FXCollections.observableArrayList();
    private final ObjectProperty<Market> selectedMarket = new SimpleObjectProperty<>(this, "selectedMarket");
    private final ObjectProperty<Book> book = new SimpleObjectProperty<>(this, "book");
    private final ObservableList<Order> openOrders = FXCollections.observableArrayList();
    private final ObservableList<Order> orderHistory = FXCollections.observableArrayList();
    private final ObservableList<Fill> fills = FXCollections.observableArrayList();
    private final ObservableList<Balance> balances = FXCollections.observableArrayList();
    private final ObservableList<ConditionalOrder> conditionalOrders = FXCollections.observableArrayList();
    private final List<Consumer<List<PublicTrade>>> tradeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Notice>> noticeListeners = new CopyOnWriteArrayList<>();

    // Parked by client threads, applied by the pulse.
    private final AtomicReference<Book> pendingBook = new AtomicReference<>();
    private final ConcurrentLinkedQueue<PublicTrade> pendingTrades = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Notice> pendingNotices = new ConcurrentLinkedQueue<>();
    private final AtomicReference<List<Balance>> pendingBalances = new AtomicReference<>();
    private final AtomicBoolean ordersDirty = new AtomicBoolean();
    private boolean ordersLoading;
    private long lastWatchlistRefresh;

    private final AnimationTimer pulse;
    private AutoCloseable bookSubscription;
    private AutoCloseable tradeSubscription;
    private volatile AutoCloseable accountSubscription;
    private volatile String followedSymbol;
    private long followGeneration;
    private final Map<Long, String> conditionalStatus = new HashMap<>();

    /**
     * Something the user should notice: a fill, a rejection, a triggered order.
     *
     * @param kind  what happened, which decides how the notice is shown
     * @param title one short line, e.g. "Filled BUY BTC-USDT"
     * @param text  the details, e.g. quantity and price
     */
    public record Notice(Kind kind, String title, String text) {
        /** What a notice is about; each kind is shown in its own style. */
        public enum Kind {
            /** One of the user's orders traded. */
            FILL,
            /** The server refused an order or command. */
            REJECTED,
            /** A conditional order fired and placed its order. */
            TRIGGERED
        }
    }

    /**
     * Creates the state for a logged-in session and subscribes to the user's account updates; call {@link #load} to
     * fill it, and {@link #close()} when the session ends.
     *
     * @param client the logged-in user's client
     */
    public TradingModel(WorkstationClient client) {
        this.client = client;
        this.pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                applyPending(now);
            }
        };
        pulse.start();
        AccountListener account = new AccountListener() {
            @Override
            public void orderEvent(OrderEvent event) {
                ordersDirty.set(true);
            }

            @Override
            public void fill(Fill fill) {
                ordersDirty.set(true);
                pendingNotices.add(new Notice(Notice.Kind.FILL, "Filled " + fill.side() + " " + fill.market(),
                        Numbers.plain(fill.quantity()) + " @ " + Numbers.plain(fill.price())));
            }

            @Override
            public void balances(List<Balance> list) {
                pendingBalances.set(list);
            }
        };
        Background.run(() -> client.onAccount(account), subscription -> accountSubscription = subscription);
        selectedMarket.subscribe(this::follow);
    }

    /**
     * The client the views send their commands through.
     *
     * @return the logged-in user's client
     */
    public TradingClient client() {
        return client;
    }

    /**
     * Loads markets, orders, fills, balances and conditional orders in the background.
     *
     * @param preferredMarket the market to select when it is listed (the last one used); otherwise the first one is
     *                        selected; may be null
     */
    public void load(String preferredMarket) {
        Background.run(client::markets, list -> {
            markets.setAll(list);
            Market chosen = list.stream().filter(m -> m.symbol().equals(preferredMarket)).findFirst()
                    .orElse(list.isEmpty() ? null : list.getFirst());
            selectedMarket.set(chosen);
            refreshWatchlist();
        });
        refreshOrders();
        Background.run(client::balances, balances::setAll);
        refreshConditional();
    }

    /** Reads the open orders, history and fills again (after a change). */
    public void refreshOrders() {
        if (ordersLoading) {
            ordersDirty.set(true);
            return;
        }
        ordersLoading = true;
        ordersDirty.set(false);
        Background.run(() -> new Object[] {client.openOrders(), client.orderHistory(HISTORY), client.fills(HISTORY)},
                lists -> {
                    ordersLoading = false;
                    @SuppressWarnings("unchecked") List<Order> open = (List<Order>) lists[0];
                    @SuppressWarnings("unchecked") List<Order> history = (List<Order>) lists[1];
                    @SuppressWarnings("unchecked") List<Fill> fillList = (List<Fill>) lists[2];
                    openOrders.setAll(open);
                    orderHistory.setAll(history);
                    fills.setAll(fillList);
                }, e -> {
                    ordersLoading = false;
                    LOG.debug("Could not refresh orders: {}", e.getMessage());
                });
    }

    /** Reads the conditional orders again; tells the user about each one that fired since the last read. */
    public void refreshConditional() {
        Background.run(client::conditionalOrders, list -> {
            for (ConditionalOrder c : list) {
                String before = conditionalStatus.put(c.id(), c.status());
                if (before != null && !before.equals(c.status()) && "FIRED".equals(c.status())) {
                    notice(new Notice(Notice.Kind.TRIGGERED, "Fired " + c.kind() + " " + c.market(),
                            c.side() + (c.placedOrderId() == null ? "" : ", placed order " + c.placedOrderId())));
                }
            }
            conditionalOrders.setAll(list);
        }, e -> LOG.debug("Could not refresh conditional orders: {}", e.getMessage()));
    }

    private void refreshWatchlist() {
        List<Market> snapshot = List.copyOf(markets);
        lastWatchlistRefresh = System.nanoTime();
        Background.run(() -> watchRows(snapshot), watchlist::setAll, e -> LOG.debug("Watchlist: {}", e.getMessage()));
    }

    /** 24-hour figures from the stats endpoint when the server has it, else from each market's recent trades. */
    private List<WatchRow> watchRows(List<Market> list) {
        Optional<List<MarketStats>> stats = client.stats();
        List<WatchRow> rows = new ArrayList<>();
        for (Market m : list) {
            int decimals = Numbers.decimals(m.tickSize());
            Optional<MarketStats> s = stats.flatMap(all -> all.stream().filter(x -> x.market().equals(m.symbol())).findFirst());
            if (s.isPresent()) {
                BigDecimal fraction = s.get().changePercent() == null ? null : s.get().changePercent().movePointLeft(2);
                rows.add(new WatchRow(m.symbol(), s.get().last(), fraction, s.get().volume(), decimals));
                continue;
            }
            List<PublicTrade> trades = client.trades(m.symbol(), 500);
            Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
            BigDecimal last = trades.isEmpty() ? null : trades.getFirst().price();
            BigDecimal volume = BigDecimal.ZERO;
            BigDecimal first = null;
            for (PublicTrade t : trades) {
                if (t.time().isAfter(dayAgo)) {
                    volume = volume.add(t.quantity());
                    first = t.price();
                }
            }
            BigDecimal change = last != null && first != null && first.signum() > 0
                    ? last.subtract(first).divide(first, MathContext.DECIMAL64) : null;
            rows.add(new WatchRow(m.symbol(), last, change, volume, decimals));
        }
        return rows;
    }

    private void follow(Market market) {
        long generation = ++followGeneration;
        close(bookSubscription);
        close(tradeSubscription);
        bookSubscription = null;
        tradeSubscription = null;
        String symbol = market == null ? null : market.symbol();
        followedSymbol = symbol;
        pendingBook.set(null);
        pendingTrades.clear();
        book.set(null);
        if (symbol == null) {
            return;
        }
        // Subscribing may wait for the WebSocket: off the FX thread, and late answers for another market are dropped.
        Background.run(() -> new AutoCloseable[] {
            client.onBook(symbol, b -> {
                if (symbol.equals(followedSymbol)) {
                    pendingBook.set(b);
                }
            }),
            client.onTrades(symbol, t -> {
                if (symbol.equals(followedSymbol)) {
                    pendingTrades.add(t);
                }
            })}, subscriptions -> {
                if (generation == followGeneration) {
                    bookSubscription = subscriptions[0];
                    tradeSubscription = subscriptions[1];
                } else {
                    close(subscriptions[0]);
                    close(subscriptions[1]);
                }
            });
    }

    /**
     * Feeds a book as if it had arrived from the server (used by the FX load measurement).
     *
     * @param b the book; shown at the next pulse unless a newer one replaces it
     */
    public void offerBook(Book b) {
        pendingBook.set(b);
    }

    /**
     * Feeds a trade as if it had arrived from the server (used by the FX load measurement).
     *
     * @param t the trade; handed to the trade listeners at the next pulse
     */
    public void offerTrade(PublicTrade t) {
        pendingTrades.add(t);
    }

    /** Once per pulse: the newest book, the trades since the last pulse, balances, notices, order refreshes. */
    private void applyPending(long now) {
        Book b = pendingBook.getAndSet(null);
        if (b != null) {
            book.set(b);
        }
        if (!pendingTrades.isEmpty()) {
            List<PublicTrade> trades = new ArrayList<>();
            for (PublicTrade t; (t = pendingTrades.poll()) != null; ) {
                trades.add(t);
            }
            tradeListeners.forEach(l -> l.accept(trades));
            updateWatchLast(trades.getLast());
        }
        List<Balance> bal = pendingBalances.getAndSet(null);
        if (bal != null) {
            balances.setAll(bal);
        }
        for (Notice n; (n = pendingNotices.poll()) != null; ) {
            Notice notice = n;
            noticeListeners.forEach(l -> l.accept(notice));
        }
        if (ordersDirty.get() && !ordersLoading) {
            refreshOrders();
            refreshConditional();
        }
        if (now - lastWatchlistRefresh > WATCHLIST_REFRESH.toNanos() && !markets.isEmpty()) {
            refreshWatchlist();
        }
    }

    private void updateWatchLast(PublicTrade trade) {
        for (int i = 0; i < watchlist.size(); i++) {
            WatchRow row = watchlist.get(i);
            if (row.market().equals(trade.market()) && (row.last() == null || row.last().compareTo(trade.price()) != 0)) {
                watchlist.set(i, new WatchRow(row.market(), trade.price(), row.change(), row.volume(), row.priceDecimals()));
            }
        }
    }

    private void notice(Notice notice) {
        noticeListeners.forEach(l -> l.accept(notice));
    }

    /**
     * Tells the user that the server refused a command, as a notice.
     *
     * @param e the refusal
     */
    public void rejected(ClientException e) {
        notice(new Notice(Notice.Kind.REJECTED, "Rejected: " + e.title(), e.userMessage()));
    }

    /**
     * Adds a listener for the selected market's live trades.
     *
     * @param listener receives, once per pulse on the FX thread, the trades that arrived since the last pulse
     */
    public void onTrades(Consumer<List<PublicTrade>> listener) {
        tradeListeners.add(listener);
    }

    /**
     * Adds a listener for notices.
     *
     * @param listener receives each notice on the FX thread
     */
    public void onNotice(Consumer<Notice> listener) {
        noticeListeners.add(listener);
    }

    /**
     * The listed markets.
     *
     * @return the markets as the server lists them; empty until loaded
     */
    public ObservableList<Market> markets() {
        return markets;
    }

    /**
     * The watchlist, refreshed every 30 seconds and on each trade of the selected market.
     *
     * @return one row per market
     */
    public ObservableList<WatchRow> watchlist() {
        return watchlist;
    }

    /**
     * The market the ladder, chart and ticket show; setting it follows the new market's book and trades.
     *
     * @return the property; its value is null until the markets are loaded
     */
    public ObjectProperty<Market> selectedMarketProperty() {
        return selectedMarket;
    }

    /**
     * The market the ladder, chart and ticket show.
     *
     * @return the selected market; null until the markets are loaded
     */
    public Market selectedMarket() {
        return selectedMarket.get();
    }

    /**
     * The selected market's latest book, updated at most once per pulse.
     *
     * @return the property; its value is null until the first book arrives
     */
    public ObjectProperty<Book> bookProperty() {
        return book;
    }

    /**
     * The user's open orders.
     *
     * @return the open orders of every market, newest first
     */
    public ObservableList<Order> openOrders() {
        return openOrders;
    }

    /**
     * The user's recent orders in any status.
     *
     * @return at most the 200 newest orders, newest first
     */
    public ObservableList<Order> orderHistory() {
        return orderHistory;
    }

    /**
     * The user's recent fills.
     *
     * @return at most the 200 newest fills, newest first
     */
    public ObservableList<Fill> fills() {
        return fills;
    }

    /**
     * The user's balances.
     *
     * @return one balance per asset held
     */
    public ObservableList<Balance> balances() {
        return balances;
    }

    /**
     * The user's conditional orders.
     *
     * @return the conditional orders in any status, newest first
     */
    public ObservableList<ConditionalOrder> conditionalOrders() {
        return conditionalOrders;
    }

    /**
     * The available balance of an asset.
     *
     * @param asset the asset, e.g. {@code USDT}
     * @return what is available to spend; zero when the user holds none
     */
    public BigDecimal available(String asset) {
        return balances.stream().filter(b -> b.asset().equals(asset)).findFirst().map(Balance::available)
                .orElse(BigDecimal.ZERO);
    }

    private static void close(AutoCloseable subscription) {
        if (subscription != null) {
            Background.fireAndForget(() -> {
                try {
                    subscription.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Override
    public void close() {
        pulse.stop();
        close(bookSubscription);
        close(tradeSubscription);
        close(accountSubscription);
    }
}
