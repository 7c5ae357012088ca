package io.orderbook.app.trading;

import java.math.BigDecimal;

/**
 * One watchlist line.
 *
 * @param change fraction since 24 hours ago; null when unknown
 * @param volume base volume of the last 24 hours
 */
public record WatchRow(String market, BigDecimal last, BigDecimal change, BigDecimal volume, int priceDecimals) {
}
