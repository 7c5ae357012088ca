package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.signing.TradeSignatures;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EventSink;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable path end to end on real PostgreSQL: random request streams through a {@link Sequencer} with the
 * {@link PostgresTradingJournal} give exactly the answers of an in-memory reference run, every committed batch
 * loads back as the live engine, and restarts continue as if nothing had happened.
 */
class PostgresTradingJournalTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyCommittedBatchLoadsBackAsTheLiveEngine(long seed) throws Exception {
        TradingStream stream = TradingStreams.generate(seed, 1_500);
        try (TestDatabase test = TestEngines.newDatabase()) {
            TradingFixtures.install(test.database(), stream.markets());
            CheckingJournal journal = new CheckingJournal(TradingFixtures.journal(test.database()));
            List<CompletableFuture<CommandResult>> futures;
            long liveHash;
            try (Sequencer sequencer = new Sequencer(journal, 64, batch -> { })) {
                futures = TradingFixtures.drive(sequencer, stream, 0, stream.size(), new Random(seed));
                liveHash = sequencer.read(MatchingEngine::stateHash).get(10, TimeUnit.SECONDS);
            }

            assertThat(journal.mismatches).isEmpty();
            assertThat(journal.batches.get()).isGreaterThan(20);
            assertThat(journal.largestBatch.get()).isGreaterThan(1);
            assertAnswersAsReference(stream, futures, 0);
            assertThat(liveHash).isEqualTo(stream.finalHash());
            assertThat(restoredHash(test.database())).isEqualTo(stream.finalHash());
            assertRowsMatchTheAnswers(test, futures);
        }
    }

    @Test
    void aRestartContinuesExactlyAsAnUninterruptedRun() throws Exception {
        TradingStream stream = TradingStreams.generate(4, 2_000);
        Random random = new Random(4);
        int firstStop = 700;
        int secondStop = 1_400;
        List<CompletableFuture<CommandResult>> futures = new ArrayList<>();
        try (TestDatabase test = TestEngines.newDatabase()) {
            TradingFixtures.install(test.database(), stream.markets());

            // First run, shut down cleanly.
            try (Database database = Database.open(test.target());
                 Sequencer first = new Sequencer(TradingFixtures.journal(database), 64, batch -> { })) {
                futures.addAll(TradingFixtures.drive(first, stream, 0, firstStop, random));
            }
            // Second run, abandoned as a crashed process would be: the third starts without it stopping.
            Database secondDatabase = Database.open(test.target());
            Sequencer second = new Sequencer(TradingFixtures.journal(secondDatabase), 64, batch -> { });
            futures.addAll(TradingFixtures.drive(second, stream, firstStop, secondStop, random));
            try (Database database = Database.open(test.target());
                 Sequencer third = new Sequencer(TradingFixtures.journal(database), 64, batch -> { })) {
                futures.addAll(TradingFixtures.drive(third, stream, secondStop, stream.size(), random));
                assertThat(third.read(MatchingEngine::stateHash).get(10, TimeUnit.SECONDS))
                        .isEqualTo(stream.finalHash());
            } finally {
                second.close();
                secondDatabase.close();
            }

            assertAnswersAsReference(stream, futures, 0);
            assertThat(restoredHash(test.database())).isEqualTo(stream.finalHash());
        }
    }

    /** Not a benchmark (a later load test measures the server): prints what one round trip achieved. */
    @Test
    void aLongStreamCommitsInGroupsAndPrintsItsDurableThroughput() throws Exception {
        TradingStream stream = TradingStreams.generate(7, 20_000);
        try (TestDatabase test = TestEngines.newDatabase()) {
            TradingFixtures.install(test.database(), stream.markets());
            // A warm-up on a copy of the markets would change the state; warm the JIT on the first steps instead.
            List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<CompletableFuture<CommandResult>> futures = new ArrayList<>(stream.size());
            try (Sequencer sequencer = new Sequencer(TradingFixtures.journal(test.database()), 512,
                    batch -> batchSizes.add(batch.size()))) {
                int warmUp = 2_000;
                futures.addAll(TradingFixtures.drive(sequencer, stream, 0, warmUp, new Random(7)));
                long start = System.nanoTime();
                for (int i = warmUp; i < stream.size(); i++) {
                    TradingStream.Step step = stream.steps().get(i);
                    futures.add(sequencer.submit(step.command(), step.context()));
                }
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - start) / 1e9;
                int measured = stream.size() - warmUp;
                System.out.printf("Durable commit throughput: %d commands in %.2f s = %.0f commands/s "
                                + "(%d batches, mean %.0f commands per commit)%n", measured, seconds,
                        measured / seconds, batchSizes.size(),
                        batchSizes.stream().mapToInt(Integer::intValue).average().orElse(0));
            }
            assertAnswersAsReference(stream, futures, 0);
            assertThat(restoredHash(test.database())).isEqualTo(stream.finalHash());
        }
    }

    static void assertAnswersAsReference(TradingStream stream, List<CompletableFuture<CommandResult>> futures,
                                         int from) {
        assertThat(futures).allSatisfy(future -> assertThat(future).isCompleted().isNotCompletedExceptionally());
        for (int i = 0; i < futures.size(); i++) {
            CommandResult actual = futures.get(i).join();
            CommandResult expected = stream.expected().get(from + i);
            assertThat(ReferenceRun.comparable(actual)).as("answer to request %d", from + i)
                    .isEqualTo(ReferenceRun.comparable(expected));
        }
    }

    static long restoredHash(Database database) {
        return MatchingEngine.restore(TradingFixtures.journal(database).load(), EventSink.NONE).stateHash();
    }

    /** The tables hold one row per trade, adjustment, answered key and accepted order the answers report. */
    private static void assertRowsMatchTheAnswers(TestDatabase test, List<CompletableFuture<CommandResult>> futures)
            throws SQLException {
        List<CommandResult> applied = futures.stream().map(CompletableFuture::join).filter(CommandResult::applied)
                .toList();
        long trades = applied.stream().flatMap(r -> r.events().stream())
                .filter(EngineEvent.TradeExecuted.class::isInstance).count();
        long adjustments = applied.stream().flatMap(r -> r.events().stream())
                .filter(EngineEvent.BalanceAdjusted.class::isInstance).count();
        long audited = applied.stream().filter(r -> r.context().reason() != null).flatMap(r -> r.events().stream())
                .filter(EngineEvent.BalanceAdjusted.class::isInstance).count();
        long orders = applied.stream().flatMap(r -> r.events().stream())
                .filter(EngineEvent.OrderAccepted.class::isInstance).count();
        long withClientIds = applied.stream().filter(r -> r.context().clientOrderId() != null)
                .filter(r -> r.events().stream().anyMatch(e -> e instanceof EngineEvent.OrderAccepted a
                        && a.orderId() == io.orderbook.application.trading.CommandContext.orderCreatedBy(r.command())
                        .orElse(-1)))
                .count();
        long keys = applied.stream().filter(r -> r.context().idempotency() != null).count();
        assertThat(count(test, "select count(*) from trades")).isEqualTo(trades);
        assertThat(count(test, "select count(*) from balance_adjustments")).isEqualTo(adjustments);
        assertThat(count(test, "select count(*) from balance_adjustments where reason is not null"
                + " and actor_user_id = " + TradingStreams.ADMIN)).isEqualTo(audited);
        assertThat(count(test, "select count(*) from orders")).isEqualTo(orders);
        assertThat(count(test, "select count(*) from orders where client_order_id is not null"))
                .isEqualTo(withClientIds);
        assertThat(count(test, "select count(*) from idempotency_keys")).isEqualTo(keys);
        assertThat(keys).isPositive();
        assertThat(withClientIds).isPositive();

        long listed = applied.stream().flatMap(r -> r.events().stream())
                .filter(EngineEvent.MarketAdded.class::isInstance).count();
        long delisted = applied.stream().flatMap(r -> r.events().stream())
                .filter(EngineEvent.MarketRemoved.class::isInstance).count();
        assertThat(count(test, "select count(*) from markets")).isEqualTo(3 + listed);
        assertThat(count(test, "select count(*) from markets where deleted_at is not null")).isEqualTo(delisted);
        assertEveryTradeVerifies(test, trades);
    }

    /** Every trade row carries its market's signature over the trade as stored. */
    private static void assertEveryTradeVerifies(TestDatabase test, long trades) throws SQLException {
        long verified = 0;
        try (Connection connection = test.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select t.id, t.market_id, t.price, t.quantity, t.quote_quantity, t.maker_order_id,
                            t.maker_user_id, t.taker_order_id, t.taker_user_id, t.taker_side, t.maker_fee,
                            t.taker_fee, t.executed_at, t.signature, m.symbol, m.public_key
                     from trades t join markets m on m.id = t.market_id""")) {
            while (rows.next()) {
                EngineEvent.TradeExecuted trade = new EngineEvent.TradeExecuted(
                        rows.getObject(13, java.time.OffsetDateTime.class).toInstant().toEpochMilli(), rows.getLong(1),
                        rows.getInt(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                        rows.getLong(7), rows.getLong(8), rows.getLong(9),
                        io.orderbook.domain.model.Side.valueOf(rows.getString(10)), rows.getLong(11), rows.getLong(12));
                java.security.PublicKey key = TradeSignatures.publicKey(rows.getBytes(16));
                assertThat(TradeSignatures.verify(key, rows.getString(15), trade, rows.getBytes(14)))
                        .as("signature of trade %d", trade.tradeId()).isTrue();
                verified++;
            }
        }
        assertThat(verified).isEqualTo(trades).isPositive();
    }

    static long count(TestDatabase test, String sql) throws SQLException {
        try (Connection connection = test.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
