package io.orderbook.adapters.http.orders;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.application.orders.AdjustmentOutcome;
import io.orderbook.application.orders.OrderOutcome;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.model.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How trading refusals become problem responses: each {@link RejectReason} a client can cause has an
 * {@link ErrorCode} of the same name, whose status says what kind of refusal it is (400 the request is wrong,
 * 404 what it names does not exist for the caller, 409 it conflicts with the state of a market or order, 422 the
 * account cannot carry it out). The two reasons a client cannot cause are server faults (500).
 */
public final class TradingProblems {
    private static final Logger LOG = LoggerFactory.getLogger(TradingProblems.class);
    /** Seconds a client should wait before retrying when the sequencer is unavailable. */
    static final String RETRY_AFTER_SECONDS = "1";
    /** Response header on the stored first answer to a retried request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private TradingProblems() {
    }

    /**
     * The problem for an order command that did not succeed.
     *
     * @param outcome the command's outcome, a refusal or a reused idempotency key
     * @return the problem, marked {@code Idempotent-Replayed} when it repeats a stored answer
     * @throws IllegalStateException if the outcome is not a refusal
     */
    public static ApiProblem of(OrderOutcome outcome) {
        ApiProblem problem = switch (outcome.status()) {
            case DUPLICATE_CLIENT_ORDER_ID -> ApiProblem.of(ErrorCode.DUPLICATE_CLIENT_ORDER_ID,
                    "You already have an order with this clientOrderId.");
            case IDEMPOTENCY_KEY_REUSED -> keyReused();
            case APPLIED, REPLAYED -> {
                yield of(outcome.rejectReason().orElseThrow(
                        () -> new IllegalStateException("not a refusal: " + outcome.result())));
            }
        };
        return outcome.replayed() ? problem.withHeader(REPLAYED_HEADER, "true") : problem;
    }

    /**
     * The problem for a balance adjustment that did not succeed.
     *
     * @param outcome the adjustment's outcome, a refusal or a reused idempotency key
     * @return the problem, marked {@code Idempotent-Replayed} when it repeats a stored answer
     * @throws IllegalStateException if the outcome is not a refusal
     */
    public static ApiProblem of(AdjustmentOutcome outcome) {
        ApiProblem problem = outcome.result().status() == CommandResult.Status.IDEMPOTENCY_KEY_REUSED
                ? keyReused()
                : of(outcome.rejectReason().orElseThrow(() -> new IllegalStateException("not a refusal")));
        return outcome.replayed() ? problem.withHeader(REPLAYED_HEADER, "true") : problem;
    }

