package io.orderbook.application.trading;

import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        // Callers are answered first, then subscribers get the batch on the same thread.
        Eventually.await(Duration.ofSeconds(5), "the batch published", () -> !published.isEmpty());
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

    @Test
    void aDuplicateClientOrderIdIsRefusedBeforeTheEngineAndTheRestOfTheBatchCommits() throws Exception {
        journal.holdNextCommit();
        sequencer = new Sequencer(journal, 64, published::add);
        CompletableFuture<CommandResult> deposit = sequencer.submit(new AdjustBalance(1, 7, 2, 1_000_000_000));
        journal.awaitHeldCommit();
        CompletableFuture<CommandResult> first = sequencer.submit(
                PlaceOrder.limit(2, 10, 7, 1, Side.BUY, 10_000, 10_000), CommandContext.NONE.withClientOrderId("a"));
        CompletableFuture<CommandResult> repeat = sequencer.submit(
                PlaceOrder.limit(2, 11, 7, 1, Side.BUY, 10_000, 10_000), CommandContext.NONE.withClientOrderId("a"));
        CompletableFuture<CommandResult> otherUser = sequencer.submit(
                PlaceOrder.limit(2, 12, 8, 1, Side.SELL, 10_000, 10_000), CommandContext.NONE.withClientOrderId("a"));
        journal.release();
        deposit.get(5, TimeUnit.SECONDS);

        assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandResult.Status.APPLIED);
        CommandResult refused = repeat.get(5, TimeUnit.SECONDS);
        assertThat(refused.status()).isEqualTo(CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(refused.events()).isEmpty();
        assertThat(refused.sequence()).isZero();
        // The other user's order is in the same batch and is applied (and refused by the engine: no funds).
        assertThat(otherUser.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(journal.batchSizes).containsExactly(1, 2);
        assertThat(sequencer.read(MatchingEngine::openOrderCount).get(5, TimeUnit.SECONDS)).isEqualTo(1);

        // A later batch finds it in the journal.
        CommandResult later = sequencer.submit(PlaceOrder.limit(3, 13, 7, 1, Side.BUY, 10_000, 10_000),
                CommandContext.NONE.withClientOrderId("a")).get(5, TimeUnit.SECONDS);
        assertThat(later.status()).isEqualTo(CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void theClientOrderIdOfARejectedOrderStaysFree() throws Exception {
        sequencer = new Sequencer(journal, 64, published::add);
        CommandResult rejected = sequencer.submit(PlaceOrder.limit(1, 10, 7, 1, Side.BUY, 10_000, 10_000),
                CommandContext.NONE.withClientOrderId("a")).get(5, TimeUnit.SECONDS);
        assertThat(rejected.events()).singleElement().isInstanceOf(EngineEvent.CommandRejected.class);
        sequencer.submit(new AdjustBalance(2, 7, 2, 1_000_000_000)).get(5, TimeUnit.SECONDS);

        CommandResult accepted = sequencer.submit(PlaceOrder.limit(3, 11, 7, 1, Side.BUY, 10_000, 10_000),
                CommandContext.NONE.withClientOrderId("a")).get(5, TimeUnit.SECONDS);
        assertThat(accepted.status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(accepted.events()).first().isInstanceOf(EngineEvent.OrderAccepted.class);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndAnotherRequestUnderTheSameKeyIsRefused() throws Exception {
        sequencer = new Sequencer(journal, 64, published::add);
        sequencer.submit(new AdjustBalance(1, 7, 2, 1_000_000_000)).get(5, TimeUnit.SECONDS);
        CommandContext keyed = CommandContext.NONE.withIdempotency(7, "key-1", "body-1");
        CommandResult first = sequencer.submit(PlaceOrder.limit(2, 10, 7, 1, Side.BUY, 10_000, 10_000), keyed)
                .get(5, TimeUnit.SECONDS);

        CommandResult retry = sequencer.submit(PlaceOrder.limit(3, 11, 7, 1, Side.BUY, 10_000, 10_000), keyed)
                .get(5, TimeUnit.SECONDS);
        CommandResult other = sequencer.submit(PlaceOrder.limit(3, 12, 7, 1, Side.BUY, 20_000, 10_000),
                CommandContext.NONE.withIdempotency(7, "key-1", "body-2")).get(5, TimeUnit.SECONDS);

        assertThat(retry.status()).isEqualTo(CommandResult.Status.REPLAYED);
        assertThat(retry.command()).isEqualTo(first.command());
        assertThat(retry.events()).isEqualTo(first.events());
        assertThat(retry.sequence()).isEqualTo(first.sequence());
        assertThat(other.status()).isEqualTo(CommandResult.Status.IDEMPOTENCY_KEY_REUSED);
        assertThat(sequencer.read(MatchingEngine::openOrderCount).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(journal.committed).hasSize(2);
        assertThat(published).flatExtracting(batch -> batch).extracting(CommandResult::status)
                .containsOnly(CommandResult.Status.APPLIED);
    }

    @Test
    void aRetryInTheSameBatchGetsTheFirstAnswerOnceItIsDurable() throws Exception {
        journal.holdNextCommit();
        sequencer = new Sequencer(journal, 64, published::add);
        CompletableFuture<CommandResult> deposit = sequencer.submit(new AdjustBalance(1, 7, 2, 1_000_000_000));
        journal.awaitHeldCommit();
        CommandContext keyed = CommandContext.NONE.withIdempotency(7, "key-1", "body-1").withClientOrderId("a");
        CompletableFuture<CommandResult> first =
                sequencer.submit(PlaceOrder.limit(2, 10, 7, 1, Side.BUY, 10_000, 10_000), keyed);
        CompletableFuture<CommandResult> retry =
                sequencer.submit(PlaceOrder.limit(2, 11, 7, 1, Side.BUY, 10_000, 10_000), keyed);
        journal.release();
        deposit.get(5, TimeUnit.SECONDS);

        // The retry repeats the client order id too, but the key is checked first: the first answer, not a refusal.
        assertThat(retry.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandResult.Status.REPLAYED);
        assertThat(retry.get().events()).isEqualTo(first.get().events());
        assertThat(journal.batchSizes).containsExactly(1, 1);
    }

    @Test
    void aContextThatDoesNotFitItsCommandIsRefusedAtOnce() {
        sequencer = new Sequencer(journal, 64, published::add);
        assertThatThrownBy(() -> sequencer.submit(new AdjustBalance(1, 7, 2, 1),
                CommandContext.NONE.withClientOrderId("a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sequencer.submit(PlaceOrder.limit(1, 10, 7, 1, Side.BUY, 10_000, 10_000),
                CommandContext.NONE.withAudit("why", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sequencer.submit(new AdjustBalance(1, 7, 2, 1), CommandContext.NONE.withFiring(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandContext.NONE.withFiring(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandContext.NONE.withClientOrderId("has space"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandContext.NONE.withClientOrderId("x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandContext.NONE.withIdempotency(7, "", "f"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandContext.NONE.withAudit("nul\0", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTheJournalCannotBeAskedTheBatchFailsWithoutTouchingTheEngine() throws Exception {
        sequencer = new Sequencer(journal, 64, published::add);
        sequencer.submit(new AdjustBalance(1, 7, 2, 1_000_000_000)).get(5, TimeUnit.SECONDS);
        long hash = sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS);

        journal.failNextLookup();
        CompletableFuture<CommandResult> failed = sequencer.submit(
                PlaceOrder.limit(2, 10, 7, 1, Side.BUY, 10_000, 10_000), CommandContext.NONE.withClientOrderId("a"));

        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SequencerUnavailableException.class);
        assertThat(sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS)).isEqualTo(hash);
        assertThat(journal.loads.get()).isEqualTo(1);
    }

    /** Keeps the durable state as a snapshot taken at each commit; can hold or fail the next commit. */
    private static final class InMemoryJournal implements TradingJournal {
        final List<CommandResult> committed = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        private final AtomicBoolean failNext = new AtomicBoolean();
        private final AtomicBoolean failNextLookup = new AtomicBoolean();
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

        void failNextLookup() {
            failNextLookup.set(true);
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
            loads.incrementAndGet();
            return durable;
        }

        @Override
        public PriorRequests findPrior(Set<ClientOrderKey> clientOrderIds, Set<IdempotencyKey> idempotencyKeys) {
            if (failNextLookup.getAndSet(false)) {
                throw new IllegalStateException("database is down");
            }
            Set<ClientOrderKey> taken = new HashSet<>();
            Map<IdempotencyKey, PriorRequests.Answer> answers = new HashMap<>();
            for (CommandResult result : committed) {
                ClientOrderKey key = result.context().clientOrderKey(result.command());
                if (key != null && clientOrderIds.contains(key) && RequestScreen.accepted(result)) {
                    taken.add(key);
                }
                CommandContext.Idempotency idempotency = result.context().idempotency();
                if (idempotency != null && idempotencyKeys.contains(idempotency.key())) {
                    answers.put(idempotency.key(), new PriorRequests.Answer(idempotency.fingerprint(), result));
                }
            }
            return new PriorRequests(taken, answers);
        }
    }
}
