package io.orderbook.adapters.http.orders;

import io.orderbook.adapters.http.QueryParameters;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.NewOrder;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.math.BigInteger;
import java.time.Clock;

/**
 * Checks an order request and converts its decimal text into the engine's exact units, answering every mistake
 * the edge can see at once (400 {@code VALIDATION_FAILED} with one field error each) before anything reaches
 * the engine: missing or contradictory fields, malformed numbers, zero or negative amounts, more decimal places
 * than the asset has, prices off the tick, quantities off the lot, absurdly large values. What only the engine
 * can judge (funds, minimum value, the book) it still refuses with its own codes.
 */
public final class OrderInput {

    private OrderInput() {
    }

    /**
     * The order the request asks for, in the engine's exact units.
     *
     * @param body    the request body
     * @param catalog the markets
     * @param clock   the time a GTD expiry must lie after
     * @return the order to submit
     * @throws io.orderbook.adapters.http.problem.ApiProblem 404 for an unknown market, 400
     *         {@code VALIDATION_FAILED} listing everything else wrong
     */
    public static NewOrder newOrder(PlaceOrderRequest body, MarketCatalog catalog, Clock clock) {
        Violations violations = new Violations()
                .require("market", body.market())
                .require("side", body.side())
                .require("type", body.type());
        violations.throwIfAny();
        TradedMarket traded = TradingRequests.market(catalog, body.market());
        Market market = traded.market();
        OrderType type = body.type();
        TimeInForce tif = body.timeInForce() != null ? body.timeInForce()
                : type == OrderType.MARKET ? TimeInForce.IOC
                : body.expireAt() != null ? TimeInForce.GTD : TimeInForce.GTC;

        long price = 0;
        long quantity = 0;
        long quoteAmount = 0;
        if (type == OrderType.MARKET) {
            violations.check(body.price() == null, "price", "must not be set for MARKET orders");
            violations.check(tif == TimeInForce.IOC || tif == TimeInForce.FOK, "timeInForce",
                    "must be IOC or FOK for MARKET orders");
            if (body.quoteAmount() != null) {
                violations.check(body.quantity() == null, "quantity", "must not be set together with quoteAmount");
                violations.check(body.side() == Side.BUY, "quoteAmount", "only market buys may be sized by quoteAmount");
                violations.check(tif != TimeInForce.FOK, "timeInForce", "must be IOC for orders sized by quoteAmount");
                quoteAmount = amount(body.quoteAmount(), "quoteAmount", traded.quote().scale(), violations);
            } else if (body.quantity() == null) {
                violations.add("quantity", "is required (or quoteAmount, for a market buy)");
            }
        } else {
            violations.require("price", body.price()).require("quantity", body.quantity());
            violations.check(body.quoteAmount() == null, "quoteAmount", "is only for MARKET buys");
            if (type == OrderType.LIMIT_MAKER) {
                violations.check(tif.rests(), "timeInForce", "must be GTC or GTD for LIMIT_MAKER orders");
            }
            if (body.price() != null) {
                price = amount(body.price(), "price", traded.quote().scale(), violations);
                if (price > 0 && price % market.tickSize() != 0) {
                    violations.add("price", "must be a multiple of the tick size "
                            + DecimalAmount.format(market.tickSize(), traded.quote().scale()));
                }
            }
        }
        if (body.quantity() != null) {
            quantity = amount(body.quantity(), "quantity", traded.base().scale(), violations);
            if (quantity > 0 && quantity % market.lotSize() != 0) {
                violations.add("quantity", "must be a multiple of the lot size "
                        + DecimalAmount.format(market.lotSize(), traded.base().scale()));
            }
        }
        if (price > 0 && quantity > 0 && tooValuable(price, quantity, market.baseScale())) {
            violations.add("quantity", "makes the order's value too large");
        }
        long expireAt = 0;
        if (tif == TimeInForce.GTD) {
            if (body.expireAt() == null) {
                violations.add("expireAt", "is required for GTD orders");
            } else if (!body.expireAt().isAfter(clock.instant())) {
                violations.add("expireAt", "must be in the future");
            } else if (!QueryParameters.isStorable(body.expireAt())) {
                violations.add("expireAt", "must be before the year 10000");
            } else {
                expireAt = body.expireAt().toEpochMilli();
            }
        } else if (body.expireAt() != null) {
            violations.add("expireAt", "is only for GTD orders");
        }
        if (body.clientOrderId() != null && !TradingRequests.isValidClientOrderId(body.clientOrderId())) {
            violations.add("clientOrderId", "must be 1 to 64 visible ASCII characters");
        }
        violations.throwIfAny();
        return new NewOrder(market.id(), body.side(), type, tif, price, quantity, quoteAmount, expireAt, body.stp());
    }

    /** The canonical text of a valid order request, for its idempotency fingerprint. */
    static String canonical(NewOrder order, String clientOrderId) {
        return "POST /orders\nmarket=" + order.marketId() + "\nside=" + order.side() + "\ntype=" + order.type()
                + "\ntimeInForce=" + order.timeInForce() + "\nprice=" + order.price() + "\nquantity=" + order.quantity()
                + "\nquoteAmount=" + order.quoteAmount() + "\nexpireAt=" + order.expireAt() + "\nstp=" + order.stp()
                + "\nclientOrderId=" + clientOrderId;
    }

    /** A positive amount in minor units of an asset with {@code scale} decimals, or 0 after noting the mistake. */
    static long amount(String text, String field, int scale, Violations violations) {
        DecimalAmount.Parsed parsed = DecimalAmount.parse(text, scale, false);
        if (!parsed.ok()) {
            violations.add(field, parsed.error());
        }
        return parsed.value();
    }

    /** Whether price times quantity exceeds what the engine can hold exactly. */
    static boolean tooValuable(long price, long quantity, int baseScale) {
        BigInteger notional = BigInteger.valueOf(price).multiply(BigInteger.valueOf(quantity))
                .divide(BigInteger.TEN.pow(baseScale));
        return notional.compareTo(BigInteger.valueOf(MatchingEngine.MAX_NOTIONAL)) > 0;
    }
}
