package io.orderbook.application.orders;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import java.util.Optional;

/**
 * What trading has made durable, for reading: orders, trades and balance adjustments. Everything here was
 * committed by the sequencer before any client was told about it, so a client reads its own writes.
 */
public interface OrderHistory {

    /**
     * One order, whoever owns it: callers check ownership.
     *
     * @param orderId the order's id
     * @return the order as last made durable, or empty
     */
    Optional<OrderRecord> order(long orderId);

    /**
     * Orders matching the filter, newest first.
     *
     * @param filter which orders
     * @param page   which page
     * @return one page of orders
     */
    Page<OrderRecord> orders(OrderFilter filter, PageRequest page);

    /**
     * The user's side of their trades matching the filter, newest first.
     *
     * @param userId the user
     * @param filter which trades
     * @param page   which page
     * @return one page of trades
     */
    Page<OwnTrade> trades(long userId, TradeFilter filter, PageRequest page);

    /**
     * Balance adjustments, newest first; of one user, or of everyone when {@code userId} is null.
     *
     * @param userId the user, or null for everyone
     * @param page   which page
     * @return one page of adjustments
     */
    Page<BalanceAdjustmentRecord> adjustments(Long userId, PageRequest page);

    /**
     * Whether a user with this id exists (disabled users included).
     *
     * @param userId the user's id
     * @return true when the user exists
     */
    boolean userExists(long userId);
}
