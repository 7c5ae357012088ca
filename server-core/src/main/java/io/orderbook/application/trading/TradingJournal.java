package io.orderbook.application.trading;

import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;
import java.util.Set;

/**
 * Durable storage of the engine's effects: the port through which the {@link Sequencer} makes a batch of
 * results durable before anyone is told about them, and rebuilds the engine after a restart or a failed commit.
 */
public interface TradingJournal {

    /**
     * Makes the effects of a batch of applied commands durable in one transaction, together with their contexts
     * (client order ids, idempotency answers, audit data). {@code engine} is the state after the batch, readable
     * on the calling (sequencer) thread for current balances and reservations.
     *
     * @param batch  results with {@link CommandResult.Status#APPLIED}, in the order they were applied
     * @param engine the engine after the batch; read it, never change it
     * @throws RuntimeException if the batch could not be made durable; then none of it is
     */
    void commit(List<CommandResult> batch, MatchingEngine engine);

    /**
     * Reads the last durable state, from which the engine is rebuilt.
     *
     * @return the snapshot the engine would have taken of itself after the last committed batch
     */
    EngineSnapshot load();

    /**
     * Which of these client order ids a durable order already uses, and the durable first answers stored under
     * these idempotency keys. Called once per batch, before the engine applies it.
     *
     * @param clientOrderIds  the client order ids the batch's commands carry
     * @param idempotencyKeys the idempotency keys the batch's commands carry
     * @return those of the client order ids already taken and the answers already stored under those keys;
     *         both empty when there are none
     * @throws RuntimeException if the journal cannot answer; then the batch is not applied
     */
    PriorRequests findPrior(Set<ClientOrderKey> clientOrderIds, Set<IdempotencyKey> idempotencyKeys);
}
