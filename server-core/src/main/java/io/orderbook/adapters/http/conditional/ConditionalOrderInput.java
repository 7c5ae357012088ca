package io.orderbook.adapters.http.conditional;

import io.orderbook.adapters.http.orders.TradingRequests;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.application.conditional.NewConditionalOrder;
import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.domain.conditional.ConditionalKind;
import io.orderbook.domain.conditional.PartsPerMillion;
import io.orderbook.domain.conditional.QuantityRule;
import io.orderbook.domain.conditional.TrailingOffset;
import io.orderbook.domain.conditional.TriggerDirection;
import io.orderbook.domain.model.OrderType;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a conditional-order request and converts it into the engine's units, answering every mistake at once
 * (400 {@code VALIDATION_FAILED} with a field error each; 404 {@code UNKNOWN_MARKET} for an unknown market).
 */
public final class ConditionalOrderInput {
    /** Percentages have at most four decimal places: parts per million. */
    static final int PERCENT_SCALE = 4;

    private ConditionalOrderInput() {
    }

    /**
     * The request's conditional order, or the two legs of its pair, in the engine's units; also for callers in the
     * same process (the workstation's embedded mode), so that they check exactly as the HTTP edge does.
     *
     * @param body    the request body
     * @param catalog the markets
     * @return one order, or the two legs of a one-cancels-the-other pair
     * @throws io.orderbook.adapters.http.problem.ApiProblem for every mistake, as described above
     */
    public static List<NewConditionalOrder> legs(ConditionalOrderRequest body, MarketCatalog catalog) {
        Violations violations = new Violations().require("market", body.market());
        violations.throwIfAny();
        TradedMarket market = TradingRequests.market(catalog, body.market());
        List<NewConditionalOrder> legs = new ArrayList<>();
        if (body.legs() == null) {
            legs.add(leg(body.asLeg(), "", market, violations));
            violations.throwIfAny();
            return legs;
        }
        boolean topLevel = body.kind() != null || body.side() != null || body.orderType() != null
                || body.triggerPrice() != null || body.limitPrice() != null || body.trailingAmount() != null
                || body.trailingPercent() != null || body.quantity() != null;
        violations.check(!topLevel, "legs", "a pair's fields go in its legs, not at the top level");
        if (body.legs().size() != 2 || body.legs().contains(null)) {
            violations.add("legs", "a one-cancels-the-other pair has exactly two legs");
            violations.throwIfAny();
        }
        for (int i = 0; i < 2; i++) {
            legs.add(leg(body.legs().get(i), "legs[" + i + "].", market, violations));
        }
        violations.throwIfAny();
        NewConditionalOrder first = legs.get(0);
        NewConditionalOrder second = legs.get(1);
        if (first.side() != second.side()) {
            violations.add("legs", "both legs must be on the same side: they close the same position");
        } else if (first.kind().direction(first.side()) == second.kind().direction(second.side())) {
            violations.add("legs", "one leg must fire on a falling price and the other on a rising one");
        } else if (first.triggerPrice() != null && second.triggerPrice() != null) {
            NewConditionalOrder below = first.kind().direction(first.side()) == TriggerDirection.AT_OR_BELOW
                    ? first : second;
            NewConditionalOrder above = below == first ? second : first;
            violations.check(below.triggerPrice() < above.triggerPrice(), "legs",
                    "the leg that fires on a falling price needs a lower trigger than the one that fires on a rising price");
        }
        violations.throwIfAny();
        return legs;
    }

