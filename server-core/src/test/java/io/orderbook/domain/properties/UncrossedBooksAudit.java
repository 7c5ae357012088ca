package io.orderbook.domain.properties;

import io.orderbook.domain.engine.BookLevel;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.Side;

import java.util.List;

/**
 * After every command each book is uncrossed (best bid below best ask) and its levels are strictly ordered,
 * seen through the public depth view.
 */
final class UncrossedBooksAudit implements StreamAudit {
    private List<Market> markets;

    @Override
    public void start(MatchingEngine engine) {
        markets = List.of(CommandStreams.BTC_USDT, CommandStreams.ETH_USDT, CommandStreams.ETH_BTC).stream()
                .map(id -> engine.market(id).orElseThrow()).toList();
    }

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        for (Market market : markets) {
            List<BookLevel> bids = engine.depth(market.id(), Side.BUY, Integer.MAX_VALUE);
            List<BookLevel> asks = engine.depth(market.id(), Side.SELL, Integer.MAX_VALUE);
            for (int i = 1; i < bids.size(); i++) {
                PropertyViolation.check(bids.get(i).price() < bids.get(i - 1).price(), "crossed book",
                        market.symbol() + " bids out of order: " + bids);
            }
            for (int i = 1; i < asks.size(); i++) {
                PropertyViolation.check(asks.get(i).price() > asks.get(i - 1).price(), "crossed book",
                        market.symbol() + " asks out of order: " + asks);
            }
            if (!bids.isEmpty() && !asks.isEmpty()) {
                PropertyViolation.check(bids.getFirst().price() < asks.getFirst().price(), "crossed book",
                        market.symbol() + " best bid " + bids.getFirst() + " >= best ask " + asks.getFirst());
            }
        }
    }
}
