package io.orderbook.domain.conditional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.orderbook.domain.model.Side;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Each quantity rule's size, by example and as properties over any balance, price and lot. */
class OrderSizingTest {
    // BTC-USDT-like: 8 base decimals, lot 0.0001 BTC, price in USDT minor units (6 decimals), 0.2% taker fee.
    static final int SCALE = 8;
    static final long LOT = 10_000;
    static final long PRICE = 50_000_000_000L; // 50,000 USDT

    static OrderSizing.Inputs inputs(Side side, boolean market, long available, long filled) {
        return new OrderSizing.Inputs(side, market, PRICE, SCALE, LOT, 2_000, available, filled);
    }

    @Test
    void aBaseQuantityIsTakenAsItIs() {
        assertThat(OrderSizing.size(new QuantityRule.BaseQuantity(50_000_000), inputs(Side.SELL, true, 0, 0)))
                .isEqualTo(new OrderSizing.Size(50_000_000, 0, null));
    }

    @Test
    void aQuoteNotionalIsAQuoteAmountForAMarketBuyAndABaseQuantityAtThePriceOtherwise() {
        QuantityRule spend = new QuantityRule.QuoteNotional(1_000_000_000L); // 1,000 USDT
        assertThat(OrderSizing.size(spend, inputs(Side.BUY, true, 0, 0))).isEqualTo(new OrderSizing.Size(0, 1_000_000_000L, null));
        // 1,000 / 50,000 = 0.02 BTC
        assertThat(OrderSizing.size(spend, inputs(Side.BUY, false, 0, 0))).isEqualTo(new OrderSizing.Size(2_000_000, 0, null));
        assertThat(OrderSizing.size(spend, inputs(Side.SELL, true, 0, 0))).isEqualTo(new OrderSizing.Size(2_000_000, 0, null));
        // 1 USDT buys 0.00002 BTC, below the lot: nothing to place.
        assertThat(OrderSizing.size(new QuantityRule.QuoteNotional(1_000_000), inputs(Side.SELL, false, 0, 0)).failure())
                .isEqualTo("QUANTITY_ZERO");
    }

    @Test
    void aBalancePercentSellsThatShareOfTheBaseAndBuysWithThatShareOfTheQuote() {
        QuantityRule half = new QuantityRule.BalancePercent(500_000);
        // half of 1.23456789 BTC, down to the lot: 0.6172
        assertThat(OrderSizing.size(half, inputs(Side.SELL, true, 123_456_789, 0)).quantity()).isEqualTo(61_720_000);
        // half of 10,000 USDT as a market buy's quote amount
        assertThat(OrderSizing.size(half, inputs(Side.BUY, true, 10_000_000_000L, 0)))
                .isEqualTo(new OrderSizing.Size(0, 5_000_000_000L, null));
        // a limit buy keeps the taker fee: 5,000 / 1.002 / 50,000 = 0.0998003..., down to 0.0998
        assertThat(OrderSizing.size(half, inputs(Side.BUY, false, 10_000_000_000L, 0)).quantity()).isEqualTo(9_980_000);
    }

    @Test
    void aFilledPercentIsThatShareOfWhatTheOrderFilled() {
        assertThat(OrderSizing.size(new QuantityRule.FilledPercent(7, 1_000_000), inputs(Side.SELL, true, 0, 30_000_000))
                .quantity()).isEqualTo(30_000_000);
        assertThat(OrderSizing.size(new QuantityRule.FilledPercent(7, 250_000), inputs(Side.SELL, true, 0, 30_000_000))
                .quantity()).isEqualTo(7_500_000);
        assertThat(OrderSizing.size(new QuantityRule.FilledPercent(7, 250_000), inputs(Side.SELL, true, 0, 0)).sized())
                .isFalse();
    }

    @Test
    void aBalancePercentNeverSpendsMoreThanItsShareAndMissesItByLessThanOneLot() {
        qt().forAll(longs().between(0, 1_000_000_000_000_000L), integers().between(1, 1_000_000),
                longs().between(1, 1_000_000_000_000L), longs().between(1, 100_000_000))
                .checkAssert((available, ppm, price, lot) -> {
                    OrderSizing.Inputs in = new OrderSizing.Inputs(Side.SELL, false, price, SCALE, lot, 0, available, 0);
                    long quantity = OrderSizing.size(new QuantityRule.BalancePercent(ppm), in).quantity();
                    BigInteger share = BigInteger.valueOf(available).multiply(BigInteger.valueOf(ppm))
                            .divide(BigInteger.valueOf(1_000_000));
                    assertThat(quantity % lot).isZero();
                    assertThat(BigInteger.valueOf(quantity)).isLessThanOrEqualTo(share);
                    assertThat(share.subtract(BigInteger.valueOf(quantity))).isLessThan(BigInteger.valueOf(lot));
                });
    }

    @Test
    void aQuoteNotionalNeverBuysMoreThanItsAmountIsWorth() {
        qt().forAll(longs().between(1, 1_000_000_000_000_000L), longs().between(1, 1_000_000_000_000L),
                longs().between(1, 100_000_000))
                .checkAssert((amount, price, lot) -> {
                    OrderSizing.Inputs in = new OrderSizing.Inputs(Side.BUY, false, price, SCALE, lot, 0, 0, 0);
                    long quantity = OrderSizing.size(new QuantityRule.QuoteNotional(amount), in).quantity();
                    BigInteger value = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(price));
                    BigInteger budget = BigInteger.valueOf(amount).multiply(BigInteger.TEN.pow(SCALE));
                    assertThat(quantity % lot).isZero();
                    assertThat(value).isLessThanOrEqualTo(budget);
                    // one more lot would exceed the amount
                    assertThat(BigInteger.valueOf(quantity + lot).multiply(BigInteger.valueOf(price))).isGreaterThan(budget);
                });
    }

    @Test
    void percentagesRoundTowardNegativeInfinityExactly() {
        qt().forAll(longs().between(-Long.MAX_VALUE / 2, Long.MAX_VALUE / 2), longs().between(0, 2_000_000))
                .checkAssert((value, ppm) -> {
                    BigInteger[] qr = BigInteger.valueOf(value).multiply(BigInteger.valueOf(ppm))
                            .divideAndRemainder(BigInteger.valueOf(1_000_000));
                    BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
                    assertThat(PartsPerMillion.floorOf(value, ppm)).isEqualTo(floor.longValueExact());
                });
    }
}
