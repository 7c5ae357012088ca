package io.orderbook.adapters.websocket;

import io.javalin.websocket.WsContext;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * One WebSocket connection: who it authenticated as, what it subscribed to, and its outgoing messages. Only the
 * publisher thread of {@link TradingStreams} sends and changes subscriptions, so messages to one client leave in
 * the order they were produced. Sends are asynchronous; a client that lets more than {@link #MAX_PENDING}
 * messages pile up is disconnected rather than allowed to grow the server's memory.
 */
final class StreamSession {
    /** Messages sent but not yet written to the client, beyond which the client counts as too slow. */
    static final int MAX_PENDING = 4096;

    final WsContext ctx;
    final String clientIp;
    /** Set once authenticated, by the connection's handler thread; read by the publisher. */
    private volatile Caller caller;
    /** The credentials, kept to check again that they are still valid; their text is never printed. */
    private volatile PresentedCredentials credentials;
    /** Publisher thread only. */
    final Set<Subscription> subscriptions = new HashSet<>();
    private final AtomicInteger pending = new AtomicInteger();
    /** How many subscriptions the publisher holds for this session, for the endpoint's limit. */
    private volatile int subscriptionCount;
    private volatile boolean closed;

    StreamSession(WsContext ctx) {
        this.ctx = ctx;
        SocketAddress remote = ctx.session.getRemoteSocketAddress();
        this.clientIp = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    Caller caller() {
        return caller;
    }

    PresentedCredentials credentials() {
        return credentials;
    }

    boolean authenticated() {
        return caller != null;
    }

    void authenticated(Caller who, PresentedCredentials presented) {
        this.credentials = presented;
        this.caller = who;
    }

    /** The authenticated user's id; only for authenticated sessions. */
    long userId() {
        return caller.userIdOrNull();
    }

    int subscriptionCount() {
        return subscriptionCount;
    }

    void subscriptionCount(int count) {
        subscriptionCount = count;
    }

    /** Sends a text message without waiting; closes the connection if the client is too slow. */
    void send(String text) {
        if (closed || !ctx.session.isOpen()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            close(1008, "too slow: messages are piling up");
            return;
        }
        ctx.session.sendText(text, Callback.from(pending::decrementAndGet, failure -> pending.decrementAndGet()));
    }

    void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        ctx.closeSession(code, reason);
    }

    boolean closed() {
        return closed || !ctx.session.isOpen();
    }

    /** One stream a session receives. */
    record Subscription(Channel channel, Integer marketId) {
    }

    /** The streams there are: per market (depth, trades) and per user (their orders, their balances). */
    enum Channel {
        DEPTH(true),
        TRADES(true),
        ORDERS(false),
        BALANCES(false);

        final boolean perMarket;

        Channel(boolean perMarket) {
            this.perMarket = perMarket;
        }
    }
}
