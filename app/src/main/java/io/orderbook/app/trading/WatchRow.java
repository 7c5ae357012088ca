package io.orderbook.app.trading;

import java.math.BigDecimal;

/**
 * One watchlist line.
 *
 * @param market        the market symbol
 * @param last          the latest trade price; null when the market has not traded
 * @param change        fraction since 24 hours ago; null when unknown
 * @param volume        base volume of the last 24 hours
 * @param priceDecimals how many decimals the market's prices are shown with
 */
public record WatchRow(String market, BigDecimal last, BigDecimal change, BigDecimal volume, int priceDecimals) {
}
