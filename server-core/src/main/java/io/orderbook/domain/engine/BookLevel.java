package io.orderbook.domain.engine;

/**
 * One aggregated price level of a market's book.
 *
 * @param price    in quote minor units per whole base unit
 * @param quantity total open quantity, in base minor units
 * @param orders   number of resting orders
 */
public record BookLevel(long price, long quantity, int orders) {
}