    private static NewConditionalOrder leg(ConditionalOrderRequest.Leg leg, String prefix, TradedMarket market,
                                           Violations violations) {
        violations.require(prefix + "kind", leg.kind()).require(prefix + "side", leg.side())
                .require(prefix + "quantity", leg.quantity());
        OrderType type = leg.orderType() == null ? OrderType.MARKET : leg.orderType();
        boolean knownType = type == OrderType.MARKET || type == OrderType.LIMIT;
        violations.check(knownType, prefix + "orderType", "must be MARKET or LIMIT");
        int quoteScale = market.quote().scale();
        Long limitPrice = null;
        if (!knownType) {
            // Whether a limit price belongs depends on a type that is wrong already.
        } else if (type == OrderType.LIMIT) {
            violations.require(prefix + "limitPrice", leg.limitPrice());
            if (leg.limitPrice() != null) {
                limitPrice = amount(leg.limitPrice(), prefix + "limitPrice", quoteScale, violations);
                if (limitPrice > 0 && limitPrice % market.market().tickSize() != 0) {
                    violations.add(prefix + "limitPrice", "must be a multiple of the tick size "
                            + DecimalAmount.format(market.market().tickSize(), quoteScale));
                }
            }
        } else {
            violations.check(leg.limitPrice() == null, prefix + "limitPrice", "is only for LIMIT orders");
        }
        Long triggerPrice = null;
        TrailingOffset offset = null;
        Long distance = null;
        if (leg.kind() == ConditionalKind.TRAILING_STOP) {
            violations.check(leg.triggerPrice() == null, prefix + "triggerPrice",
                    "a trailing stop's trigger follows the price: set trailingAmount or trailingPercent instead");
            if ((leg.trailingAmount() == null) == (leg.trailingPercent() == null)) {
                violations.add(prefix + "trailingAmount", "set exactly one of trailingAmount and trailingPercent");
            } else if (leg.trailingAmount() != null) {
                offset = TrailingOffset.AMOUNT;
                distance = amount(leg.trailingAmount(), prefix + "trailingAmount", quoteScale, violations);
            } else {
                offset = TrailingOffset.PERCENT;
                distance = percent(leg.trailingPercent(), prefix + "trailingPercent", false, violations);
            }
        } else if (leg.kind() != null) {
            violations.require(prefix + "triggerPrice", leg.triggerPrice());
            if (leg.triggerPrice() != null) {
                triggerPrice = amount(leg.triggerPrice(), prefix + "triggerPrice", quoteScale, violations);
            }
            violations.check(leg.trailingAmount() == null && leg.trailingPercent() == null, prefix + "trailingAmount",
                    "only trailing stops trail");
        }
        QuantityRule quantity = leg.quantity() == null ? null
                : quantity(leg.quantity(), prefix + "quantity.", market, violations);
        if (!violations.isEmpty()) {
            return null; // the request is refused with every violation; no leg is built from it
        }
        return new NewConditionalOrder(market.id(), leg.kind(), leg.side(), type, limitPrice, triggerPrice, offset,
                distance, quantity);
    }

    private static QuantityRule quantity(ConditionalOrderRequest.QuantityRequest request, String prefix,
                                         TradedMarket market, Violations violations) {
        violations.require(prefix + "rule", request.rule()).require(prefix + "value", request.value());
        if (request.rule() == null || request.value() == null) {
            return null;
        }
        boolean filled = "FILLED_PERCENT".equals(request.rule());
        violations.check(filled == (request.orderId() != null), prefix + "orderId",
                filled ? "is required for FILLED_PERCENT" : "is only for FILLED_PERCENT");
        violations.check(request.orderId() == null || request.orderId() > 0, prefix + "orderId",
                "must be an order's id");
        return switch (request.rule()) {
            case "BASE" -> {
                long quantity = amount(request.value(), prefix + "value", market.base().scale(), violations);
                if (quantity > 0 && quantity % market.market().lotSize() != 0) {
                    violations.add(prefix + "value", "must be a multiple of the lot size "
                            + DecimalAmount.format(market.market().lotSize(), market.base().scale()));
                }
                yield quantity > 0 ? new QuantityRule.BaseQuantity(quantity) : null;
            }
            case "QUOTE" -> {
                long amount = amount(request.value(), prefix + "value", market.quote().scale(), violations);
                yield amount > 0 ? new QuantityRule.QuoteNotional(amount) : null;
            }
            case "BALANCE_PERCENT" -> {
                long ppm = percent(request.value(), prefix + "value", true, violations);
                yield ppm > 0 ? new QuantityRule.BalancePercent(ppm) : null;
            }
            case "FILLED_PERCENT" -> {
                long ppm = percent(request.value(), prefix + "value", true, violations);
                yield ppm > 0 && request.orderId() != null && request.orderId() > 0
                        ? new QuantityRule.FilledPercent(request.orderId(), ppm) : null;
            }
            default -> {
                violations.add(prefix + "rule", "must be one of BASE, QUOTE, BALANCE_PERCENT, FILLED_PERCENT");
                yield null;
            }
        };
    }

    private static long amount(String text, String field, int scale, Violations violations) {
        DecimalAmount.Parsed parsed = DecimalAmount.parse(text, scale, false);
        if (!parsed.ok()) {
            violations.add(field, parsed.error());
        }
        return parsed.value();
    }

    /** A percentage as parts per million: above 0, and at most 100 (or below 100 when {@code upToWhole} is false). */
    private static long percent(String text, String field, boolean upToWhole, Violations violations) {
        DecimalAmount.Parsed parsed = DecimalAmount.parse(text, PERCENT_SCALE, false);
        if (!parsed.ok()) {
            violations.add(field, parsed.error().replace("decimal places", "decimal places (a percentage)"));
            return 0;
        }
        long ppm = parsed.value();
        if (upToWhole ? ppm > PartsPerMillion.ONE : ppm >= PartsPerMillion.ONE) {
            violations.add(field, upToWhole ? "must be a percentage above 0 and at most 100"
                    : "must be a percentage above 0 and below 100");
            return 0;
        }
        return ppm;
    }
}
