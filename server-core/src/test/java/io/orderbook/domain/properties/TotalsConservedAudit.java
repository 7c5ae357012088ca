package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.BalanceAdjusted;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per asset, the sum of every balance (available and locked, the fee account included) changes only by the
 * balance adjustments the engine reported: trading and fees move money, never make or destroy it.
 */
final class TotalsConservedAudit implements StreamAudit {
    private final Map<Integer, Long> adjusted = new HashMap<>();

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        for (EngineEvent event : events) {
            if (event instanceof BalanceAdjusted e) {
                adjusted.merge(e.asset(), e.amount(), Math::addExact);
            }
        }
        for (int asset : CommandStreams.ASSETS) {
            long expected = adjusted.getOrDefault(asset, 0L);
            long total = engine.ledger().total(asset);
            PropertyViolation.check(total == expected, "totals conserved",
                    "asset " + asset + " totals " + total + " but adjustments sum to " + expected);
        }
    }
}
