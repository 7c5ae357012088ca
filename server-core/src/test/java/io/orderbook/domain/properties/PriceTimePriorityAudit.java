package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.Command.TakeOrder;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.OrderAccepted;
import io.orderbook.domain.engine.EngineEvent.OrderAmended;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.EngineEvent.OrderFilled;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.EngineSnapshot.RestingOrder;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Side;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Price-time priority, rebuilt from the events alone.
 *
 * <p>A model keeps, per market and side, a queue of order ids per price. An order that can rest joins the back
 * of its price's queue once its command is over (if it is still open); an amend that keeps priority (same price,
 * open quantity not raised, as {@code Command.AmendOrder} specifies) leaves it in place, any other amend sends
 * it to the back. Fills, cancels and expiries remove it.
 *
 * <p>Checked: every trade outside a take hits the oldest order of the best price on the maker's side, makers
 * that left without trading (expired, self-trade prevention) having been removed by their own events first;
 * a take hits its target; each amend's {@code priorityKept} flag follows the rule; and after every command the
 * engine's books (from its snapshot) hold exactly the model's orders in the model's order.
 */
final class PriceTimePriorityAudit implements StreamAudit {
    private final OrderTracker orders = new OrderTracker();
    /** Per market: bids, best (highest) first. */
    private final Map<Integer, NavigableMap<Long, ArrayDeque<Long>>> bids = new TreeMap<>();
    /** Per market: asks, best (lowest) first. */
    private final Map<Integer, NavigableMap<Long, ArrayDeque<Long>>> asks = new TreeMap<>();

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        Set<Long> toRest = new LinkedHashSet<>();
        for (EngineEvent event : events) {
            switch (event) {
                case OrderAccepted e -> {
                    orders.onEvent(e);
                    if (orders.get(e.orderId()).mayRest()) {
                        toRest.add(e.orderId());
                    }
                }
                case OrderAmended e -> {
                    OrderTracker.TrackedOrder order = orders.get(e.orderId());
                    boolean keeps = e.price() == order.price && e.openQuantity() <= order.open();
                    PropertyViolation.check(e.priorityKept() == keeps, "amend priority rule",
                            "amend of " + order + " to price " + e.price() + ", open " + e.openQuantity()
                                    + " should " + (keeps ? "keep" : "lose") + " priority but reports " + e);
                    if (!keeps) {
                        remove(order);
                        toRest.add(order.id);
                    }
                    orders.onEvent(e);
                }
                case TradeExecuted e -> {
                    checkMaker(command, e);
                    orders.onEvent(e);
                }
                case OrderFilled e -> leave(e.orderId(), e, toRest);
                case OrderCancelled e -> leave(e.orderId(), e, toRest);
                case OrderExpired e -> leave(e.orderId(), e, toRest);
                default -> orders.onEvent(event);
            }
        }
        for (long id : toRest) {
            OrderTracker.TrackedOrder order = orders.get(id);
            if (!order.done) {
                side(order.marketId, order.side).computeIfAbsent(order.price, p -> new ArrayDeque<>()).addLast(id);
            }
        }
        compareWithEngine(engine);
    }

    private void checkMaker(Command command, TradeExecuted trade) {
        OrderTracker.TrackedOrder maker = orders.get(trade.makerOrderId());
        PropertyViolation.check(maker != null && maker.side == trade.takerSide().opposite(), "price-time priority",
                "maker " + maker + " is not on the opposite side of the taker");
        if (command instanceof TakeOrder take) {
            PropertyViolation.check(trade.makerOrderId() == take.targetOrderId(), "price-time priority",
                    "a take traded against " + maker + " instead of its target " + take.targetOrderId());
            return;
        }
        NavigableMap<Long, ArrayDeque<Long>> makers = side(trade.marketId(), maker.side);
        Map.Entry<Long, ArrayDeque<Long>> best = makers.firstEntry();
        PropertyViolation.check(best != null && best.getKey() == maker.price
                        && best.getValue().peekFirst() == trade.makerOrderId(), "price-time priority",
                "trade against " + maker + " but the model's best " + maker.side + " level is "
                        + (best == null ? "empty" : best.getKey() + " " + best.getValue()));
    }

    private void leave(long orderId, EngineEvent event, Set<Long> toRest) {
        OrderTracker.TrackedOrder order = orders.get(orderId);
        if (order != null) {
            remove(order);
        }
        orders.onEvent(event);
        toRest.remove(orderId);
    }

    private void remove(OrderTracker.TrackedOrder order) {
        NavigableMap<Long, ArrayDeque<Long>> levels = side(order.marketId, order.side);
        ArrayDeque<Long> queue = levels.get(order.price);
        if (queue != null && queue.remove(order.id) && queue.isEmpty()) {
            levels.remove(order.price);
        }
    }

    private NavigableMap<Long, ArrayDeque<Long>> side(int marketId, Side side) {
        return (side == Side.BUY ? bids : asks).computeIfAbsent(marketId, id -> side == Side.BUY
                ? new TreeMap<>(Comparator.reverseOrder()) : new TreeMap<>());
    }

    /** The snapshot lists, per market in id order, bids then asks, best price first and oldest first. */
    private void compareWithEngine(MatchingEngine engine) {
        List<String> actual = new ArrayList<>();
        for (RestingOrder order : engine.snapshot().restingOrders()) {
            actual.add(order.marketId() + " " + order.side() + " " + order.price() + " #" + order.orderId());
        }
        List<String> expected = new ArrayList<>();
        for (int marketId = CommandStreams.BTC_USDT; marketId <= CommandStreams.ETH_BTC; marketId++) {
            for (Side side : Side.values()) {
                for (Map.Entry<Long, ArrayDeque<Long>> level : side(marketId, side).entrySet()) {
                    for (long id : level.getValue()) {
                        expected.add(marketId + " " + side + " " + level.getKey() + " #" + id);
                    }
                }
            }
        }
        PropertyViolation.check(actual.equals(expected), "price-time priority",
                "the books hold\n    " + actual + "\n  but by the events they should hold\n    " + expected);
    }
}
