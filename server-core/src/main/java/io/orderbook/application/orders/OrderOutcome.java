package io.orderbook.application.orders;

import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.BalanceAdjusted;
import io.orderbook.domain.engine.EngineEvent.CommandRejected;
import io.orderbook.domain.engine.EngineEvent.MarketHaltChanged;
import io.orderbook.domain.engine.EngineEvent.OrderAccepted;
import io.orderbook.domain.engine.EngineEvent.OrderAmended;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderClosed;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.EngineEvent.OrderFilled;
import io.orderbook.domain.engine.EngineEvent.OrderPartiallyFilled;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an order command did, as the user who sent it may see it: whether it was refused and why, the state its
 * events left that user's orders in, and that user's side of its trades. Nothing of another user appears here,
 * not even the ids of the orders traded against. Computed from the {@link CommandResult} alone, so a retry
 * answered with the stored first result gets exactly the first answer.
 */
public final class OrderOutcome {
    private final CommandResult result;
    private final long userId;
    private final RejectReason rejectReason;
    private final Map<Long, OrderUpdate> orders;
    private final List<OwnTrade> fills;
    private final List<EngineEvent> orderEvents;

    private OrderOutcome(CommandResult result, long userId, RejectReason rejectReason,
                         Map<Long, OrderUpdate> orders, List<OwnTrade> fills, List<EngineEvent> orderEvents) {
        this.result = result;
        this.userId = userId;
        this.rejectReason = rejectReason;
        this.orders = orders;
        this.fills = fills;
        this.orderEvents = orderEvents;
    }

    /**
     * The outcome of a result, seen by {@code userId}.
     *
     * @param result what the sequencer answered to an order command
     * @param userId the user who sent it: only their side of trades and their orders are kept
     * @return the outcome
     */
    public static OrderOutcome of(CommandResult result, long userId) {
        Objects.requireNonNull(result, "result");
        Map<Long, Folding> folding = new LinkedHashMap<>();
        List<OwnTrade> fills = new ArrayList<>();
        List<EngineEvent> orderEvents = new ArrayList<>();
        RejectReason rejected = null;
        long created = createdOrderId(result.command());
        String clientOrderId = result.context().clientOrderId();
        for (EngineEvent event : result.events()) {
            switch (event) {
                case CommandRejected e -> rejected = e.reason();
                case TradeExecuted e -> {
                    if (e.makerUserId() == userId) {
                        fills.add(fill(e, e.makerOrderId(), e.takerSide().opposite(), Liquidity.MAKER, e.makerFee()));
                    }
                    if (e.takerUserId() == userId) {
                        fills.add(fill(e, e.takerOrderId(), e.takerSide(), Liquidity.TAKER, e.takerFee()));
                    }
                }
                case OrderAccepted e when e.userId() == userId -> {
                    Folding f = folding.computeIfAbsent(e.orderId(), id -> new Folding(id, e.marketId()));
                    f.accepted(e, e.orderId() == created ? clientOrderId : null);
                    orderEvents.add(e);
                }
                case OrderPartiallyFilled e when e.userId() == userId -> {
                    folding.computeIfAbsent(e.orderId(), id -> new Folding(id, e.marketId()))
                            .state(OrderStatus.OPEN, null, e.filledQuantity(), e.openQuantity());
                    orderEvents.add(e);
                }
                case OrderFilled e when e.userId() == userId -> {
                    folding.computeIfAbsent(e.orderId(), id -> new Folding(id, e.marketId()))
                            .state(OrderStatus.FILLED, null, e.filledQuantity(), 0);
                    orderEvents.add(e);
                }
                case OrderCancelled e when e.userId() == userId -> {
                    folding.computeIfAbsent(e.orderId(), id -> new Folding(id, e.marketId()))
                            .state(OrderStatus.CANCELLED, e.reason().name(), e.filledQuantity(), 0);
                    orderEvents.add(e);
                }
                case OrderExpired e when e.userId() == userId -> {
                    folding.computeIfAbsent(e.orderId(), id -> new Folding(id, e.marketId()))
                            .state(OrderStatus.EXPIRED, e.reason().name(), e.filledQuantity(), 0);
                    orderEvents.add(e);
                }
                case OrderAmended e when e.userId() == userId -> {
                    Folding f = folding.computeIfAbsent(e.orderId(), id -> new Folding(id, e.marketId()));
                    f.price = e.price();
                    f.quantity = e.quantity();
                    f.state(OrderStatus.OPEN, null, e.quantity() - e.openQuantity(), e.openQuantity());
                    orderEvents.add(e);
                }
                case OrderClosed e when e.userId() == userId -> {
                    Folding f = folding.get(e.orderId());
                    if (f == null) {
                        f = new Folding(e.orderId(), marketOf(result, e.orderId()));
                        folding.put(e.orderId(), f);
                    }
                    f.closed = true;
                    f.closingOrderId = e.closingOrderId() == 0 ? null : e.closingOrderId();
                    orderEvents.add(e);
                }
                case BalanceAdjusted e -> {
                    // Not an order's event; BalanceService reports adjustments.
                }
                case MarketHaltChanged e -> {
                    // Not an order's event.
                }
                default -> {
                    // Another user's order.
                }
            }
        }
        Map<Long, OrderUpdate> orders = new LinkedHashMap<>();
        folding.forEach((id, f) -> orders.put(id, f.toUpdate()));
        return new OrderOutcome(result, userId, rejected, orders, List.copyOf(fills), List.copyOf(orderEvents));
    }

