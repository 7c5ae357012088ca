package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.CancelReason;
import io.orderbook.domain.engine.EngineEvent.CommandRejected;
import io.orderbook.domain.engine.EngineEvent.ExpireReason;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;

/**
 * Every command produces at least one event, and a refused command changes nothing ({@code RejectReason}:
 * "A refused command has no effect on books or balances"): the state hash is the same before and after.
 *
 * <p>Exceptions the engine makes on purpose are accepted when their own events report them: a take or amend
 * whose target's time is already up expires that target ({@code OrderExpired}, reason TIME) before it is
 * refused, and a close cancels the order's open rest ({@code OrderCancelled}, reason CLOSE) before its closing
 * order is placed, which may then be refused. Nothing else may come with a refusal, and the refusal comes last
 * and names its command. {@link Command.ExpireOrders} with nothing due is the one command that stays silent.
 */
final class RejectionAudit implements StreamAudit {
    private static final String KIND = "rejection has no effect";
    /** The state hash after the previous command, i.e. before the current one. */
    private long hashBefore;

    @Override
    public void start(MatchingEngine engine) {
        hashBefore = engine.stateHash();
    }

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        long hashAfter = engine.stateHash();
        try {
            check(command, events, hashAfter);
        } finally {
            hashBefore = hashAfter;
        }
    }

    private void check(Command command, List<EngineEvent> events, long hashAfter) {
        PropertyViolation.check(!events.isEmpty() || command instanceof Command.ExpireOrders, "silent command",
                "the command produced no event");
        List<EngineEvent> rejections = events.stream().filter(CommandRejected.class::isInstance).toList();
        if (rejections.isEmpty()) {
            return;
        }
        PropertyViolation.check(rejections.size() == 1 && events.getLast() instanceof CommandRejected last
                && last.command().equals(command), KIND, "a refusal must come once, last, naming its command");
        List<EngineEvent> sideEffects = events.subList(0, events.size() - 1);
        for (EngineEvent effect : sideEffects) {
            boolean explained = effect instanceof OrderExpired e && e.reason() == ExpireReason.TIME
                    && (command instanceof Command.TakeOrder || command instanceof Command.AmendOrder)
                    || effect instanceof OrderCancelled e2 && e2.reason() == CancelReason.CLOSE
                    && command instanceof Command.CloseOrder;
            PropertyViolation.check(explained, KIND, "a refused command also did " + effect);
        }
        if (sideEffects.isEmpty()) {
            PropertyViolation.check(hashAfter == hashBefore, KIND,
                    "a refused command changed the state hash");
        }
    }
}
