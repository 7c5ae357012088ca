package io.orderbook.app.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.trading.AccountListener;
import io.orderbook.app.client.trading.Balance;
import io.orderbook.app.client.trading.Book;
import io.orderbook.app.client.trading.Fill;
import io.orderbook.app.client.trading.OrderEvent;
import io.orderbook.app.client.trading.PublicTrade;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live streams over one WebSocket to {@code /api/v1/ws}: authenticates with the current access token in its
 * first message, subscribes to what listeners want, and dispatches the server's messages. When the connection
 * drops (network, server restart, an expired token) it reconnects with a fresh token after a short pause and
 * subscribes again; depth and balances are snapshots, so nothing needs repairing.
 */
final class HttpStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpStreams.class);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final JsonHttp http;
    private final ObjectMapper json;
    private final Map<String, List<Consumer<Book>>> depth = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<PublicTrade>>> trades = new ConcurrentHashMap<>();
    private final List<AccountListener> account = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ws-reconnect").factory());
    private volatile WebSocket socket;
    private volatile boolean connecting;
    private volatile boolean closed;

    HttpStreams(JsonHttp http) {
        this.http = http;
        this.json = http.json();
    }

    AutoCloseable onBook(String market, Consumer<Book> listener) {
        return add(depth, market, listener, "depth");
    }

    AutoCloseable onTrades(String market, Consumer<PublicTrade> listener) {
        return add(trades, market, listener, "trades");
    }

    AutoCloseable onAccount(AccountListener listener) {
        boolean first = account.isEmpty();
        account.add(listener);
        if (first) {
            send(Map.of("op", "subscribe", "channel", "orders"));
            send(Map.of("op", "subscribe", "channel", "balances"));
        } else {
            // A later listener wants its first balance snapshot too: subscribing again sends one.
            send(Map.of("op", "subscribe", "channel", "balances"));
        }
        ensureConnected();
        return () -> {
            account.remove(listener);
            if (account.isEmpty()) {
                send(Map.of("op", "unsubscribe", "channel", "orders"));
                send(Map.of("op", "unsubscribe", "channel", "balances"));
            }
        };
    }

    private <T> AutoCloseable add(Map<String, List<Consumer<T>>> listeners, String market, Consumer<T> listener,
                                  String channel) {
        List<Consumer<T>> list = listeners.computeIfAbsent(market, m -> new CopyOnWriteArrayList<>());
        list.add(listener);
        send(Map.of("op", "subscribe", "channel", channel, "market", market));
        ensureConnected();
        return () -> {
            list.remove(listener);
            if (list.isEmpty()) {
                listeners.remove(market, list);
                send(Map.of("op", "unsubscribe", "channel", channel, "market", market));
            }
        };
    }

    private synchronized void ensureConnected() {
        if (closed || socket != null || connecting) {
            return;
        }
        connecting = true;
        Thread.ofVirtual().name("ws-connect").start(this::connect);
    }

    private void connect() {
        try {
            String token = http.accessToken();
            WebSocket ws = http.httpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(http.webSocketUri(), new Receiver()).join();
            ws.sendText(json.writeValueAsString(Map.of("op", "auth", "token", token)), true).join();
            synchronized (this) {
                socket = ws;
                connecting = false;
            }
            resubscribe();
        } catch (Exception e) {
            LOG.debug("WebSocket connection failed; retrying", e);
            synchronized (this) {
                connecting = false;
            }
            scheduleReconnect();
        }
    }

    private void resubscribe() {
        depth.keySet().forEach(m -> send(Map.of("op", "subscribe", "channel", "depth", "market", m)));
        trades.keySet().forEach(m -> send(Map.of("op", "subscribe", "channel", "trades", "market", m)));
        if (!account.isEmpty()) {
            send(Map.of("op", "subscribe", "channel", "orders"));
            send(Map.of("op", "subscribe", "channel", "balances"));
        }
    }

    private void scheduleReconnect() {
        if (!closed) {
            timer.schedule(this::ensureConnected, RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Sends now when connected; otherwise the subscription is made on (re)connecting. */
    private synchronized void send(Map<String, ?> message) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        try {
            // Sends must not overlap: wait for each (they are tiny).
            ws.sendText(json.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Could not send a stream message; the reconnect subscribes again", e);
        }
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (Exception e) {
            LOG.warn("Ignoring an unreadable stream message");
            return;
        }
        String market = message.path("market").asText("");
        try {
            switch (message.path("type").asText("")) {
                case "depth" -> {
                    Book book = json.treeToValue(message, Book.class);
                    depth.getOrDefault(market, List.of()).forEach(l -> l.accept(book));
                }
                case "trade" -> {
                    PublicTrade trade = json.treeToValue(message, PublicTrade.class);
                    trades.getOrDefault(market, List.of()).forEach(l -> l.accept(trade));
                }
                case "order" -> {
                    OrderEvent event = json.treeToValue(message.path("event"), OrderEvent.class);
                    account.forEach(l -> l.orderEvent(event));
                }
                case "fill" -> {
                    Fill fill = json.treeToValue(message.path("fill"), Fill.class);
                    account.forEach(l -> l.fill(fill));
                }
                case "balances" -> {
                    List<Balance> balances = List.of(json.treeToValue(message.path("balances"), Balance[].class));
                    account.forEach(l -> l.balances(balances));
                }
                case "error" -> LOG.warn("Stream error {}: {}", message.path("code").asText(),
                        message.path("message").asText());
                default -> {
                    // authenticated, subscribed, pong, market: nothing to do.
                }
            }
        } catch (Exception e) {
            LOG.warn("A stream listener failed on a {} message", message.path("type").asText(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
            ws.abort();
        }
    }

    /** Assembles messages (the server may send one in several frames) and notices the end of the connection. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost();
        }

        private void lost() {
            synchronized (HttpStreams.this) {
                socket = null;
            }
            scheduleReconnect();
        }
    }

    /** Which channels have listeners, for tests. */
    Set<String> depthMarkets() {
        return depth.keySet();
    }
}
