package io.orderbook.adapters.http.orders;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.orderbook.adapters.http.identity.IdentityRequests;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.Retry;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.SequencerUnavailableException;
import io.orderbook.application.users.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** What the trading handlers read from a request besides its body: idempotency, markets, filters. */
public final class TradingRequests {

    /** The header that makes a write safe to retry. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private TradingRequests() {
    }

    /**
     * The request's idempotency key with the fingerprint of its canonical form, or null without the header;
     * 400 for a key that is empty, longer than {@value CommandContext#MAX_IDEMPOTENCY_KEY} or not visible ASCII.
     *
     * @param ctx       the request
     * @param canonical the request as text that is equal exactly when two requests mean the same (method, route,
     *                  path ids and the parsed, normalised body), so whitespace, key order or {@code "1.0"} versus
     *                  {@code "1"} make no difference
     * @return the key and fingerprint, or null when the request has no {@code Idempotency-Key} header
     * @throws ApiProblem 400 {@code VALIDATION_FAILED} for a malformed key
     */
    public static Retry retry(Context ctx, String canonical) {
        String key = ctx.header(IDEMPOTENCY_KEY_HEADER);
        if (key == null) {
            return null;
        }
        if (!Retry.isValidKey(key)) {
            throw ApiProblem.validation(IDEMPOTENCY_KEY_HEADER, "must be 1 to " + CommandContext.MAX_IDEMPOTENCY_KEY
                    + " visible ASCII characters");
        }
        return new Retry(key, fingerprint(canonical));
    }

    /** Hex SHA-256 of the canonical request. */
    static String fingerprint(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Wraps a handler so that an unavailable sequencer is answered with 503 and {@code Retry-After}.
     *
     * @param handler the handler that may reach the sequencer
     * @return the wrapped handler
     */
    public static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (SequencerUnavailableException e) {
                throw TradingProblems.unavailable();
            }
        };
    }

    /**
     * Looks a live market up by symbol.
     *
     * @param catalog the markets
     * @param symbol  the symbol, e.g. {@code BTC-USD}
     * @return the market
     * @throws ApiProblem 404 {@code UNKNOWN_MARKET} if no live market has that symbol
     */
    public static TradedMarket market(MarketCatalog catalog, String symbol) {
        return catalog.bySymbol(symbol).orElseThrow(() -> TradingProblems.unknownMarket(symbol));
    }

    /**
     * Reads the optional {@code market} query parameter.
     *
     * @param ctx     the request
     * @param catalog the markets
     * @return the market's id, or null when the parameter is absent
     * @throws ApiProblem 404 {@code UNKNOWN_MARKET} for a symbol that names no live market
     */
    public static Integer marketParam(Context ctx, MarketCatalog catalog) {
        String symbol = ctx.queryParam("market");
        return symbol == null ? null : market(catalog, symbol).id();
    }

    /**
     * Whose records to list: the caller's own, or for an administrator those of {@code userId} (null for
     * everyone's). A trader may name only themselves; naming another user is 403.
     *
     * @param ctx                the request, whose optional {@code userId} query parameter names the owner
     * @param actor              who is asking
     * @param everyoneWhenAbsent whether an administrator without {@code userId} sees everyone's records (else their own)
     * @return the owner to filter by, or null for everyone's
     * @throws ApiProblem 403 if a trader names another user, 400 for a malformed {@code userId}
     */
    public static Long ownerFilter(Context ctx, Actor actor, boolean everyoneWhenAbsent) {
        Long userId = IdentityRequests.queryId(ctx, "userId");
        if (actor.isAdmin()) {
            return userId != null ? userId : (everyoneWhenAbsent ? null : actor.userId());
        }
        if (userId != null && userId != actor.userId()) {
            throw ApiProblem.forbidden("Only administrators may see other users' records.");
        }
        return actor.userId();
    }

    /**
     * Reads an optional enum query parameter, by the constant's exact name.
     *
     * @param <E>        the enum
     * @param ctx        the request
     * @param name       the parameter, e.g. {@code status}
     * @param type       the enum's class
     * @param violations where a value that names no constant is recorded
     * @return the constant, or null when absent or unknown
     */
    public static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type, Violations violations) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        violations.add(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    /** A client order id as the API accepts it: 1 to 64 visible ASCII characters. */
    static boolean isValidClientOrderId(String id) {
        return !id.isEmpty() && id.length() <= CommandContext.MAX_CLIENT_ORDER_ID
                && id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
