package io.orderbook.adapters.kafka;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Simulated prices: per token a geometric random walk (no drift) whose log return over {@code dt} seconds is
 * normal with standard deviation {@code volatility * sqrt(dt)}. Prices are exact decimals at the token's scale and
 * never fall below one unit of it. The same seed gives the same prices. Not thread-safe.
 */
public final class PriceWalk {

    private final List<SimulatedToken> tokens;
    private final BigDecimal[] prices;
    private final SplittableRandom random;
    private int next;

    /**
     * A walk from each token's start price.
     *
     * @param tokens the tokens, taking turns in this order
     * @param seed   fixes the walk
     */
    public PriceWalk(List<SimulatedToken> tokens, long seed) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("at least one token is needed");
        }
        this.tokens = List.copyOf(tokens);
        this.prices = new BigDecimal[tokens.size()];
        for (int i = 0; i < prices.length; i++) {
            SimulatedToken token = tokens.get(i);
            prices[i] = token.startPrice().setScale(token.scale(), RoundingMode.HALF_EVEN);
        }
        this.random = new SplittableRandom(seed);
    }

    /**
     * One token's next price, the tokens taking turns.
     *
     * @param dtSeconds the seconds since that token's last price, to which its volatility is scaled
     * @return the token and its new price
     */
    public Step step(double dtSeconds) {
        int i = next;
        next = (next + 1) % prices.length;
        SimulatedToken token = tokens.get(i);
        double sigma = token.volatility() * Math.sqrt(dtSeconds);
        // The -sigma^2/2 term keeps the expected price constant (a martingale), so long runs do not drift.
        double logReturn = sigma * gaussian() - sigma * sigma / 2;
        BigDecimal factor = BigDecimal.valueOf(Math.exp(logReturn));
        BigDecimal price = prices[i].multiply(factor).setScale(token.scale(), RoundingMode.HALF_EVEN);
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(token.scale());
        prices[i] = price.compareTo(smallest) < 0 ? smallest : price;
        return new Step(token.token(), prices[i]);
    }

    /**
     * How many tokens take turns.
     *
     * @return the number of tokens
     */
    public int tokenCount() {
        return prices.length;
    }

    /** A standard normal variate (Box-Muller). */
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * A token and its new price.
     *
     * @param token the token
     * @param price its new price, at the token's scale
     */
    public record Step(String token, BigDecimal price) {
        /** Checks that both are given. */
        public Step {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(price, "price");
        }
    }
}
