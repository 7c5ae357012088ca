package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.Ledger;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;

/**
 * After every command no balance is negative (checked here from the ledger's public view) and the engine's own
 * invariants hold ({@link MatchingEngine#validate()}: book structure, reservations cover open orders and equal
 * locked balances).
 */
final class EngineInvariantsAudit implements StreamAudit {

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        for (Ledger.Balance balance : engine.ledger().balances()) {
            PropertyViolation.check(balance.available() >= 0 && balance.locked() >= 0, "negative balance",
                    balance.toString());
        }
        try {
            engine.validate();
        } catch (IllegalStateException broken) {
            throw new PropertyViolation("engine invariant", broken.getMessage());
        }
    }
}