    /**
     * The same refusal as {@link RejectReason#ORDER_NOT_OPEN}: the order the engine did not know is the user's own,
     * ended (the order history says so; the engine forgets ended orders).
     */
    OrderOutcome withOrderNotOpen() {
        return new OrderOutcome(result, userId, RejectReason.ORDER_NOT_OPEN, orders, fills, orderEvents);
    }

    /** {@return the sequencer's whole answer, every event included} */
    public CommandResult result() {
        return result;
    }

    /** {@return how the sequencer handled the command} */
    public CommandResult.Status status() {
        return result.status();
    }

    /** {@return whether this is the stored first answer to an earlier request with the same idempotency key} */
    public boolean replayed() {
        return result.status() == CommandResult.Status.REPLAYED;
    }

    /** {@return why the command was refused, or empty when it was not} */
    public Optional<RejectReason> rejectReason() {
        return Optional.ofNullable(rejectReason);
    }

    /** {@return whether the command was applied, or replayed, without the engine refusing it} */
    public boolean succeeded() {
        return (result.status() == CommandResult.Status.APPLIED || result.status() == CommandResult.Status.REPLAYED)
                && rejectReason == null;
    }

    /**
     * The order the command is about: the one it placed (a place or take), or the one it acted on (a cancel,
     * amend or close).
     *
     * @return the order's id
     * @throws IllegalStateException if the command is not about an order
     */
    public long orderId() {
        return switch (result.command()) {
            case Command.PlaceOrder c -> c.orderId();
            case Command.TakeOrder c -> c.orderId();
            case Command.CancelOrder c -> c.orderId();
            case Command.AmendOrder c -> c.orderId();
            case Command.CloseOrder c -> c.orderId();
            default -> throw new IllegalStateException("not an order command: " + result.command());
        };
    }

    /** {@return the state the command left {@link #orderId()} in, or empty if its events do not mention it} */
    public Optional<OrderUpdate> order() {
        return Optional.ofNullable(orders.get(orderId()));
    }

    /**
     * For a close that traded back what had filled: the opposite-side market order it placed.
     *
     * @return the closing order, or empty for other commands
     */
    public Optional<OrderUpdate> closingOrder() {
        if (result.command() instanceof Command.CloseOrder c) {
            return Optional.ofNullable(orders.get(c.closingOrderId()));
        }
        return Optional.empty();
    }

    /** {@return every order of the user the command changed, in the order the engine first reported them} */
    public List<OrderUpdate> orders() {
        return List.copyOf(orders.values());
    }

    /** {@return the user's side of every trade the command made} */
    public List<OwnTrade> fills() {
        return fills;
    }

    /** {@return the engine's events about the user's orders, in order (trades are in {@link #fills()})} */
    public List<EngineEvent> orderEvents() {
        return orderEvents;
    }

    private static long createdOrderId(Command command) {
        return switch (command) {
            case Command.PlaceOrder c -> c.orderId();
            case Command.TakeOrder c -> c.orderId();
            case Command.CloseOrder c -> c.closingOrderId();
            default -> 0;
        };
    }

    private static int marketOf(CommandResult result, long orderId) {
        for (EngineEvent event : result.events()) {
            switch (event) {
                case OrderCancelled e when e.orderId() == orderId -> {
                    return e.marketId();
                }
                case OrderAccepted e -> {
                    // A close's market order trades in the closed order's market.
                    return e.marketId();
                }
                default -> {
                }
            }
        }
        return -1;
    }

    private static OwnTrade fill(TradeExecuted e, long orderId, Side side, Liquidity liquidity, long fee) {
        return new OwnTrade(e.tradeId(), e.marketId(), orderId, side, liquidity, e.price(), e.quantity(),
                e.quoteQuantity(), fee, Instant.ofEpochMilli(e.timestamp()), null);
    }

    /** One order's state while the events are folded. */
    private static final class Folding {
        final long orderId;
        final int marketId;
        OrderAccepted accepted;
        String clientOrderId;
        Long price;
        Long quantity;
        OrderStatus status;
        String endReason;
        Long filledQuantity;
        Long openQuantity;
        boolean closed;
        Long closingOrderId;

        Folding(long orderId, int marketId) {
            this.orderId = orderId;
            this.marketId = marketId;
        }

        void accepted(OrderAccepted e, String clientId) {
            accepted = e;
            clientOrderId = clientId;
            price = e.price();
            quantity = e.quantity();
            state(OrderStatus.OPEN, null, 0, e.quantity());
        }

        void state(OrderStatus newStatus, String reason, long filled, long open) {
            status = newStatus;
            endReason = reason;
            filledQuantity = filled;
            openQuantity = open;
        }

        OrderUpdate toUpdate() {
            OrderAccepted a = accepted;
            return new OrderUpdate(orderId, marketId, clientOrderId, a == null ? null : a.side(),
                    a == null ? null : a.type(), a == null ? null : a.timeInForce(), price, quantity,
                    a == null ? null : a.quoteAmount(), a == null || a.expireAt() == 0 ? null : a.expireAt(),
                    a == null ? null : a.stp(), status, endReason, filledQuantity, openQuantity, closed,
                    closingOrderId);
        }
    }
}
