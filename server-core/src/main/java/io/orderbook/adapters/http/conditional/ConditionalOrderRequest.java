package io.orderbook.adapters.http.conditional;

import io.orderbook.domain.conditional.ConditionalKind;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.util.List;

/**
 * The body of {@code POST /conditional-orders} ({@code ConditionalOrderCreate}): one conditional order, or with
 * {@code legs} the two legs of a one-cancels-the-other pair in {@code market} (then the leg fields stay empty at the
 * top). Amounts are decimal strings in whole units; percentages are percent ({@code "2.5"} is 2.5%).
 *
 * @param market          the market's symbol
 * @param kind            what kind of conditional order
 * @param side            the side of the order it places
 * @param orderType       the type of the order it places
 * @param triggerPrice    the price that fires it; not for trailing stops
 * @param limitPrice      the limit price of the order it places, for limit orders
 * @param trailingAmount  a trailing stop's distance as an amount in the quote asset
 * @param trailingPercent a trailing stop's distance in percent; instead of {@code trailingAmount}
 * @param quantity        how much the placed order trades
 * @param legs            the two legs of a one-cancels-the-other pair, or null for a single order
 */
public record ConditionalOrderRequest(String market, ConditionalKind kind, Side side, OrderType orderType,
                                      String triggerPrice, String limitPrice, String trailingAmount,
                                      String trailingPercent, QuantityRequest quantity, List<Leg> legs) {

    /**
     * One leg of a pair: the same fields without the market.
     *
     * @param kind            what kind of conditional order
     * @param side            the side of the order it places
     * @param orderType       the type of the order it places
     * @param triggerPrice    the price that fires it; not for trailing stops
     * @param limitPrice      the limit price of the order it places, for limit orders
     * @param trailingAmount  a trailing stop's distance as an amount in the quote asset
     * @param trailingPercent a trailing stop's distance in percent
     * @param quantity        how much the placed order trades
     */
    public record Leg(ConditionalKind kind, Side side, OrderType orderType, String triggerPrice, String limitPrice,
                      String trailingAmount, String trailingPercent, QuantityRequest quantity) {
    }

    /**
     * How much the placed order trades: {@code BASE} (value in the base asset), {@code QUOTE} (value in the quote
     * asset), {@code BALANCE_PERCENT} (percent of the available balance of what the order spends) or
     * {@code FILLED_PERCENT} (percent of what order {@code orderId} has filled).
     *
     * @param rule    {@code BASE}, {@code QUOTE}, {@code BALANCE_PERCENT} or {@code FILLED_PERCENT}
     * @param value   the amount or the percentage, as a decimal string
     * @param orderId for {@code FILLED_PERCENT}, the order whose filled quantity counts
     */
    public record QuantityRequest(String rule, String value, Long orderId) {
    }

    Leg asLeg() {
        return new Leg(kind, side, orderType, triggerPrice, limitPrice, trailingAmount, trailingPercent, quantity);
    }
}
