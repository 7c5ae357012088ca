package io.orderbook.app.ticket;

import io.orderbook.app.client.trading.Market;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a ticket before it goes to the server (the server checks again): price on the tick, quantity on the lot,
 * value above the minimum, enough balance; and works out the estimated cost and fee. Exact decimal arithmetic.
 *
 * @param quantity  base quantity the ticket means (after converting a quote amount or a percentage), or null
 * @param notional  price times quantity in the quote asset, or null when unknown (a market order without a price)
 * @param fee       the taker fee on the notional (the most the order can pay)
 * @param problems  inline messages; empty when the ticket may be sent
 */
record TicketCheck(BigDecimal quantity, BigDecimal notional, BigDecimal fee, List<String> problems) {

    /**
     * @param price     the limit price, or for a market order the reference (best opposite price), or null
     * @param amount    what the user typed in the amount field
     * @param available balance available to spend: quote for a buy, base for a sell
     */
    public static TicketCheck of(Market market, Side side, TicketType type, AmountMode mode, BigDecimal price,
                                 BigDecimal amount, BigDecimal available) {
        List<String> problems = new ArrayList<>();
        if (type.hasPrice()) {
            if (price == null || price.signum() <= 0) {
                problems.add("Enter a positive price");
            } else if (price.remainder(market.tickSize()).signum() != 0) {
                problems.add("Price must be a multiple of the tick size " + market.tickSize().stripTrailingZeros().toPlainString());
            }
        }
        if (amount == null || amount.signum() <= 0) {
            problems.add("Enter a positive amount");
            return new TicketCheck(null, null, null, problems);
        }
        BigDecimal quantity = switch (mode) {
            case QUANTITY -> amount;
            case QUOTE -> price == null || price.signum() <= 0 ? null : floorToLot(amount.divide(price, 18, RoundingMode.DOWN), market);
            case PERCENT -> {
                if (amount.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.add("A percentage is at most 100");
                }
                BigDecimal share = available.multiply(amount).movePointLeft(2);
                if (side == Side.SELL) {
                    yield floorToLot(share, market);
                }
                yield price == null || price.signum() <= 0 ? null : floorToLot(
                        share.divide(price.multiply(BigDecimal.ONE.add(market.takerFee())), 18, RoundingMode.DOWN), market);
            }
        };
        if (quantity != null && quantity.remainder(market.lotSize()).signum() != 0) {
            problems.add("Quantity must be a multiple of the lot size " + market.lotSize().stripTrailingZeros().toPlainString());
        }
        if (quantity != null && quantity.signum() <= 0) {
            problems.add("The amount is less than one lot (" + market.lotSize().stripTrailingZeros().toPlainString() + ")");
        }
        BigDecimal notional = null;
        BigDecimal fee = null;
        if (quantity != null && price != null && price.signum() > 0) {
            notional = price.multiply(quantity).setScale(market.quoteScale(), RoundingMode.UP);
            fee = notional.multiply(market.takerFee()).setScale(market.quoteScale(), RoundingMode.UP);
            if (notional.compareTo(market.minNotional()) < 0) {
                problems.add("Order value is below the minimum " + market.minNotional().stripTrailingZeros().toPlainString()
                        + " " + market.quote());
            }
            if (side == Side.BUY && notional.add(fee).compareTo(available) > 0) {
                problems.add("Not enough " + market.quote() + ": needs " + notional.add(fee).toPlainString()
                        + ", available " + available.toPlainString());
            }
        }
        if (side == Side.SELL && quantity != null && quantity.compareTo(available) > 0) {
            problems.add("Not enough " + market.base() + ": available " + available.stripTrailingZeros().toPlainString());
        }
        return new TicketCheck(quantity, notional, fee, problems);
    }

    private static BigDecimal floorToLot(BigDecimal value, Market market) {
        return value.divide(market.lotSize(), 0, RoundingMode.DOWN).multiply(market.lotSize());
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
