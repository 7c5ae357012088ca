package io.orderbook.application.conditional;

/**
 * Which conditional orders to list; a null part does not filter.
 *
 * @param userId   the owner
 * @param marketId the market
 * @param status   the status
 */
public record ConditionalFilter(Long userId, Integer marketId, ConditionalStatus status) {

    /**
     * The same filter for one user's conditional orders.
     *
     * @param user the user whose orders only are listed
     * @return the filter narrowed to that user
     */
    public ConditionalFilter forUser(long user) {
        return new ConditionalFilter(user, marketId, status);
    }
}
