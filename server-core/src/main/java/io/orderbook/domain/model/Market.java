package io.orderbook.domain.model;

import java.util.Objects;

/**
 * A market's trading rules, all in exact integer units.
 *
 * <p>Amounts of an asset are longs in that asset's minor units (e.g. satoshis for a base scale of 8).
 * A price is in quote minor units per one whole base unit ({@code 10^baseScale} base minor units).
 * Inside the book, prices are counted in ticks and quantities in lots; the notional of one lot at one
 * tick, {@code tickSize * lotSize / 10^baseScale} quote minor units, must be a whole number so that every
 * trade's value is exact.
 *
 * @param id           the market's engine id
 * @param symbol       e.g. {@code BTC-USDT}
 * @param baseAsset    id of the asset that is bought and sold
 * @param quoteAsset   id of the asset prices are quoted in
 * @param baseScale    decimal places of the base asset (its minor units per whole unit = 10^baseScale)
 * @param tickSize     price step, in quote minor units per whole base unit
 * @param lotSize      quantity step, in base minor units
 * @param minNotional  smallest order value, in quote minor units
 * @param makerFeePpm  fee charged to the resting side, parts per million of the trade's quote value
 * @param takerFeePpm  fee charged to the taking side, parts per million of the trade's quote value
 * @param defaultStp   self-trade prevention for orders that do not choose one
 */
public record Market(int id, String symbol, int baseAsset, int quoteAsset, int baseScale, long tickSize,
                     long lotSize, long minNotional, int makerFeePpm, int takerFeePpm,
                     SelfTradePrevention defaultStp) {

    /** One million: fee rates are parts per million. */
    public static final long PPM = 1_000_000L;
    /** Highest fee rate a market may charge (10%), which keeps every seller's proceeds positive. */
    public static final int MAX_FEE_PPM = 100_000;

    /**
     * Checks every rule, including that one lot at one tick has a whole-number notional.
     *
     * @throws NullPointerException     if {@code symbol} or {@code defaultStp} is null
     * @throws IllegalArgumentException if a figure is out of range, or base and quote are the same asset
     * @throws ArithmeticException      if {@code tickSize * lotSize} overflows a long
     */
    public Market {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(defaultStp, "defaultStp");
        require(id >= 0, "id must not be negative");
        require(baseAsset >= 0 && quoteAsset >= 0 && baseAsset != quoteAsset, "base and quote must be two assets");
        require(baseScale >= 0 && baseScale <= 18, "baseScale must be within 0..18");
        require(tickSize > 0, "tickSize must be positive");
        require(lotSize > 0, "lotSize must be positive");
        require(minNotional >= 0, "minNotional must not be negative");
        require(makerFeePpm >= 0 && makerFeePpm <= MAX_FEE_PPM, "makerFeePpm must be within 0..100000");
        require(takerFeePpm >= 0 && takerFeePpm <= MAX_FEE_PPM, "takerFeePpm must be within 0..100000");
        long lotTick = Math.multiplyExact(tickSize, lotSize);
        require(lotTick % pow10(baseScale) == 0,
                "tickSize * lotSize must be a whole number of quote minor units per 10^baseScale");
    }

    /**
     * Quote minor units of one lot at a price of one tick.
     *
     * @return {@code tickSize * lotSize / 10^baseScale}, a whole number by construction
     */
    public long unitNotional() {
        return tickSize * lotSize / pow10(baseScale);
    }

    /**
     * The higher of the two fee rates: what a buy order reserves, since it may end up maker or taker.
     *
     * @return the rate in parts per million
     */
    public int maxFeePpm() {
        return Math.max(makerFeePpm, takerFeePpm);
    }

    /**
     * The fee on a quote value, rounded down. Rounding down keeps the sum of per-fill fees within the
     * fee reserved for the whole order.
     *
     * @param notional the quote value, in quote minor units; not negative
     * @param feePpm   the fee rate, in parts per million
     * @return the fee, in quote minor units
     */
    public static long fee(long notional, int feePpm) {
        // notional * ppm / 1e6 without overflow: split notional into whole millions and the rest.
        return (notional / PPM) * feePpm + (notional % PPM) * feePpm / PPM;
    }

    /**
     * The largest quote value {@code n} with {@code n + fee(n) <= budget}: what a quote budget buys.
     *
     * @param budget the quote to spend, fees included, in quote minor units; not negative
     * @param feePpm the fee rate, in parts per million
     * @return the quote value before fees, in quote minor units
     */
    public static long notionalWithin(long budget, int feePpm) {
        long divisor = PPM + feePpm;
        long n = (budget / divisor) * PPM + (budget % divisor) * PPM / divisor;
        while (n > 0 && n + fee(n, feePpm) > budget) {
            n--;
        }
        while (n < budget && n + 1 + fee(n + 1, feePpm) <= budget) {
            n++;
        }
        return n;
    }

    static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
