package io.orderbook.application.marketdata;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A market's last 24 hours as of {@code computedAt}, at one-minute resolution; prices in quote minor units per whole
 * base unit, {@code volume} in base minor units, {@code quoteVolume} in quote minor units.
 *
 * @param windowStart where the window starts (a whole minute, 24 hours before the minute of {@code computedAt})
 * @param open        the first trade price in the window; empty without trades in it (as {@code high}, {@code low})
 * @param last        the latest trade price, also when older than the window; empty if the market never traded
 */
public record MarketStats(int marketId, Instant windowStart, OptionalLong open, OptionalLong high, OptionalLong low,
                          OptionalLong last, long volume, long quoteVolume, long trades, Instant computedAt) {

    /** {@code last - open}, when both exist. */
    public OptionalLong change() {
        return open.isPresent() && last.isPresent() ? OptionalLong.of(last.getAsLong() - open.getAsLong())
                : OptionalLong.empty();
    }
}
