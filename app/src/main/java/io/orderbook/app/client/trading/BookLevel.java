package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/**
 * One aggregated price level of a book.
 *
 * @param price    the level's price
 * @param quantity the total open base quantity at that price
 * @param orders   how many orders rest there
 */
public record BookLevel(BigDecimal price, BigDecimal quantity, int orders) {
}
