package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.MatchingEngine;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.orderbook.domain.properties.StreamProperties.forAll;

/**
 * Properties of the {@link MatchingEngine} over random command streams with many users and three markets that
 * share assets (see {@link CommandStreams}). Each audit checks its property after every single command.
 *
 * <p>A failure prints QuickTheories' seed (rerun with {@code -DQT_SEED=<seed>}) and a minimised command stream
 * that still breaks the property, with the command that broke it and the events it produced.
 */
class MatchingEnginePropertiesTest {
    private static final Gen<CommandStream> STREAMS = CommandStreams.streams(50, 400);
    private static final int EXAMPLES = 200;

    @Test
    void perAssetTotalsAreConservedExceptForBalanceAdjustments() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new TotalsConservedAudit()));
    }

    @Test
    void noBalanceIsNegativeAndEngineInvariantsHoldAfterEveryCommand() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new EngineInvariantsAudit()));
    }

    @Test
    void booksAreNeverCrossed() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new UncrossedBooksAudit()));
    }

    @Test
    void makersFillInPriceTimePriorityAndAmendsKeepOrLosePriorityByTheRule() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new PriceTimePriorityAudit()));
    }

    @Test
    void noOrderFillsMoreThanItsQuantityAndQuoteBuysStayWithinTheirAmount() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new FillLimitsAudit()));
    }

    @Test
    void everyTradeIsAtTheMakersPriceAndWithinTheTakersLimit() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new TradePricesAudit()));
    }

    @Test
    void balancesFollowFromAdjustmentsTradesAndFees() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new SettlementAudit()));
    }

    @Test
    void noOrderTradesOrRestsPastItsExpiry() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new ExpiryAudit()));
    }

    @Test
    void refusedCommandsChangeNothing() {
        forAll(STREAMS, EXAMPLES, stream -> StreamReplay.run(stream, new RejectionAudit()));
    }

    @Test
    void replayingTheSameStreamGivesTheSameEventsAndStateHashes() {
        forAll(STREAMS, EXAMPLES, stream -> {
            HashRecorder firstHashes = new HashRecorder();
            HashRecorder secondHashes = new HashRecorder();
            StreamReplay.Outcome first = StreamReplay.run(stream, firstHashes);
            StreamReplay.Outcome second = StreamReplay.run(stream, secondHashes);
            for (int i = 0; i < stream.commands().size(); i++) {
                List<EngineEvent> a = first.eventsPerCommand().get(i);
                List<EngineEvent> b = second.eventsPerCommand().get(i);
                PropertyViolation.check(a.equals(b), "determinism", "command " + i + " " + stream.commands().get(i)
                        + " produced\n    " + a + "\n  then\n    " + b);
                PropertyViolation.check(firstHashes.hashes.get(i).equals(secondHashes.hashes.get(i)), "determinism",
                        "state hashes differ after command " + i + " " + stream.commands().get(i));
            }
        });
    }

    /**
     * A snapshot taken after any command restores to an engine with the same state hash and the same snapshot;
     * and from a few points (a quarter, half, three quarters, and one that depends on the stream) the restored
     * engine, fed the rest of the stream, produces the same events and ends in the same state as the run that
     * was never interrupted.
     */
    @Test
    void restoringASnapshotMidStreamContinuesExactlyLikeTheUninterruptedRun() {
        forAll(STREAMS, EXAMPLES / 2, stream -> {
            int size = stream.commands().size();
            TreeSet<Integer> resumePoints = new TreeSet<>(List.of(size / 4, size / 2, 3 * size / 4,
                    Math.floorMod(stream.commands().hashCode(), size + 1)));
            List<EngineSnapshot> snapshots = new ArrayList<>();
            StreamAudit snapshotter = new StreamAudit() {
                @Override
                public void start(MatchingEngine engine) {
                    keep(engine, 0);
                }

                @Override
                public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
                    keep(engine, snapshots.size());
                }

                private void keep(MatchingEngine engine, int point) {
                    EngineSnapshot snapshot = engine.snapshot();
                    MatchingEngine restored = MatchingEngine.restore(snapshot, event -> { });
                    PropertyViolation.check(restored.stateHash() == engine.stateHash(), "snapshot round trip",
                            "restored engine's state hash differs after " + point + " commands");
                    PropertyViolation.check(restored.snapshot().equals(snapshot), "snapshot round trip",
                            "restored engine's snapshot differs after " + point + " commands");
                    snapshots.add(resumePoints.contains(point) ? snapshot : null);
                }
            };
            StreamReplay.Outcome full = StreamReplay.run(stream, snapshotter);
            long finalHash = full.engine().stateHash();
            for (int point : resumePoints) {
                List<EngineEvent> events = new ArrayList<>();
                MatchingEngine resumed = MatchingEngine.restore(snapshots.get(point), events::add);
                for (int i = point; i < size; i++) {
                    events.clear();
                    resumed.apply(stream.commands().get(i));
                    PropertyViolation.check(events.equals(full.eventsPerCommand().get(i)), "snapshot resume",
                            "resumed after " + point + " commands, command " + i + " " + stream.commands().get(i)
                                    + " produced\n    " + events + "\n  but uninterrupted\n    "
                                    + full.eventsPerCommand().get(i));
                }
                PropertyViolation.check(resumed.stateHash() == finalHash, "snapshot resume",
                        "resumed after " + point + " commands, the final state hash differs");
            }
        });
    }

    /** Records the state hash after every command. */
    private static final class HashRecorder implements StreamAudit {
        final List<Long> hashes = new ArrayList<>();

        @Override
        public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
            hashes.add(engine.stateHash());
        }
    }
}
