package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.Command.ExpireOrders;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.EngineSnapshot.RestingOrder;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;

/**
 * Good-till-date orders stop at their expiry time: no order trades at or after its {@code expireAt}, and after
 * {@link ExpireOrders} no order whose time has come is still resting.
 */
final class ExpiryAudit implements StreamAudit {
    private static final String KIND = "expiry";
    private final OrderTracker orders = new OrderTracker();

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        for (EngineEvent event : events) {
            orders.onEvent(event);
            if (event instanceof TradeExecuted trade) {
                for (long id : new long[] {trade.makerOrderId(), trade.takerOrderId()}) {
                    OrderTracker.TrackedOrder order = orders.get(id);
                    PropertyViolation.check(order.expireAt == 0 || order.expireAt > trade.timestamp(), KIND,
                            trade + " at time " + trade.timestamp() + " involves " + order
                                    + " whose time was up");
                }
            }
        }
        if (command instanceof ExpireOrders expire) {
            for (RestingOrder order : engine.snapshot().restingOrders()) {
                PropertyViolation.check(order.expireAt() == 0 || order.expireAt() > expire.timestamp(), KIND,
                        order + " still rests after " + expire);
            }
        }
    }
}
