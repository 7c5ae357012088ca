package io.orderbook.domain.conditional;

import io.orderbook.domain.model.Side;
import java.util.Objects;

/**
 * Turns a {@link QuantityRule} into the size of the order to place when a conditional order fires. Sizes round
 * down to the market's lot, so an order never spends more than its rule allows; whether the account can fund it
 * is left to the matching engine, which checks it as for any order.
 */
public final class OrderSizing {

    private OrderSizing() {
    }

    /**
     * What sizing needs to know at the moment of firing.
     *
     * @param side         the side of the order to place
     * @param marketOrder  whether it is a market order (else a limit order)
     * @param price        the limit price, or for a market order the price that fired it; quote minor units per
     *                     whole base unit, positive
     * @param baseScale    decimal places of the base asset
     * @param lotSize      quantity step, base minor units
     * @param takerFeePpm  the market's taker fee rate, which a limit buy must also be able to pay
     * @param available    the user's available balance of what the order spends (quote for a buy, base for a sell)
     * @param filled       for {@link QuantityRule.FilledPercent}: what the referenced order has filled; else ignored
     */
    public record Inputs(Side side, boolean marketOrder, long price, int baseScale, long lotSize, long takerFeePpm,
                         long available, long filled) {
        /** Checks the side and the market's figures. */
        public Inputs {
            Objects.requireNonNull(side, "side");
            if (price <= 0 || lotSize <= 0 || baseScale < 0 || baseScale > 18) {
                throw new IllegalArgumentException("invalid market figures");
            }
        }
    }

    /**
     * A size: either a base quantity or, for a market buy, a quote amount (the other is 0); or why there is none.
     *
     * @param quantity    base minor units, or 0
     * @param quoteAmount quote minor units for a market buy, or 0
     * @param failure null when sized, else a reason code such as {@code QUANTITY_ZERO}
     */
    public record Size(long quantity, long quoteAmount, String failure) {
        static Size base(long quantity) {
            return quantity > 0 ? new Size(quantity, 0, null) : zero();
        }

        static Size quote(long amount) {
            return amount > 0 ? new Size(0, amount, null) : zero();
        }

        static Size zero() {
            return new Size(0, 0, "QUANTITY_ZERO");
        }

        /**
         * Whether there is a size.
         *
         * @return true unless it failed
         */
        public boolean sized() {
            return failure == null;
        }
    }

    /**
     * The size the rule gives with these inputs.
     *
     * @param rule the order's quantity rule
     * @param in   the market, price and balances when it fires
     * @return the size, or why there is none
     */
    public static Size size(QuantityRule rule, Inputs in) {
        boolean marketBuy = in.marketOrder() && in.side() == Side.BUY;
        return switch (rule) {
            case QuantityRule.BaseQuantity q -> Size.base(lots(q.quantity(), in));
            case QuantityRule.QuoteNotional q -> marketBuy ? Size.quote(q.amount())
                    : Size.base(lots(baseFor(q.amount(), in), in));
            case QuantityRule.BalancePercent p -> {
                long budget = PartsPerMillion.floorOf(Math.max(0, in.available()), p.ppm());
                if (in.side() == Side.SELL) {
                    yield Size.base(lots(budget, in));
                }
                if (marketBuy) {
                    yield Size.quote(budget);
                }
                // A limit buy locks its value plus the fee it may pay as a taker.
                long net = PartsPerMillion.mulDivFloor(budget, PartsPerMillion.ONE, PartsPerMillion.ONE + in.takerFeePpm());
                yield Size.base(lots(baseFor(net, in), in));
            }
            case QuantityRule.FilledPercent p -> Size.base(lots(PartsPerMillion.floorOf(Math.max(0, in.filled()), p.ppm()), in));
        };
    }

    /** The base quantity that {@code quote} minor units buy at the inputs' price. */
    private static long baseFor(long quote, Inputs in) {
        return PartsPerMillion.mulDivFloor(quote, pow10(in.baseScale()), in.price());
    }

    private static long lots(long quantity, Inputs in) {
        return quantity - Math.floorMod(quantity, in.lotSize());
    }

    private static long pow10(int scale) {
        long result = 1;
        for (int i = 0; i < scale; i++) {
            result *= 10;
        }
        return result;
    }
}
