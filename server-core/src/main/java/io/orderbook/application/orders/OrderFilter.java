package io.orderbook.application.orders;

import io.orderbook.domain.model.Side;
import java.time.Instant;

/**
 * Which orders to list; a null part does not filter.
 *
 * @param userId        only this user's orders
 * @param marketId      only orders in this market
 * @param status        only orders with this status
 * @param side          only buys or only sells
 * @param clientOrderId only orders with this client order id
 * @param from          orders created at or after this time
 * @param to            orders created before this time
 */
public record OrderFilter(Long userId, Integer marketId, OrderStatus status, Side side, String clientOrderId,
                          Instant from, Instant to) {

    /** Every order. */
    public static final OrderFilter ALL = new OrderFilter(null, null, null, null, null, null, null);

    /**
     * The same filter for one user's orders.
     *
     * @param user the user whose orders to list
     * @return this filter with its user set to {@code user}
     */
    public OrderFilter forUser(long user) {
        return new OrderFilter(user, marketId, status, side, clientOrderId, from, to);
    }
}
