package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.ClientOrderKey;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.IdempotencyKey;
import io.orderbook.application.trading.PriorRequests;
import io.orderbook.application.trading.TradingJournal;
import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.EventSink;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A journal that, after every commit, loads the durable state back and compares it with the live engine the
 * sequencer just committed: the snapshots must be equal and an engine restored from the durable one must have
 * the same state hash. Differences are collected, not thrown, so the sequencer does not take them for a failed
 * commit.
 */
final class CheckingJournal implements TradingJournal {
    final List<String> mismatches = new CopyOnWriteArrayList<>();
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger largestBatch = new AtomicInteger();
    private final TradingJournal delegate;

    CheckingJournal(TradingJournal delegate) {
        this.delegate = delegate;
    }

    @Override
    public void commit(List<CommandResult> batch, MatchingEngine engine) {
        delegate.commit(batch, engine);
        batches.incrementAndGet();
        largestBatch.accumulateAndGet(batch.size(), Math::max);
        EngineSnapshot durable = delegate.load();
        EngineSnapshot live = engine.snapshot();
        long restoredHash = MatchingEngine.restore(durable, EventSink.NONE).stateHash();
        if (!durable.equals(live) || restoredHash != engine.stateHash()) {
            mismatches.add("after the batch ending with command " + batch.getLast().sequence() + ": "
                    + difference(durable, live));
        }
    }

    @Override
    public EngineSnapshot load() {
        return delegate.load();
    }

    @Override
    public PriorRequests findPrior(Set<ClientOrderKey> clientOrderIds, Set<IdempotencyKey> idempotencyKeys) {
        return delegate.findPrior(clientOrderIds, idempotencyKeys);
    }

    static String difference(EngineSnapshot durable, EngineSnapshot live) {
        if (!durable.markets().equals(live.markets())) {
            return "markets " + durable.markets() + " vs live " + live.markets();
        }
        if (!durable.haltedMarkets().equals(live.haltedMarkets())) {
            return "halted " + durable.haltedMarkets() + " vs live " + live.haltedMarkets();
        }
        if (!durable.balances().equals(live.balances())) {
            return "balances " + firstDifference(durable.balances(), live.balances());
        }
        if (!durable.restingOrders().equals(live.restingOrders())) {
            return "resting orders " + firstDifference(durable.restingOrders(), live.restingOrders());
        }
        if (!durable.closableOrders().equals(live.closableOrders())) {
            return "closable orders " + firstDifference(durable.closableOrders(), live.closableOrders());
        }
        if (durable.nextTradeId() != live.nextTradeId()) {
            return "next trade id " + durable.nextTradeId() + " vs live " + live.nextTradeId();
        }
        return "equal snapshots but different state hashes";
    }

    private static String firstDifference(List<?> durable, List<?> live) {
        for (int i = 0; i < Math.min(durable.size(), live.size()); i++) {
            if (!durable.get(i).equals(live.get(i))) {
                return "at " + i + ": durable " + durable.get(i) + " vs live " + live.get(i);
            }
        }
        return "sizes " + durable.size() + " vs live " + live.size();
    }
}
