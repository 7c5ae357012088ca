package io.orderbook.application.trading;

import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequencerTest {
    private static final Market BTC_USDT = new Market(1, "BTC-USDT", 1, 2, 8, 10_000, 10_000, 0, 0, 0,
            SelfTradePrevention.NONE);

    private final InMemoryJournal journal = new InMemoryJournal();
    private final List<List<CommandResult>> published = new CopyOnWriteArrayList<>();
    private Sequencer sequencer;

    @AfterEach
    void stop() {
        if (sequencer != null) {
            sequencer.close();
        }
    }

    @Test
    void acknowledgesACommandOnlyAfterItsBatchIsDurable() throws Exception {
        journal.holdNextCommit();
        sequencer = new Sequencer(journal, 64, published::add);

        CompletableFuture<CommandResult> future = sequencer.submit(new AdjustBalance(1, 7, 2, 1_000));
        journal.awaitHeldCommit();
        Thread.sleep(50);
        assertThat(future).isNotDone();
        assertThat(published).isEmpty();
        journal.release();

        CommandResult result = future.get(5, TimeUnit.SECONDS);
        assertThat(result.events()).singleElement().isInstanceOf(EngineEvent.BalanceAdjusted.class);
        assertThat(journal.committed).containsExactly(result);
        assertThat(published).containsExactly(List.of(result));
    }

    @Test
    void commitsWaitingCommandsTogetherInOrder() throws Exception {
        journal.holdNextCommit();
        sequencer = new Sequencer(journal, 64, published::add);
        CompletableFuture<CommandResult> first = sequencer.submit(new AdjustBalance(1, 7, 2, 1));
        journal.awaitHeldCommit();
        List<CompletableFuture<CommandResult>> rest = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rest.add(sequencer.submit(new AdjustBalance(2, 7, 2, 1)));
        }
        journal.release();

        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<CommandResult> future : rest) {
            future.get(5, TimeUnit.SECONDS);
        }
        assertThat(journal.batchSizes).containsExactly(1, 50);
        assertThat(journal.committed).extracting(CommandResult::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 51).boxed().toList());
    }

    @Test
    void aFailedCommitFailsItsCommandsAndRebuildsTheEngineFromTheJournal() throws Exception {
        sequencer = new Sequencer(journal, 64, published::add);
        sequencer.submit(new AdjustBalance(1, 7, 2, 1_000_000_000)).get(5, TimeUnit.SECONDS);
        long durableHash = sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS);

        journal.failNextCommit();
        CompletableFuture<CommandResult> lost = sequencer.submit(new AdjustBalance(2, 7, 2, 5));

        assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SequencerUnavailableException.class);
        assertThat(sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS)).isEqualTo(durableHash);
        assertThat(sequencer.read(e -> e.ledger().available(7, 2)).get(5, TimeUnit.SECONDS))
                .isEqualTo(1_000_000_000L);

        CommandResult next = sequencer.submit(PlaceOrder.limit(3, 10, 7, 1, Side.BUY, 10_000, 10_000))
                .get(5, TimeUnit.SECONDS);
        assertThat(next.events()).first().isInstanceOf(EngineEvent.OrderAccepted.class);
    }

    @Test
    void aStoppedSequencerRefusesNewCommands() {
        sequencer = new Sequencer(journal, 64, published::add);
        sequencer.close();
        assertThatThrownBy(() -> sequencer.submit(new AdjustBalance(1, 7, 2, 1)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SequencerUnavailableException.class);
    }

    @Test
    void aFailingSubscriberDoesNotStopTheWriter() throws Exception {
        sequencer = new Sequencer(journal, 64, batch -> {
            throw new IllegalStateException("subscriber bug");
        });
        sequencer.submit(new AdjustBalance(1, 7, 2, 1)).get(5, TimeUnit.SECONDS);
        assertThat(sequencer.submit(new AdjustBalance(2, 7, 2, 1)).get(5, TimeUnit.SECONDS).sequence()).isEqualTo(2);
    }

    /** Keeps the durable state as a snapshot taken at each commit; can hold or fail the next commit. */
    private static final class InMemoryJournal implements TradingJournal {
        final List<CommandResult> committed = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        private final AtomicBoolean failNext = new AtomicBoolean();
        private final CountDownLatch releaseHeld = new CountDownLatch(1);
        private final CountDownLatch holding = new CountDownLatch(1);
        private final AtomicBoolean holdNext = new AtomicBoolean();
        private volatile EngineSnapshot durable;

        InMemoryJournal() {
            MatchingEngine empty = new MatchingEngine(event -> { });
            empty.addMarket(BTC_USDT);
            durable = empty.snapshot();
        }

        void holdNextCommit() {
            holdNext.set(true);
        }

        void awaitHeldCommit() throws InterruptedException {
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            releaseHeld.countDown();
        }

        void failNextCommit() {
            failNext.set(true);
        }

        @Override
        public void commit(List<CommandResult> batch, MatchingEngine engine) {
            if (holdNext.getAndSet(false)) {
                holding.countDown();
                try {
                    releaseHeld.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("database is down");
            }
            batchSizes.add(batch.size());
            committed.addAll(batch);
            durable = engine.snapshot();
        }

        @Override
        public EngineSnapshot load() {
            return durable;
        }
    }
}
