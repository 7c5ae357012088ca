package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.BalanceAdjusted;
import io.orderbook.domain.engine.EngineEvent.CommandRejected;
import io.orderbook.domain.engine.EngineEvent.MarketAdded;
import io.orderbook.domain.engine.EngineEvent.MarketHaltChanged;
import io.orderbook.domain.engine.EngineEvent.MarketRemoved;
import io.orderbook.domain.engine.EngineEvent.MarketUpdated;
import io.orderbook.domain.engine.EngineEvent.OrderAccepted;
import io.orderbook.domain.engine.EngineEvent.OrderAmended;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderClosed;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.EngineEvent.OrderFilled;
import io.orderbook.domain.engine.EngineEvent.OrderPartiallyFilled;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.EngineSnapshot.RestingOrder;
import io.orderbook.domain.engine.Ledger;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.TimeInForce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The rows one batch writes, projected from its events and from the engine's state after the batch: each
 * touched order once with its final state (inserted if new), each trade, the current balances of every
 * (user, asset) the batch touched, the balance adjustments with their audit context, the idempotency answers,
 * how the conditional orders the batch fired ended, and market changes: listings (with their keys), rule changes,
 * halts and delistings.
 *
 * <p>An order's queue position is kept as a priority number drawn from {@code nextPriority} whenever the order
 * starts resting (accepted) or loses its priority (amended with {@code priorityKept == false}); numbers only
 * grow, so orders at one price sort by it in the order the book holds them.
 */
final class BatchRows {
    final Map<Long, OrderRow> orders = new LinkedHashMap<>();
    final List<TradeExecuted> trades = new ArrayList<>();
    /** Sorted, so concurrent writers would lock balance rows in the same order. */
    final TreeSet<Ledger.Balance> balances = new TreeSet<>(
            Comparator.comparingLong(Ledger.Balance::userId).thenComparingInt(Ledger.Balance::asset));
    final List<Adjustment> adjustments = new ArrayList<>();
    final List<CommandResult> answers = new ArrayList<>();
    final List<Firing> firings = new ArrayList<>();
    final Map<Integer, MarketHaltChanged> halts = new LinkedHashMap<>();
    /**
     * Markets listed, changed and delisted in this batch, in the order they happened: a symbol may be delisted
     * and listed again under a new id within one batch, and only one live market may hold it at a time.
     */
    final List<MarketChange> marketChanges = new ArrayList<>();
    /** Timestamp of the batch's last command. */
    long lastTimestamp;

    private final MatchingEngine engine;
    private final LongSupplier nextPriority;
    private final Map<Integer, Market> markets = new HashMap<>();

    private BatchRows(MatchingEngine engine, LongSupplier nextPriority) {
        this.engine = engine;
        this.nextPriority = nextPriority;
    }

    static BatchRows of(List<CommandResult> batch, MatchingEngine engine, LongSupplier nextPriority) {
        BatchRows rows = new BatchRows(engine, nextPriority);
        // A market delisted later in the batch is gone from the engine, but earlier events still name it.
        for (CommandResult result : batch) {
            for (EngineEvent event : result.events()) {
                if (event instanceof MarketRemoved removed) {
                    rows.markets.putIfAbsent(removed.market().id(), removed.market());
                }
            }
        }
        for (CommandResult result : batch) {
            rows.add(result);
        }
        rows.orders.values().forEach(rows::settle);
        return rows;
    }

    private void add(CommandResult result) {
        lastTimestamp = result.command().timestamp();
        CommandContext context = result.context();
        OptionalLong created = CommandContext.orderCreatedBy(result.command());
        for (EngineEvent event : result.events()) {
            switch (event) {
                case OrderAccepted e -> {
                    OrderRow row = order(e.orderId(), e.timestamp());
                    row.accepted = e;
                    row.priority = nextPriority.getAsLong();
                    if (context.clientOrderId() != null && created.isPresent() && created.getAsLong() == e.orderId()) {
                        row.clientOrderId = context.clientOrderId();
                    }
                    touch(e.userId(), e.marketId());
                }
                case TradeExecuted e -> {
                    trades.add(e);
                    touch(e.makerUserId(), e.marketId());
                    touch(e.takerUserId(), e.marketId());
                    balances.add(new Ledger.Balance(Ledger.FEE_ACCOUNT, market(e.marketId()).quoteAsset(), 0, 0));
                }
                case OrderPartiallyFilled e -> {
                    order(e.orderId(), e.timestamp());
                    touch(e.userId(), e.marketId());
                }
                case OrderFilled e -> {
                    order(e.orderId(), e.timestamp()).ended("FILLED", null, e.filledQuantity());
                    touch(e.userId(), e.marketId());
                }
                case OrderCancelled e -> {
                    order(e.orderId(), e.timestamp()).ended("CANCELLED", e.reason().name(), e.filledQuantity());
                    touch(e.userId(), e.marketId());
                }
                case OrderExpired e -> {
                    order(e.orderId(), e.timestamp()).ended("EXPIRED", e.reason().name(), e.filledQuantity());
                    touch(e.userId(), e.marketId());
                }
                case OrderAmended e -> {
                    OrderRow row = order(e.orderId(), e.timestamp());
                    row.price = e.price();
                    row.quantity = e.quantity();
                    if (!e.priorityKept()) {
                        row.priority = nextPriority.getAsLong();
                    }
                    touch(e.userId(), e.marketId());
                }
                case OrderClosed e -> {
                    OrderRow row = order(e.orderId(), e.timestamp());
                    row.closed = true;
                    if (e.closingOrderId() != 0) {
                        row.closingOrderId = e.closingOrderId();
                    }
                }
                case BalanceAdjusted e -> {
                    adjustments.add(new Adjustment(e, context.reason(), context.actorUserId()));
                    balances.add(new Ledger.Balance(e.userId(), e.asset(), 0, 0));
                }
                case MarketHaltChanged e -> halts.put(e.marketId(), e);
                case MarketAdded e -> marketChanges.add(new MarketChange(e, context.marketKeys()));
                case MarketUpdated e -> marketChanges.add(new MarketChange(e, null));
                case MarketRemoved e -> marketChanges.add(new MarketChange(e, null));
                case CommandRejected e -> {
                    // Changed nothing (a take or amend that first expired its target reported that separately).
                }
            }
        }
        if (context.idempotency() != null) {
            answers.add(result);
        }
        if (context.firing() != null) {
            firings.add(Firing.of(context.firing(), result));
        }
    }

