package io.orderbook.application.trading;

import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;

/**
 * Durable storage of the engine's effects: the port through which the {@link Sequencer} makes a batch of
 * results durable before anyone is told about them, and rebuilds the engine after a restart or a failed commit.
 */
public interface TradingJournal {

    /**
     * Makes the effects of a batch of commands durable in one transaction. {@code engine} is the state after
     * the batch, readable on the calling (sequencer) thread for current balances and reservations.
     *
     * @throws RuntimeException if the batch could not be made durable; then none of it is
     */
    void commit(List<CommandResult> batch, MatchingEngine engine);

    /** The last durable state, from which the engine is rebuilt. */
    EngineSnapshot load();
}
