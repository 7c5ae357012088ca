package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.EngineEvent.OrderFilled;
import io.orderbook.domain.engine.EngineEvent.OrderPartiallyFilled;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;

/**
 * No order fills more than its quantity: the trades of an order never add up to more than its accepted (or
 * last amended) quantity, and a market buy sized by quote amount never pays more than that amount, fees
 * included. A finished order never trades again, and the filled and open quantities that order events report
 * agree with the order's trades.
 */
final class FillLimitsAudit implements StreamAudit {
    private static final String KIND = "fills within quantity";
    private final OrderTracker orders = new OrderTracker();

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        for (EngineEvent event : events) {
            if (event instanceof TradeExecuted trade) {
                for (long id : new long[] {trade.makerOrderId(), trade.takerOrderId()}) {
                    OrderTracker.TrackedOrder order = orders.get(id);
                    PropertyViolation.check(order != null && !order.done, "trade after done",
                            "trade " + trade + " involves finished or unknown order " + order);
                }
            }
            orders.onEvent(event);
            switch (event) {
                case TradeExecuted e -> {
                    checkWithinQuantity(orders.get(e.makerOrderId()));
                    checkWithinQuantity(orders.get(e.takerOrderId()));
                }
                case OrderPartiallyFilled e -> checkReported(e.orderId(), e.filledQuantity(), e.openQuantity(), e);
                case OrderFilled e -> {
                    OrderTracker.TrackedOrder order = orders.get(e.orderId());
                    checkReported(e.orderId(), e.filledQuantity(), order.open(), e);
                    PropertyViolation.check(order.quoteSized() || order.filled == order.quantity, KIND,
                            "OrderFilled for " + order + " that has not filled its quantity");
                }
                case OrderCancelled e -> checkReported(e.orderId(), e.filledQuantity(), e.openQuantity(), e);
                case OrderExpired e -> checkReported(e.orderId(), e.filledQuantity(), e.openQuantity(), e);
                default -> { }
            }
        }
    }

    private static void checkWithinQuantity(OrderTracker.TrackedOrder order) {
        if (order.quoteSized()) {
            PropertyViolation.check(order.spent <= order.quoteAmount, KIND,
                    order + " spent more than its quote amount");
        } else {
            PropertyViolation.check(order.filled <= order.quantity, KIND, order + " filled more than its quantity");
        }
    }

    private void checkReported(long orderId, long filled, long open, EngineEvent event) {
        OrderTracker.TrackedOrder order = orders.get(orderId);
        PropertyViolation.check(filled == order.filled && open == order.open(), KIND,
                event + " disagrees with the trades of " + order);
    }
}
