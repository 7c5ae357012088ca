package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/**
 * A market's last 24 hours ({@code GET /markets/stats}).
 *
 * @param change fraction of the price 24 hours ago (0.05 = +5 %); null without trades then
 * @param volume base volume traded
 */
public record MarketStats(String market, BigDecimal last, BigDecimal change, BigDecimal volume) {
}
