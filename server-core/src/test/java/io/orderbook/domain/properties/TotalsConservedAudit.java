package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.BalanceAdjusted;
import io.orderbook.domain.engine.Ledger;
import io.orderbook.domain.engine.MatchingEngine;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per asset, the sum of every balance (available and locked, the fee account included) changes only by the
 * balance adjustments the engine reported: trading and fees move money, never make or destroy it.
 *
 * <p>Sums are exact ({@link BigInteger}): a few accounts at the deposit cap already hold more than a long in
 * total, where {@link Ledger#total} throws; it is compared whenever the total fits.
 */
final class TotalsConservedAudit implements StreamAudit {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private final Map<Integer, BigInteger> adjusted = new HashMap<>();

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        for (EngineEvent event : events) {
            if (event instanceof BalanceAdjusted e) {
                adjusted.merge(e.asset(), BigInteger.valueOf(e.amount()), BigInteger::add);
            }
        }
        Map<Integer, BigInteger> totals = new HashMap<>();
        for (Ledger.Balance balance : engine.ledger().balances()) {
            totals.merge(balance.asset(), BigInteger.valueOf(balance.available())
                    .add(BigInteger.valueOf(balance.locked())), BigInteger::add);
        }
        for (int asset : CommandStreams.ASSETS) {
            BigInteger expected = adjusted.getOrDefault(asset, BigInteger.ZERO);
            BigInteger total = totals.getOrDefault(asset, BigInteger.ZERO);
            PropertyViolation.check(total.equals(expected), "totals conserved",
                    "asset " + asset + " totals " + total + " but adjustments sum to " + expected);
            if (total.compareTo(LONG_MAX) <= 0) {
                PropertyViolation.check(engine.ledger().total(asset) == total.longValueExact(), "totals conserved",
                        "Ledger.total(" + asset + ") = " + engine.ledger().total(asset) + ", balances sum to " + total);
            }
        }
    }
}
