package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/**
 * A market's last 24 hours ({@code MarketStats} of {@code GET /markets/stats}).
 *
 * @param market        the market symbol
 * @param last          the latest trade price; null if the market never traded
 * @param change        {@code last} minus the window's first price, in the quote asset; null without trades in it
 * @param changePercent the change in percent (2.5 is +2.5 %); null without trades in the window
 * @param volume        base volume traded in the window
 */
public record MarketStats(String market, BigDecimal last, BigDecimal change, BigDecimal changePercent,
                          BigDecimal volume) {
}
