package io.orderbook.domain.properties;

import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.OrderAccepted;
import io.orderbook.domain.engine.EngineEvent.OrderAmended;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.EngineEvent.OrderFilled;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

import java.util.HashMap;
import java.util.Map;

/**
 * What the events alone say about each order: its terms as accepted or last amended, what it has filled and
 * spent, and whether it is done. Knows nothing of the engine's internals, so audits can hold the engine to it.
 */
final class OrderTracker {

    /** One order as the events describe it. Quantities in base minor units, amounts in quote minor units. */
    static final class TrackedOrder {
        final long id;
        final long userId;
        final int marketId;
        final Side side;
        final OrderType type;
        final TimeInForce timeInForce;
        final long quoteAmount;
        final long expireAt;
        /** Limit price, or 0 for a market order. */
        long price;
        /** Total quantity including what has filled; 0 for a market buy sized by quote amount. */
        long quantity;
        long filled;
        /** Quote a buy paid so far, fees included. */
        long spent;
        boolean done;

        TrackedOrder(OrderAccepted accepted) {
            id = accepted.orderId();
            userId = accepted.userId();
            marketId = accepted.marketId();
            side = accepted.side();
            type = accepted.type();
            timeInForce = accepted.timeInForce();
            quoteAmount = accepted.quoteAmount();
            expireAt = accepted.expireAt();
            price = accepted.price();
            quantity = accepted.quantity();
        }

        boolean quoteSized() {
            return type == OrderType.MARKET && quoteAmount > 0;
        }

        boolean mayRest() {
            return type != OrderType.MARKET && timeInForce.rests();
        }

        long open() {
            return quoteSized() ? 0 : quantity - filled;
        }

        @Override
        public String toString() {
            return "order " + id + " (user " + userId + ", market " + marketId + ", " + side + " " + type + " "
                    + timeInForce + ", price " + price + ", quantity " + quantity + ", quote " + quoteAmount
                    + ", filled " + filled + ", spent " + spent + ", expireAt " + expireAt
                    + (done ? ", done" : "") + ")";
        }
    }

    private final Map<Long, TrackedOrder> orders = new HashMap<>();

    /** The order with this id, most recently accepted, or null. */
    TrackedOrder get(long orderId) {
        return orders.get(orderId);
    }

    /** Updates the orders from one event; call for every event in order. */
    void onEvent(EngineEvent event) {
        switch (event) {
            // An id can come back once the order that used it is gone without a fill; the new order replaces it.
            case OrderAccepted e -> orders.put(e.orderId(), new TrackedOrder(e));
            case OrderAmended e -> {
                TrackedOrder order = require(e.orderId());
                order.price = e.price();
                order.quantity = e.quantity();
            }
            case TradeExecuted e -> {
                TrackedOrder maker = require(e.makerOrderId());
                TrackedOrder taker = require(e.takerOrderId());
                maker.filled += e.quantity();
                taker.filled += e.quantity();
                if (e.takerSide() == Side.BUY) {
                    taker.spent += e.quoteQuantity() + e.takerFee();
                } else {
                    maker.spent += e.quoteQuantity() + e.makerFee();
                }
            }
            case OrderFilled e -> require(e.orderId()).done = true;
            case OrderCancelled e -> require(e.orderId()).done = true;
            case OrderExpired e -> require(e.orderId()).done = true;
            default -> { }
        }
    }

    private TrackedOrder require(long orderId) {
        TrackedOrder order = orders.get(orderId);
        PropertyViolation.check(order != null, "event for an order never accepted",
                "no OrderAccepted before an event about order " + orderId);
        return order;
    }
}
