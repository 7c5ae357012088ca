package io.orderbook.domain.book;

/**
 * One aggregated price level of a book.
 *
 * @param priceTicks the level's price in ticks
 * @param lots       total open quantity at that price, in lots
 * @param orders     number of resting orders at that price
 */
public record DepthLevel(long priceTicks, long lots, int orders) {
}
