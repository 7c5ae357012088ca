package io.orderbook.bootstrap.demo;

import io.orderbook.application.markets.NewMarket;
import io.orderbook.domain.model.SelfTradePrevention;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One market the demo data lists, with what the market maker needs to quote it. Amounts are decimal text in
 * whole units, as an administrator would type them.
 *
 * @param symbol     e.g. {@code BTC-USD}
 * @param base       the base asset's code and scale
 * @param quote      the quote asset's code and scale
 * @param tickSize   price step in quote units
 * @param lotSize    quantity step in base units
 * @param startPrice the reference price before any price event or trade, in quote units per base unit
 * @param quoteSize  the market maker's quantity at its best level, in base units (deeper levels quote more)
 */
record DemoMarket(String symbol, DemoAsset base, DemoAsset quote, String tickSize, String lotSize,
                         BigDecimal startPrice, BigDecimal quoteSize) {

    /** An asset the demo markets use. */
    public record DemoAsset(String code, int scale) {
        public DemoAsset {
            Objects.requireNonNull(code, "code");
        }
    }

    /** US dollars with six decimals, so that every tick and lot below gives trade values exact to the cent. */
    public static final DemoAsset USD = new DemoAsset("USD", 6);
    public static final DemoAsset BTC = new DemoAsset("BTC", 8);
    public static final DemoAsset ETH = new DemoAsset("ETH", 8);
    public static final DemoAsset SOL = new DemoAsset("SOL", 8);

    /** Fees of every demo market: 0.1% for the resting side, 0.2% for the taking side. */
    static final String MAKER_FEE = "0.001";
    static final String TAKER_FEE = "0.002";
    /** Smallest order value of every demo market, in USD. */
    static final String MIN_NOTIONAL = "1";

    /** The markets a first run lists. */
    public static final List<DemoMarket> ALL = List.of(
            new DemoMarket("BTC-USD", BTC, USD, "0.01", "0.0001", new BigDecimal("65000"), new BigDecimal("0.05")),
            new DemoMarket("ETH-USD", ETH, USD, "0.01", "0.001", new BigDecimal("3500"), new BigDecimal("0.8")),
            new DemoMarket("SOL-USD", SOL, USD, "0.001", "0.01", new BigDecimal("150"), new BigDecimal("20")));

    public DemoMarket {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(startPrice, "startPrice");
        Objects.requireNonNull(quoteSize, "quoteSize");
    }

    /** The listing request for this market. */
    public NewMarket listing() {
        return new NewMarket(symbol, base.code(), quote.code(), tickSize, lotSize, MIN_NOTIONAL, MAKER_FEE, TAKER_FEE,
                SelfTradePrevention.NONE);
    }
}
