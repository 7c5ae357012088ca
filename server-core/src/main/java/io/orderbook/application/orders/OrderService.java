package io.orderbook.application.orders;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.OrderIdAllocator;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.application.trading.SequencerUnavailableException;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.model.RejectReason;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Places, amends, cancels, takes and closes orders through the {@link Sequencer}, and reads orders back. Every
 * method that changes something returns only once its effects are durable, with the {@link OrderOutcome} as the
 * caller may see it; a refusal is an outcome, not an exception. Users act only on their own orders: the engine
 * answers {@link RejectReason#UNKNOWN_ORDER} for another user's order exactly as for a missing one. A take is
 * the exception by design: it acts on another user's resting order.
 *
 * <p>Methods block the calling thread (a virtual thread on the HTTP edge) until the sequencer answers.
 *
 * @see io.orderbook.application.trading.TradingModule
 */
public final class OrderService {
    private final Sequencer sequencer;
    private final OrderIdAllocator orderIds;
    private final OrderHistory history;
    private final Clock clock;
    private final Duration answerTimeout;

    /**
     * A service over the node's sequencer and order history.
     *
     * @param sequencer     orders the commands, applies them to the engine and makes them durable
     * @param orderIds      hands out the ids of new orders
     * @param history       the stored orders, for reads and for explaining refusals
     * @param clock         gives each command's timestamp
     * @param answerTimeout how long to wait for the sequencer's answer before reporting it unavailable; the command
     *                      may still be applied after that, which is why clients retry with an idempotency key
     */
    public OrderService(Sequencer sequencer, OrderIdAllocator orderIds, OrderHistory history, Clock clock,
                        Duration answerTimeout) {
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
        this.orderIds = Objects.requireNonNull(orderIds, "orderIds");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
    }

    /**
     * Places a new order for the user.
     *
     * @param userId        the user who places it and will own it
     * @param order         the order's market, side, type, price and size, as validated by the caller
     * @param clientOrderId the client's own id for the order, unique per user, or null
     * @param retry         the idempotency key and request fingerprint, or null
     * @return the outcome: what changed, or why the engine refused
     * @throws SequencerUnavailableException if the order could not be made durable or no answer came in time
     */
    public OrderOutcome place(long userId, NewOrder order, String clientOrderId, Retry retry) {
        return place(userId, order, context(userId, retry).withClientOrderId(clientOrderId));
    }

    /**
     * Places the order a conditional order fires, as {@link #place} does; when the sequencer applies it (rather
     * than replaying an earlier answer under the same idempotency key), the conditional order is marked FIRED or
     * FAILED in the same commit as the order.
     *
     * @param conditionalOrderId the conditional order that fires
     * @param userId             its owner, who will own the order
     * @param order              the order it places
     * @param clientOrderId      the order's client order id, or null
     * @param retry              the idempotency key and request fingerprint that make a repeated firing safe
     * @return the outcome: what changed, or why the engine refused
     * @throws SequencerUnavailableException if the order could not be made durable or no answer came in time
     */
    public OrderOutcome fire(long conditionalOrderId, long userId, NewOrder order, String clientOrderId, Retry retry) {
        return place(userId, order,
                context(userId, retry).withClientOrderId(clientOrderId).withFiring(conditionalOrderId));
    }

    private OrderOutcome place(long userId, NewOrder order, CommandContext context) {
        Command.PlaceOrder command = new Command.PlaceOrder(clock.millis(), orderIds.nextOrderId(), userId,
                order.marketId(), order.side(), order.type(), order.timeInForce(), order.price(), order.quantity(),
                order.quoteAmount(), order.expireAt(), order.stp());
        return OrderOutcome.of(await(sequencer.submit(command, context)), userId);
    }

    /**
     * Cancels one of the user's open orders.
     *
     * @param userId        the user who acts; the owner of the order
     * @param orderId       the order to cancel
     * @param retry         the idempotency key and request fingerprint, or null
     * @return the outcome: what changed, or why the engine refused
     * @throws SequencerUnavailableException if the command could not be made durable or no answer came in time
     */
    public OrderOutcome cancel(long userId, long orderId, Retry retry) {
        OrderOutcome outcome = OrderOutcome.of(await(sequencer.submit(
                new Command.CancelOrder(clock.millis(), orderId, userId), context(userId, retry))), userId);
        return explainUnknown(outcome, userId, orderId);
    }

    /**
     * Changes the price and total quantity (filled part included) of one of the user's open orders.
     *
     * @param userId        the user who acts; the owner of the order
     * @param orderId       the order to change
     * @param price         the new limit price, in quote minor units per whole base unit
     * @param quantity      the new total base quantity, in base minor units
     * @param retry         the idempotency key and request fingerprint, or null
     * @return the outcome: what changed, or why the engine refused
     * @throws SequencerUnavailableException if the command could not be made durable or no answer came in time
     * @see Command.AmendOrder
     */
    public OrderOutcome amend(long userId, long orderId, long price, long quantity, Retry retry) {
        OrderOutcome outcome = OrderOutcome.of(await(sequencer.submit(
                new Command.AmendOrder(clock.millis(), orderId, userId, price, quantity), context(userId, retry))),
                userId);
        return explainUnknown(outcome, userId, orderId);
    }

    /**
     * Trades against another user's resting order at its price.
     *
     * @param userId        the taker; must not own the target
     * @param targetOrderId the resting order to take
     * @param quantity      base quantity to take; 0 takes all that is open
     * @param clientOrderId the client's own id for the taking order, unique per user, or null
     * @param retry         the idempotency key and request fingerprint, or null
     * @return the outcome: what changed, or why the engine refused
     * @throws SequencerUnavailableException if the command could not be made durable or no answer came in time
     */
    public OrderOutcome take(long userId, long targetOrderId, long quantity, String clientOrderId, Retry retry) {
        Command.TakeOrder command = new Command.TakeOrder(clock.millis(), orderIds.nextOrderId(), userId, targetOrderId,
                quantity);
        return OrderOutcome.of(await(sequencer.submit(command, context(userId, retry).withClientOrderId(clientOrderId))),
                userId);
    }

    /**
     * Closes one of the user's orders: cancels what is open and trades back what has filled.
     *
     * @param userId        the user who acts; the owner of the order
     * @param orderId       the order to close
     * @param retry         the idempotency key and request fingerprint, or null
     * @return the outcome: what changed, or why the engine refused
     * @throws SequencerUnavailableException if the command could not be made durable or no answer came in time
     * @see Command.CloseOrder
     */
    public OrderOutcome close(long userId, long orderId, Retry retry) {
        Command.CloseOrder command = new Command.CloseOrder(clock.millis(), orderId, userId, orderIds.nextOrderId());
        OrderOutcome outcome = OrderOutcome.of(await(sequencer.submit(command, context(userId, retry))), userId);
        return explainUnknown(outcome, userId, orderId);
    }

    /**
     * Cancels every order the user has open in a market. The orders are those the engine holds open when the call
     * starts; their cancels go to the sequencer together, so they are usually committed in one batch. An order that
     * ended in the meantime is skipped.
     *
     * @param userId   the user whose orders to cancel
     * @param marketId the market's engine id
     * @return the outcome of each cancel that succeeded, oldest order first
     * @throws SequencerUnavailableException if a cancel could not be made durable or no answer came in time
     */
    public List<OrderOutcome> cancelAll(long userId, int marketId) {
        List<Long> open = Answers.await(sequencer.read(engine -> engine.openOrderIds(userId, marketId)), answerTimeout);
        List<CompletableFuture<CommandResult>> pending = new ArrayList<>();
        for (long orderId : open) {
            pending.add(sequencer.submit(new Command.CancelOrder(clock.millis(), orderId, userId)));
        }
        List<OrderOutcome> cancelled = new ArrayList<>();
        for (CompletableFuture<CommandResult> future : pending) {
            OrderOutcome outcome = OrderOutcome.of(await(future), userId);
            if (outcome.succeeded()) {
                cancelled.add(outcome);
            }
        }
        return cancelled;
    }

    /**
     * The order, if the actor may see it: their own, or any for an administrator.
     *
     * @param actor   the caller
     * @param orderId the order's id
     * @return the order, or empty when it does not exist or the actor may not see it
     */
    public Optional<OrderRecord> find(Actor actor, long orderId) {
        return history.order(orderId).filter(order -> actor.isAdmin() || order.userId() == actor.userId());
    }

    /**
     * Orders the actor may see that match the filter, newest first; a trader's filter is narrowed to their own.
     *
     * @param actor  the caller
     * @param filter which orders to list
     * @param page   which page of the list
     * @return the page of orders, with the total count
     */
    public Page<OrderRecord> list(Actor actor, OrderFilter filter, PageRequest page) {
        return history.orders(actor.isAdmin() ? filter : filter.forUser(actor.userId()), page);
    }

    /**
     * One of the user's own orders, whatever its status.
     *
     * @param userId  the user
     * @param orderId the order's id
     * @return the order; empty for another user's order as for a missing one
     */
    public Optional<OrderRecord> own(long userId, long orderId) {
        return history.order(orderId).filter(order -> order.userId() == userId);
    }

    /**
     * The market an order trades in, whoever owns it: what checking a take's quantity needs, and nothing of the
     * order's owner.
     *
     * @param orderId the order's id
     * @return the market's engine id, or empty if no such order is stored
     */
    public Optional<Integer> marketOf(long orderId) {
        return history.order(orderId).map(OrderRecord::marketId);
    }

    private OrderOutcome explainUnknown(OrderOutcome outcome, long userId, long orderId) {
        if (outcome.rejectReason().orElse(null) != RejectReason.UNKNOWN_ORDER) {
            return outcome;
        }
        // The engine answers ORDER_NOT_OPEN itself while it holds the ended order; this is one it has forgotten (or
        // never held: an order that ended without a fill). Is it the user's own, ended? (For a close: without a
        // fill, or its close period has passed, see CloseRetention.)
        Optional<OrderRecord> own = history.order(orderId).filter(order -> order.userId() == userId);
        boolean exists = own.isPresent() && own.get().status() != OrderStatus.OPEN;
        return exists ? outcome.withOrderNotOpen() : outcome;
    }

    private static CommandContext context(long userId, Retry retry) {
        return retry == null ? CommandContext.NONE
                : CommandContext.NONE.withIdempotency(userId, retry.key(), retry.fingerprint());
    }

    private CommandResult await(CompletableFuture<CommandResult> future) {
        return Answers.await(future, answerTimeout);
    }

    /** Waiting for the sequencer, with its failures as {@link SequencerUnavailableException}. */
    static final class Answers {
        private Answers() {
        }

        static <T> T await(CompletableFuture<T> future, Duration timeout) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SequencerUnavailableException unavailable) {
                    throw unavailable;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new SequencerUnavailableException("no answer from the sequencer within " + timeout
                        + "; the request may still be applied", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SequencerUnavailableException("interrupted while waiting for the sequencer", e);
            }
        }
    }
}
