package io.orderbook.domain.conditional;

import java.math.BigInteger;

/**
 * Exact arithmetic with rates in parts per million (1% is 10,000 ppm), rounding toward negative infinity, as the
 * quantity rules and percentage trails need. Never floating point.
 */
public final class PartsPerMillion {
    /** One whole, 100%. */
    public static final long ONE = 1_000_000L;
    private static final BigInteger BIG_ONE = BigInteger.valueOf(ONE);

    private PartsPerMillion() {
    }

    /**
     * {@code floor(value * ppm / 1,000,000)}, exact for any longs whose result fits a long.
     *
     * @param value any amount
     * @param ppm   parts per million
     * @return the share, rounded down
     */
    public static long floorOf(long value, long ppm) {
        long high = Math.multiplyHigh(value, ppm);
        long low = value * ppm;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return Math.floorDiv(low, ONE);
        }
        BigInteger[] qr = BigInteger.valueOf(value).multiply(BigInteger.valueOf(ppm)).divideAndRemainder(BIG_ONE);
        BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return floor.longValueExact();
    }

    /**
     * {@code floor(a * b / c)} for non-negative {@code a}, {@code b} and positive {@code c}, exact.
     *
     * @param a a factor, not negative
     * @param b a factor, not negative
     * @param c the divisor, positive
     * @return the quotient, rounded down
     */
    public static long mulDivFloor(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new IllegalArgumentException("mulDivFloor needs a, b >= 0 and c > 0");
        }
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            return low / c;
        }
        BigInteger result = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
        return result.bitLength() < 64 ? result.longValue() : Long.MAX_VALUE;
    }
}