    /** Both balances of a user in a market: whatever an order event changed is among them. */
    private void touch(long userId, int marketId) {
        Market market = market(marketId);
        balances.add(new Ledger.Balance(userId, market.baseAsset(), 0, 0));
        balances.add(new Ledger.Balance(userId, market.quoteAsset(), 0, 0));
    }

    /** The market of an event of this batch (also one delisted by the end of it). */
    Market market(int marketId) {
        return markets.computeIfAbsent(marketId, id -> engine.market(id)
                .orElseThrow(() -> new IllegalStateException("an event names unknown market " + id)));
    }

    private OrderRow order(long orderId, long timestamp) {
        OrderRow row = orders.computeIfAbsent(orderId, OrderRow::new);
        row.updatedAt = timestamp;
        return row;
    }

    /** Completes an order's final state from the engine: an open order's figures are the engine's. */
    private void settle(OrderRow row) {
        Optional<RestingOrder> open = engine.openOrder(row.id);
        if (open.isPresent()) {
            RestingOrder resting = open.get();
            row.status = "OPEN";
            row.endReason = null;
            row.price = resting.price();
            row.quantity = resting.filledQuantity() + resting.openQuantity();
            row.filledQuantity = resting.filledQuantity();
            row.openQuantity = resting.openQuantity();
            row.reserved = resting.reserved();
        } else {
            if (row.accepted != null && row.status == null) {
                throw new IllegalStateException("order " + row.id + " was accepted but is neither open nor ended");
            }
            // Ended (now or before): nothing open, nothing held, not in a queue.
            row.priority = null;
            row.openQuantity = 0;
            row.reserved = 0;
        }
        row.open = open.isPresent();
    }

    /** Final values of current balances, read from the engine's ledger. */
    List<Ledger.Balance> currentBalances() {
        Ledger ledger = engine.ledger();
        List<Ledger.Balance> current = new ArrayList<>(balances.size());
        for (Ledger.Balance key : balances) {
            current.add(new Ledger.Balance(key.userId(), key.asset(), ledger.available(key.userId(), key.asset()),
                    ledger.locked(key.userId(), key.asset())));
        }
        return current;
    }

    /**
     * One order touched by the batch and its state at the end of it. Fields left null did not change in this
     * batch and keep their stored values (only possible for an order stored before).
     */
    static final class OrderRow {
        final long id;
        /** Set when the order is new in this batch. */
        OrderAccepted accepted;
        String clientOrderId;
        boolean open;
        String status;
        String endReason;
        Long price;
        Long quantity;
        Long filledQuantity;
        long openQuantity;
        long reserved;
        /** Drawn in this batch; null keeps the stored one while open, and clears it otherwise. */
        Long priority;
        boolean closed;
        Long closingOrderId;
        long updatedAt;

        OrderRow(long id) {
            this.id = id;
        }

        void ended(String endStatus, String reason, long filled) {
            status = endStatus;
            endReason = reason;
            filledQuantity = filled;
        }

        boolean isNew() {
            return accepted != null;
        }

        long priceOrAccepted() {
            return price != null ? price : accepted.price();
        }

        long quantityOrAccepted() {
            return quantity != null ? quantity : accepted.quantity();
        }

        Long expireAt() {
            return accepted.timeInForce() == TimeInForce.GTD ? accepted.expireAt() : null;
        }
    }

    /**
     * A market listed ({@link MarketAdded}, with the key pair its command carried), changed ({@link MarketUpdated})
     * or delisted ({@link MarketRemoved}).
     */
    record MarketChange(EngineEvent event, CommandContext.MarketKeys keys) {
        MarketChange {
            if (event instanceof MarketAdded added && keys == null) {
                throw new IllegalStateException("market " + added.market().id() + " was listed without its keys");
            }
        }
    }

    /** A balance adjustment with who made it and why. */
    record Adjustment(BalanceAdjusted event, String reason, Long actorUserId) {
    }

    /**
     * How a conditional order's firing ended: FIRED with the order it placed, or FAILED with the engine's reason.
     *
     * @param conditionalOrderId the conditional order
     * @param placedOrderId      the order placed, or null when the engine refused it
     * @param reason             why the engine refused it, or null
     * @param timestamp          when, epoch milliseconds
     */
    record Firing(long conditionalOrderId, Long placedOrderId, String reason, long timestamp) {
        static Firing of(long conditionalOrderId, CommandResult result) {
            for (EngineEvent event : result.events()) {
                if (event instanceof CommandRejected rejected) {
                    return new Firing(conditionalOrderId, null, rejected.reason().name(), result.command().timestamp());
                }
            }
            return new Firing(conditionalOrderId, CommandContext.orderCreatedBy(result.command()).getAsLong(), null,
                    result.command().timestamp());
        }
    }
}
