package io.orderbook.application.orders;

import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.model.RejectReason;
import java.util.Objects;
import java.util.Optional;

/** What a balance adjustment did: the adjustment made, or why it was refused.
 *
 * @param result what the engine answered to the adjustment command
 */
public record AdjustmentOutcome(CommandResult result) {

    /** Checks that the result is given. */
    public AdjustmentOutcome {
        Objects.requireNonNull(result, "result");
    }

    /**
     * Whether this is the stored first answer to an earlier request with the same idempotency key.
     *
     * @return true for a replayed answer
     */
    public boolean replayed() {
        return result.status() == CommandResult.Status.REPLAYED;
    }

    /**
     * Why the engine refused the adjustment, if it did.
     *
     * @return the reason, or empty when the adjustment was made
     */
    public Optional<RejectReason> rejectReason() {
        return result.events().stream()
                .filter(EngineEvent.CommandRejected.class::isInstance)
                .map(event -> ((EngineEvent.CommandRejected) event).reason())
                .findFirst();
    }

    /**
     * The adjustment as made, with the available balance right after it.
     *
     * @return the adjustment event, or empty when it was refused
     */
    public Optional<EngineEvent.BalanceAdjusted> adjusted() {
        return result.events().stream()
                .filter(EngineEvent.BalanceAdjusted.class::isInstance)
                .map(EngineEvent.BalanceAdjusted.class::cast)
                .findFirst();
    }
}
