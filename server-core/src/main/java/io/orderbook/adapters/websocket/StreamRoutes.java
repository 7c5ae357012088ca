package io.orderbook.adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.orderbook.adapters.http.ApiJson;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.RequestState;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.websocket.StreamSession.Channel;
import io.orderbook.adapters.websocket.StreamSession.Subscription;
import io.orderbook.application.orders.TradedMarket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/v1/ws}: the WebSocket endpoint of {@link TradingStreams}. Browsers cannot send headers with a
 * WebSocket, so a client authenticates with its access token or API key either in the query
 * ({@code ?token=...} or {@code ?apiKey=...}) or in its first message ({@code {"op":"auth","token":"..."}} or
 * {@code {"op":"auth","apiKey":"..."}}), within the authentication timeout; the credentials are checked like a
 * request's (existence, expiry, revocation, owner enabled, IP allow-list) and again periodically, and never
 * logged. Then it subscribes:
 * <pre>
 * {"op":"subscribe","channel":"depth","market":"BTC-USDT"}   book depth snapshots
 * {"op":"subscribe","channel":"trades","market":"BTC-USDT"}  public trades
 * {"op":"subscribe","channel":"orders"}                      own order events and fills
 * {"op":"subscribe","channel":"balances"}                    own balance snapshots
 * {"op":"unsubscribe", ...same...}   {"op":"ping"}
 * </pre>
 * Every server message is a JSON object with a {@code type}: {@code authenticated}, {@code subscribed},
 * {@code unsubscribed}, {@code depth}, {@code trade}, {@code order}, {@code fill}, {@code balances},
 * {@code market} (halted or resumed), {@code pong} or {@code error} (with a {@code code}). A read-only key may
 * subscribe to everything: streams only read.
 */
public final class StreamRoutes implements HttpRoutes {

    private static final String PATH = ApiPaths.V1 + "/ws";
    /** Largest client message accepted; subscriptions are tiny. */
    static final int MAX_MESSAGE_BYTES = 4096;
    static final int MAX_SUBSCRIPTIONS = 200;
    /** Upgrade-request attribute: the outcome of checking credentials sent in the query. */
    private static final String UPGRADE_AUTHENTICATION = "orderbook.streamAuthentication";

    private final TradingStreams streams;
    private final Duration authenticationTimeout;
    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();

