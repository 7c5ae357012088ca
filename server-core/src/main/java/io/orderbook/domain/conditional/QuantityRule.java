package io.orderbook.domain.conditional;

/**
 * How much a conditional order trades when it fires. Amounts are minor units; percentages parts per million
 * (1% is 10,000), above 0 and at most 1,000,000.
 */
public sealed interface QuantityRule {

    /**
     * A fixed base quantity, a multiple of the market's lot size.
     *
     * @param quantity base minor units, positive
     */
    record BaseQuantity(long quantity) implements QuantityRule {
        /** Checks that the quantity is positive. */
        public BaseQuantity {
            positive(quantity, "quantity");
        }
    }

    /**
     * Spend (buy) or raise (sell) about this much of the quote asset: a market buy is sized by quote amount (fees
     * included) in the engine; otherwise the base quantity is the amount at the order's price, down to the lot.
     *
     * @param amount quote minor units, positive
     */
    record QuoteNotional(long amount) implements QuantityRule {
        /** Checks that the amount is positive. */
        public QuoteNotional {
            positive(amount, "amount");
        }
    }

    /**
     * A share of the available balance of what the order spends: the quote asset for a buy, the base for a sell.
     *
     * @param ppm the share in parts per million
     */
    record BalancePercent(long ppm) implements QuantityRule {
        /** Checks that the share is above 0 and at most all. */
        public BalancePercent {
            percentage(ppm);
        }
    }

    /**
     * For a protective stop: a share of what an order of the same user has filled, when this one fires.
     *
     * @param orderId the order whose fills it protects
     * @param ppm     the share in parts per million
     */
    record FilledPercent(long orderId, long ppm) implements QuantityRule {
        /** Checks the order id and that the share is above 0 and at most all. */
        public FilledPercent {
            positive(orderId, "orderId");
            percentage(ppm);
        }
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void percentage(long ppm) {
        if (ppm <= 0 || ppm > PartsPerMillion.ONE) {
            throw new IllegalArgumentException("percentage must be above 0 and at most 100");
        }
    }
}
