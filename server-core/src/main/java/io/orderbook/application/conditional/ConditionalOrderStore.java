package io.orderbook.application.conditional;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable conditional orders. Every change of status is a conditional update ({@code WHERE status = ...}), so
 * that whichever server instance gets there first wins and the others see that they lost.
 */
public interface ConditionalOrderStore {

    /**
     * Stores orders ARMED, in one transaction: one order, or the two legs of a one-cancels-the-other pair (linked
     * to each other).
     *
     * @param userId       the owner
     * @param legs         one order, or the two legs of a pair
     * @param trailingBest for each leg, the best price to start a trailing stop from (0 if unknown), else ignored
     * @param now          the time of creation
     * @return the stored orders, ids assigned, in the order of the legs
     */
    List<ConditionalOrder> insert(long userId, List<NewConditionalOrder> legs, List<Long> trailingBest, Instant now);

    /**
     * One order by id, whoever owns it.
     *
     * @param id the order's id
     * @return the order, or empty if there is none
     */
    Optional<ConditionalOrder> find(long id);

    /**
     * Orders matching the filter, newest first.
     *
     * @param filter what to match
     * @param page   which page
     * @return that page of orders and the total matching
     */
    Page<ConditionalOrder> list(ConditionalFilter filter, PageRequest page);

    /**
     * Every ARMED order, for building the trigger index.
     *
     * @return the orders, by id
     */
    List<ConditionalOrder> armed();

    /**
     * Cancels an ARMED order and its ARMED one-cancels-the-other sibling.
     *
     * @param id     the order to cancel
     * @param reason why, stored with it
     * @param now    the time of cancelling
     * @return the ids cancelled now; empty if the order was not ARMED
     */
    List<Long> cancel(long id, String reason, Instant now);

    /**
     * Claims crossed orders atomically: each one still ARMED, and whose sibling has not been claimed, becomes
     * TRIGGERED with the price and event that fired it, and its ARMED sibling is CANCELLED. When both legs of a pair
     * are crossed, the older one wins. Crossings of orders that are no longer ARMED are ignored.
     *
     * @param crossings the crossed orders, with the price and event that crossed each
     * @param now       the time of the claim
     * @return the orders now TRIGGERED and the siblings cancelled
     */
    Claims claim(Collection<Crossing> crossings, Instant now);

    /**
     * Takes over orders left TRIGGERED for at least {@code lease} (their firing was interrupted), restarting their
     * lease; an instance that resumes them places their order again with the same client order id and idempotency
     * key, which returns the first answer if there was one.
     *
     * @param lease how long a firing may stay TRIGGERED before it is taken over
     * @param now   the time now
     * @return the orders taken over, TRIGGERED with a new lease
     */
    List<ConditionalOrder> resumeStale(Duration lease, Instant now);

    /**
     * Stores the best price so far of ARMED trailing stops, by id, so that a restart trails on from there.
     *
     * @param bestById each stop's best price, in quote minor units
     * @param now      the time of the update
     */
    void updateTrailingBest(Map<Long, Long> bestById, Instant now);

    /**
     * Records how firings ended: TRIGGERED orders become FIRED or FAILED.
     *
     * @param firings how each ended
     * @param now     the time of the update
     */
    void finish(Collection<Firing> firings, Instant now);

    /**
     * A price event that crossed an order's trigger.
     *
     * @param id      the crossed order
     * @param price   quote minor units per whole base unit
     * @param eventId the event that crossed it
     */
    record Crossing(long id, long price, String eventId) {
    }

    /**
     * What a claim got.
     *
     * @param triggered         the orders now TRIGGERED, as stored after the claim
     * @param cancelledSiblings the ids of the pair siblings it cancelled
     */
    record Claims(List<ConditionalOrder> triggered, List<Long> cancelledSiblings) {
        public static final Claims NONE = new Claims(List.of(), List.of());
    }

    /**
     * How one firing ended.
     *
     * @param id            the conditional order
     * @param placedOrderId the placed order, or null when it failed
     * @param reason        why it failed, or null
     */
    record Firing(long id, Long placedOrderId, String reason) {
    }
}
