package io.orderbook.application.trading;

/**
 * Hands out order ids, unique across restarts and across every server sharing the database. Safe to call
 * from many threads; ids increase per allocator but are not contiguous across allocators.
 */
@FunctionalInterface
public interface OrderIdAllocator {

    /** A new order id, never handed out before. */
    long nextOrderId();
}
