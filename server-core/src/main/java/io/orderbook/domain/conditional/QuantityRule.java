package io.orderbook.domain.conditional;

/**
 * How much a conditional order trades when it fires. Amounts are minor units; percentages parts per million
 * (1% is 10,000), above 0 and at most 1,000,000.
 */
public sealed interface QuantityRule {

    /**
     * A fixed base quantity.
     *
     * @param quantity base minor units, positive; rounded down to the market's lot when sized
     */
    record BaseQuantity(long quantity) implements QuantityRule {
        /**
         * Checks the quantity.
         *
         * @throws IllegalArgumentException if {@code quantity} is not positive
         */
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
        /**
         * Checks the amount.
         *
         * @throws IllegalArgumentException if {@code amount} is not positive
         */
        public QuoteNotional {
            positive(amount, "amount");
        }
    }

    /**
     * A share of the available balance of what the order spends: the quote asset for a buy, the base for a sell.
     *
     * @param ppm the share in parts per million, above 0 and at most 1,000,000
     */
    record BalancePercent(long ppm) implements QuantityRule {
        /**
         * Checks the share.
         *
         * @throws IllegalArgumentException if {@code ppm} is not above 0 and at most 1,000,000
         */
        public BalancePercent {
            percentage(ppm);
        }
    }

    /**
     * For a protective stop: a share of what an order of the same user has filled, when this one fires.
     *
     * @param orderId the order whose filled quantity counts, positive
     * @param ppm     the share in parts per million, above 0 and at most 1,000,000
     */
    record FilledPercent(long orderId, long ppm) implements QuantityRule {
        /**
         * Checks the order id and the share.
         *
         * @throws IllegalArgumentException if {@code orderId} is not positive or {@code ppm} is out of range
         */
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
