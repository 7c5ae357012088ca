package io.orderbook.application.marketdata;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A market's last 24 hours as of {@code computedAt}, at one-minute resolution; prices in quote minor units per whole
 * base unit, {@code volume} in base minor units, {@code quoteVolume} in quote minor units.
 *
 * @param marketId    the market's engine id
 * @param windowStart where the window starts (a whole minute, 24 hours before the minute of {@code computedAt})
 * @param open        the first trade price in the window; empty without trades in it (as {@code high}, {@code low})
 * @param high        the highest trade price in the window
 * @param low         the lowest trade price in the window
 * @param last        the latest trade price, also when older than the window; empty if the market never traded
 * @param volume      base quantity traded in the window
 * @param quoteVolume quote value traded in the window, before fees
 * @param trades      how many trades the window holds
 * @param computedAt  when these figures were computed
 */
public record MarketStats(int marketId, Instant windowStart, OptionalLong open, OptionalLong high, OptionalLong low,
                          OptionalLong last, long volume, long quoteVolume, long trades, Instant computedAt) {

    /**
     * The price change over the window.
     *
     * @return {@code last - open}, or empty unless both exist
     */
    public OptionalLong change() {
        return open.isPresent() && last.isPresent() ? OptionalLong.of(last.getAsLong() - open.getAsLong())
                : OptionalLong.empty();
    }
}
