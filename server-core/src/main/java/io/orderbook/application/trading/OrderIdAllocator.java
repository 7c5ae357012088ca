package io.orderbook.application.trading;

/**
 * Hands out order ids, unique across restarts and across every server sharing the database. Safe to call
 * from many threads; ids increase per allocator but are not contiguous across allocators.
 */
@FunctionalInterface
public interface OrderIdAllocator {

    /**
     * Hands out the next order id.
     *
     * @return a positive id never handed out before, by this or any other allocator on the same database
     */
    long nextOrderId();
}
