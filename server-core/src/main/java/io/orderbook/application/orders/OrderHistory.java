package io.orderbook.application.orders;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * What trading has made durable, for reading: orders, trades and balance adjustments. Everything here was
 * committed by the sequencer before any client was told about it, so a client reads its own writes.
 */
public interface OrderHistory {

    Optional<OrderRecord> order(long orderId);

    /** Orders matching the filter, newest first. */
    Page<OrderRecord> orders(OrderFilter filter, PageRequest page);

    /** Ids of the user's open orders in a market, oldest first. */
    List<Long> openOrderIds(long userId, int marketId);

    /** The user's side of their trades matching the filter, newest first. */
    Page<OwnTrade> trades(long userId, TradeFilter filter, PageRequest page);

    /** Balance adjustments, newest first; of one user, or of everyone when {@code userId} is null. */
    Page<BalanceAdjustmentRecord> adjustments(Long userId, PageRequest page);

    /** Whether a user with this id exists (disabled users included). */
    boolean userExists(long userId);
}
