package io.orderbook.application.conditional;

/** Which conditional orders to list; a null part does not filter. */
public record ConditionalFilter(Long userId, Integer marketId, ConditionalStatus status) {

    /** The same filter for one user's conditional orders. */
    public ConditionalFilter forUser(long user) {
        return new ConditionalFilter(user, marketId, status);
    }
}
