package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;

import java.math.BigInteger;
import java.util.List;

/**
 * Every trade happens at the maker's current limit price and within the taker's limit (a buy never pays more,
 * a sell never receives less; market orders have no limit), on tick and lot, in the makers' and takers' own
 * market, and its quote value is exactly price times quantity.
 */
final class TradePricesAudit implements StreamAudit {
    private static final String KIND = "trade price";
    private final OrderTracker orders = new OrderTracker();
    private MatchingEngine engine;

    @Override
    public void start(MatchingEngine engine) {
        this.engine = engine;
    }

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine ignored) {
        for (EngineEvent event : events) {
            if (event instanceof TradeExecuted trade) {
                check(trade);
            }
            orders.onEvent(event);
        }
    }

    private void check(TradeExecuted trade) {
        OrderTracker.TrackedOrder maker = orders.get(trade.makerOrderId());
        OrderTracker.TrackedOrder taker = orders.get(trade.takerOrderId());
        Market market = engine.market(trade.marketId()).orElseThrow();
        PropertyViolation.check(maker.marketId == market.id() && taker.marketId == market.id()
                && maker.type != OrderType.MARKET && taker.side == trade.takerSide()
                && maker.side == taker.side.opposite(), KIND, trade + " between " + maker + " and " + taker);
        PropertyViolation.check(trade.price() == maker.price, KIND,
                trade + " is not at the maker's price: " + maker);
        if (taker.type != OrderType.MARKET) {
            boolean within = taker.side == Side.BUY ? trade.price() <= taker.price : trade.price() >= taker.price;
            PropertyViolation.check(within, KIND, trade + " is beyond the taker's limit: " + taker);
        }
        PropertyViolation.check(trade.quantity() > 0 && trade.quantity() % market.lotSize() == 0
                && trade.price() > 0 && trade.price() % market.tickSize() == 0, KIND, trade + " is off tick or lot");
        BigInteger value = BigInteger.valueOf(trade.price()).multiply(BigInteger.valueOf(trade.quantity()));
        BigInteger baseUnit = BigInteger.TEN.pow(market.baseScale());
        PropertyViolation.check(value.mod(baseUnit).signum() == 0
                        && value.divide(baseUnit).equals(BigInteger.valueOf(trade.quoteQuantity())), KIND,
                trade + " quote value is not price * quantity / 10^baseScale");
    }
}
