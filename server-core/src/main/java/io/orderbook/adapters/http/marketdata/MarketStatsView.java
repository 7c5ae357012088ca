package io.orderbook.adapters.http.marketdata;

import io.orderbook.application.marketdata.MarketStats;
import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.TradedMarket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A market's last 24 hours ({@code MarketStats} in the API document): prices in the quote asset, {@code volume} in
 * the base asset, decimal strings; {@code changePercent} to two places. Prices and change are null without trades
 * in the window ({@code last} only when the market never traded); {@code computedAt} is null before the first run.
 */
record MarketStatsView(String market, Instant windowStart, String open, String high, String low, String last,
                              String change, String changePercent, String volume, String quoteVolume, long trades,
                              Instant computedAt) {

    static MarketStatsView of(TradedMarket market, MarketStats stats) {
        int quote = market.quote().scale();
        String percent = null;
        if (stats.change().isPresent()) {
            percent = BigDecimal.valueOf(stats.change().getAsLong()).movePointRight(2)
                    .divide(BigDecimal.valueOf(stats.open().getAsLong()), 2, RoundingMode.HALF_EVEN).toPlainString();
        }
        return new MarketStatsView(market.symbol(), stats.windowStart(), price(stats.open(), quote),
                price(stats.high(), quote), price(stats.low(), quote), price(stats.last(), quote),
                price(stats.change(), quote), percent, DecimalAmount.format(stats.volume(), market.base().scale()),
                DecimalAmount.format(stats.quoteVolume(), quote), stats.trades(), stats.computedAt());
    }

    /** A market the job has not computed yet. */
    static MarketStatsView none(TradedMarket market) {
        return new MarketStatsView(market.symbol(), null, null, null, null, null, null, null,
                DecimalAmount.format(0, market.base().scale()), DecimalAmount.format(0, market.quote().scale()), 0, null);
    }

    private static String price(OptionalLong minor, int scale) {
        return minor.isPresent() ? DecimalAmount.format(minor.getAsLong(), scale) : null;
    }
}