    /**
     * The stream endpoint over {@code streams}.
     *
     * @param streams               this instance's streams, which sessions subscribe to
     * @param authenticationTimeout how long a connection may stay open without authenticating before it is closed
     */
    public StreamRoutes(TradingStreams streams, Duration authenticationTimeout) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.authenticationTimeout = Objects.requireNonNull(authenticationTimeout, "authenticationTimeout");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.javalin().wsBeforeUpgrade(PATH, this::beforeUpgrade);
        // PUBLIC for the upgrade request: the client authenticates inside the connection, as browsers must.
        routes.javalin().ws(PATH, ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(this::message);
            ws.onClose(this::closed);
            ws.onError(this::closed);
        }, Access.PUBLIC);
    }

    /**
     * Checks credentials sent in the query while the upgrade is still an HTTP request, so that the request log
     * records the upgrade with its user and key (or the refusal's error code), never the credentials themselves. The
     * upgrade goes ahead either way: the connection tells the client and closes, as for credentials in a message.
     */
    private void beforeUpgrade(Context ctx) {
        Optional<PresentedCredentials> inQuery = credentials(ctx.queryParam("token"), ctx.queryParam("apiKey"));
        if (inQuery.isEmpty()) {
            return;
        }
        AuthenticationResult result;
        try {
            result = streams.authenticator().authenticate(inQuery.get(), ctx.ip());
        } catch (RuntimeException e) {
            return; // connect() tries again and tells the client if it still fails
        }
        switch (result) {
            case AuthenticationResult.Authenticated authenticated -> RequestState.authenticated(ctx, authenticated.caller());
            case AuthenticationResult.Refused refused -> {
                RequestState.identifiedButRefused(ctx, refused.identified());
                RequestState.failedWith(ctx, refused.problem().code());
            }
        }
        ctx.attribute(UPGRADE_AUTHENTICATION, result);
    }

    private void connect(WsConnectContext ctx) {
        ctx.session.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
        StreamSession session = new StreamSession(ctx);
        sessions.put(ctx.sessionId(), session);
        streams.opened(session);
        Optional<PresentedCredentials> inQuery = credentials(ctx.queryParam("token"), ctx.queryParam("apiKey"));
        AuthenticationResult atUpgrade = ctx.attribute(UPGRADE_AUTHENTICATION);
        if (inQuery.isPresent() && atUpgrade != null) {
            conclude(session, inQuery.get(), atUpgrade);
        } else if (inQuery.isPresent()) {
            authenticate(session, inQuery.get());
        } else {
            streams.requireAuthenticationWithin(session, authenticationTimeout);
        }
    }

    private void message(WsMessageContext ctx) {
        StreamSession session = sessions.get(ctx.sessionId());
        if (session == null) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(ctx.message());
        } catch (Exception e) {
            error(session, "MALFORMED_JSON", "messages must be JSON objects");
            return;
        }
        String op = message != null && message.isObject() ? message.path("op").asText("") : "";
        switch (op) {
            case "auth" -> {
                if (session.authenticated()) {
                    error(session, "BAD_REQUEST", "already authenticated");
                    return;
                }
                Optional<PresentedCredentials> presented = credentials(text(message, "token"), text(message, "apiKey"));
                if (presented.isEmpty()) {
                    refuse(session, "UNAUTHENTICATED", "send a token or an apiKey, not both");
                    return;
                }
                authenticate(session, presented.get());
            }
            case "subscribe", "unsubscribe" -> {
                if (!session.authenticated()) {
                    refuse(session, "UNAUTHENTICATED", "authenticate first");
                    return;
                }
                subscription(session, message).ifPresent(subscription -> {
                    if (op.equals("subscribe")) {
                        streams.subscribe(session, subscription);
                    } else {
                        streams.unsubscribe(session, subscription);
                    }
                });
            }
            case "ping" -> streams.tell(session, Map.of("type", "pong"));
            default -> {
                if (!session.authenticated()) {
                    refuse(session, "UNAUTHENTICATED", "authenticate first");
                } else {
                    error(session, "BAD_REQUEST", "op must be auth, subscribe, unsubscribe or ping");
                }
            }
        }
    }

    private Optional<Subscription> subscription(StreamSession session, JsonNode message) {
        Channel channel;
        try {
            channel = Channel.valueOf(message.path("channel").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(session, "VALIDATION_FAILED", "channel must be depth, trades, orders or balances");
            return Optional.empty();
        }
        if (!channel.perMarket) {
            return Optional.of(new Subscription(channel, null));
        }
        String symbol = text(message, "market");
        if (symbol == null) {
            error(session, "VALIDATION_FAILED", "market is required for " + channel.name().toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
        Optional<TradedMarket> market = streams.catalog().bySymbol(symbol);
        if (market.isEmpty()) {
            error(session, "UNKNOWN_MARKET", "there is no market " + symbol);
            return Optional.empty();
        }
        if (session.subscriptionCount() >= MAX_SUBSCRIPTIONS) {
            error(session, "BAD_REQUEST", "at most " + MAX_SUBSCRIPTIONS + " subscriptions per connection");
            return Optional.empty();
        }
        return Optional.of(new Subscription(channel, market.get().id()));
    }

    private void authenticate(StreamSession session, PresentedCredentials credentials) {
        AuthenticationResult result;
        try {
            result = streams.authenticator().authenticate(credentials, session.clientIp);
        } catch (RuntimeException e) {
            refuse(session, "SERVICE_UNAVAILABLE", "cannot check credentials now; reconnect");
            return;
        }
        conclude(session, credentials, result);
    }

    private void conclude(StreamSession session, PresentedCredentials credentials, AuthenticationResult result) {
        switch (result) {
            case AuthenticationResult.Authenticated authenticated -> {
                session.authenticated(authenticated.caller(), credentials);
                streams.tell(session, Map.of("type", "authenticated", "userId", session.userId()));
            }
            case AuthenticationResult.Refused refused ->
                    refuse(session, refused.problem().code().name(), refused.problem().detail());
        }
    }

    private void closed(WsContext ctx) {
        StreamSession session = sessions.remove(ctx.sessionId());
        if (session != null) {
            streams.closed(session);
        }
    }

    private void error(StreamSession session, String code, String message) {
        streams.tell(session, Map.of("type", "error", "code", code, "message", message));
    }

    /** An error after which the connection is closed (policy violation). */
    private void refuse(StreamSession session, String code, String message) {
        error(session, code, message);
        streams.closeAfterQueued(session, 1008, message);
    }

    private static Optional<PresentedCredentials> credentials(String token, String apiKey) {
        if (token != null && apiKey == null && !token.isBlank()) {
            return Optional.of(new PresentedCredentials.BearerToken(token.strip()));
        }
        if (apiKey != null && token == null && !apiKey.isBlank()) {
            return Optional.of(new PresentedCredentials.ApiKey(apiKey.strip()));
        }
        return Optional.empty();
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
