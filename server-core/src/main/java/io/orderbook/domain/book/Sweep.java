package io.orderbook.domain.book;

/**
 * What an incoming order could trade right now, computed without changing the book.
 *
 * @param lots     lots it could fill
 * @param notional quote value of those lots at the makers' prices, in quote minor units
 */
public record Sweep(long lots, long notional) {
}