    /**
     * The problem for an engine refusal.
     *
     * @param reason why the engine refused the command
     * @return the problem with the code of the same name; 500 {@code INTERNAL} for reasons a client cannot cause
     */
    public static ApiProblem of(RejectReason reason) {
        return switch (reason) {
            case UNKNOWN_MARKET -> ApiProblem.of(ErrorCode.UNKNOWN_MARKET, "There is no such market.");
            case UNKNOWN_ASSET -> ApiProblem.of(ErrorCode.UNKNOWN_ASSET, "There is no such asset.");
            case UNKNOWN_ORDER -> unknownOrder();
            case ORDER_NOT_OPEN -> ApiProblem.of(ErrorCode.ORDER_NOT_OPEN, "The order is no longer open.");
            case INVALID_QUANTITY -> ApiProblem.of(ErrorCode.INVALID_QUANTITY,
                    "The quantity must be positive (and, for an amendment, more than what has filled).");
            case QUANTITY_NOT_LOT_MULTIPLE -> ApiProblem.of(ErrorCode.QUANTITY_NOT_LOT_MULTIPLE,
                    "The quantity must be a multiple of the market's lot size.");
            case INVALID_PRICE -> ApiProblem.of(ErrorCode.INVALID_PRICE, "The price must be positive.");
            case PRICE_NOT_TICK_MULTIPLE -> ApiProblem.of(ErrorCode.PRICE_NOT_TICK_MULTIPLE,
                    "The price must be a multiple of the market's tick size.");
            case PRICE_NOT_ALLOWED -> ApiProblem.of(ErrorCode.PRICE_NOT_ALLOWED, "Market orders take no price.");
            case QUOTE_AMOUNT_NOT_ALLOWED -> ApiProblem.of(ErrorCode.QUOTE_AMOUNT_NOT_ALLOWED,
                    "Only market buys may be sized by a quote amount.");
            case BELOW_MIN_NOTIONAL -> ApiProblem.of(ErrorCode.BELOW_MIN_NOTIONAL,
                    "The order's value is below the market's minimum.");
            case AMOUNT_TOO_LARGE -> ApiProblem.of(ErrorCode.AMOUNT_TOO_LARGE, "The amount or value is too large.");
            case INSUFFICIENT_FUNDS -> ApiProblem.of(ErrorCode.INSUFFICIENT_FUNDS,
                    "The available balance does not cover this.");
            case POST_ONLY_WOULD_TAKE -> ApiProblem.of(ErrorCode.POST_ONLY_WOULD_TAKE,
                    "A LIMIT_MAKER order at this price would trade at once.");
            case FOK_NOT_FILLABLE -> ApiProblem.of(ErrorCode.FOK_NOT_FILLABLE,
                    "The book cannot fill the whole fill-or-kill order now.");
            case NO_LIQUIDITY -> ApiProblem.of(ErrorCode.NO_LIQUIDITY, "The book has nothing to trade against.");
            case INVALID_TIME_IN_FORCE -> ApiProblem.of(ErrorCode.INVALID_TIME_IN_FORCE,
                    "This time in force does not fit the order type.");
            case INVALID_EXPIRE_TIME -> ApiProblem.of(ErrorCode.INVALID_EXPIRE_TIME,
                    "GTD orders need an expireAt, and only GTD orders take one.");
            case EXPIRE_TIME_IN_PAST -> ApiProblem.of(ErrorCode.EXPIRE_TIME_IN_PAST, "The expiry time has passed.");
            case CANNOT_TAKE_OWN_ORDER -> ApiProblem.of(ErrorCode.CANNOT_TAKE_OWN_ORDER,
                    "This is your own order; cancel or amend it instead.");
            case ALREADY_CLOSED -> ApiProblem.of(ErrorCode.ALREADY_CLOSED, "The order has already been closed.");
            case INVALID_AMOUNT -> ApiProblem.of(ErrorCode.INVALID_AMOUNT, "The amount must not be zero.");
            case MARKET_HALTED -> ApiProblem.of(ErrorCode.MARKET_HALTED, "The market is halted.");
            case DUPLICATE_ORDER_ID, INVALID_USER, MARKET_EXISTS, MARKET_FIELD_IMMUTABLE, MARKET_HAS_ORDERS -> {
                // The server chooses order ids and user ids, and order commands never list or change markets:
                // a client cannot cause these here.
                LOG.error("The engine refused a command with {}: a server fault", reason);
                yield ApiProblem.of(ErrorCode.INTERNAL,
                        "An unexpected error occurred. Quote the request id when reporting it.");
            }
        };
    }

    /** {@return 404 for an order that does not exist or is not the caller's} Both answers are the same on purpose. */
    public static ApiProblem unknownOrder() {
        return ApiProblem.of(ErrorCode.UNKNOWN_ORDER, "There is no such order.");
    }

    /**
     * The problem for a symbol that names no live market.
     *
     * @param symbol the symbol asked for
     * @return 404 {@code UNKNOWN_MARKET}
     */
    public static ApiProblem unknownMarket(String symbol) {
        return ApiProblem.of(ErrorCode.UNKNOWN_MARKET, "There is no market " + symbol + ".");
    }

    /** 503 with Retry-After: the command was not applied (or its outcome is unknown); retry with the same key. */
    static ApiProblem unavailable() {
        return ApiProblem.of(ErrorCode.SERVICE_UNAVAILABLE, "Trading is unavailable right now; retry shortly with "
                        + "the same Idempotency-Key to be safe.")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static ApiProblem keyReused() {
        return ApiProblem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used for a different request.");
    }
}
