package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.application.trading.SequencerUnavailableException;
import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Side;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.orderbook.adapters.persistence.trading.TradingStreams.BTC;
import static io.orderbook.adapters.persistence.trading.TradingStreams.BTC_USDT;
import static io.orderbook.adapters.persistence.trading.TradingStreams.START;
import static io.orderbook.adapters.persistence.trading.TradingStreams.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch that cannot be committed leaves the database as it was, its callers are told to try again, and the
 * engine is rebuilt from the database; nothing acknowledged is ever lost. Faults are injected by a trigger that
 * fails writes to balances (written after the batch's orders and trades, so those must be rolled back too) or
 * stalls inserts into trades until the test kills the connection.
 */
class JournalFailureTest {
    private static final long BUYER = 101;
    private static final long SELLER = 102;
    /** 100,000 USDT per BTC: far above the streams' books, so the sell rests and the buy surely trades. */
    private static final long HIGH = 100_000_000_000L;
    /** 0.0001 BTC: one lot of BTC-USDT. */
    private static final long LOT = 10_000;
    private static final List<String> TABLES = List.of("orders", "trades", "balances", "balance_adjustments",
            "idempotency_keys", "markets");
    private TestDatabase test;
    private Sequencer sequencer;

    @BeforeEach
    void openDatabase() throws SQLException {
        test = TestEngines.newDatabase();
        try (Connection connection = test.connection(); Statement statement = connection.createStatement()) {
            statement.execute("create table journal_faults (mode text not null)");
            statement.execute("insert into journal_faults values ('off')");
            statement.execute("""
                    create function journal_fault() returns trigger language plpgsql as $$
                    declare fault text;
                    begin
                        select mode into fault from journal_faults;
                        if fault = 'fail' and tg_table_name = 'balances' then
                            raise exception 'injected fault writing %', tg_table_name;
                        end if;
                        if fault = 'stall' and tg_table_name = 'trades' then
                            perform pg_sleep(60);
                        end if;
                        return new;
                    end $$""");
            statement.execute("create trigger balances_fault before insert or update on balances"
                    + " for each row execute function journal_fault()");
            statement.execute("create trigger trades_fault before insert on trades"
                    + " for each row execute function journal_fault()");
        }
    }

    @AfterEach
    void closeDatabase() {
        if (sequencer != null) {
            sequencer.close();
        }
        test.close();
    }

    @Test
    void aFailedCommitLeavesTheDatabaseUnchangedAndTheEngineRebuiltFromIt() throws Exception {
        TradingStream stream = TradingStreams.generate(21, 400);
        TradingFixtures.install(test.database(), stream.markets());
        sequencer = new Sequencer(TradingFixtures.journal(test.database()), 64, batch -> { });
        TradingFixtures.drive(sequencer, stream, 0, stream.size(), new Random(21));
        String before = dump();
        long hashBefore = sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS);

        setFault("fail");
        // Hold the sequencer thread in a read so the four commands queue up and form one batch.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        CompletableFuture<Boolean> gate = sequencer.read(engine -> {
            holding.countDown();
            try {
                return queued.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        // A trade: an order and a trade are written before the balances fail.
        List<CompletableFuture<CommandResult>> failed = List.of(
                sequencer.submit(new AdjustBalance(START + 10_000, BUYER, USDT, 10_000_000_000L)),
                sequencer.submit(new AdjustBalance(START + 10_000, SELLER, BTC, 10_000_000L)),
                sequencer.submit(PlaceOrder.limit(START + 10_000, 900_001, SELLER, BTC_USDT, Side.SELL, HIGH, LOT),
                        CommandContext.NONE.withClientOrderId("fault-1")),
                sequencer.submit(PlaceOrder.limit(START + 10_000, 900_002, BUYER, BTC_USDT, Side.BUY, HIGH, LOT),
                        CommandContext.NONE.withIdempotency(BUYER, "fault-key", "fp")));
        queued.countDown();
        assertThat(gate.get(10, TimeUnit.SECONDS)).isTrue();
        for (CompletableFuture<CommandResult> future : failed) {
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SequencerUnavailableException.class);
        }

        assertThat(dump()).isEqualTo(before);
        assertThat(sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS)).isEqualTo(hashBefore);
        assertThat(PostgresTradingJournalTest.restoredHash(test.database())).isEqualTo(hashBefore);

        // Once the database accepts writes again, the same requests go through: nothing of them was kept.
        setFault("off");
        sequencer.submit(new AdjustBalance(START + 10_001, BUYER, USDT, 10_000_000_000L)).get(10, TimeUnit.SECONDS);
        sequencer.submit(new AdjustBalance(START + 10_001, SELLER, BTC, 10_000_000L)).get(10, TimeUnit.SECONDS);
        CommandResult sell = sequencer.submit(
                PlaceOrder.limit(START + 10_001, 900_001, SELLER, BTC_USDT, Side.SELL, HIGH, LOT),
                CommandContext.NONE.withClientOrderId("fault-1")).get(10, TimeUnit.SECONDS);
        CommandResult buy = sequencer.submit(
                PlaceOrder.limit(START + 10_001, 900_002, BUYER, BTC_USDT, Side.BUY, HIGH, LOT),
                CommandContext.NONE.withIdempotency(BUYER, "fault-key", "fp")).get(10, TimeUnit.SECONDS);
        assertThat(sell.status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(buy.status()).isEqualTo(CommandResult.Status.APPLIED);
        // From the same state, so the failed batch had inserted this order and its trade before the balances.
        assertThat(buy.events()).anyMatch(EngineEvent.TradeExecuted.class::isInstance);
        assertThat(sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS))
                .isEqualTo(PostgresTradingJournalTest.restoredHash(test.database()));
    }

    @Test
    void aConnectionLostInTheMiddleOfABatchLeavesTheDatabaseUnchanged() throws Exception {
        TradingStream stream = TradingStreams.generate(22, 100);
        TradingFixtures.install(test.database(), stream.markets());
        sequencer = new Sequencer(TradingFixtures.journal(test.database()), 64, batch -> { });
        TradingFixtures.drive(sequencer, stream, 0, stream.size(), new Random(22));
        sequencer.submit(new AdjustBalance(START + 10_000, BUYER, USDT, 10_000_000_000L)).get(10, TimeUnit.SECONDS);
        sequencer.submit(new AdjustBalance(START + 10_000, SELLER, BTC, 10_000_000L)).get(10, TimeUnit.SECONDS);
        sequencer.submit(PlaceOrder.limit(START + 10_000, 900_001, SELLER, BTC_USDT, Side.SELL, HIGH, LOT))
                .get(10, TimeUnit.SECONDS);
        String before = dump();
        long hashBefore = sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS);

        setFault("stall");
        CompletableFuture<CommandResult> stalled = sequencer.submit(
                PlaceOrder.limit(START + 10_001, 900_002, BUYER, BTC_USDT, Side.BUY, HIGH, LOT));
        killStalledBackend();
        assertThatThrownBy(() -> stalled.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SequencerUnavailableException.class);
        setFault("off");

        assertThat(dump()).isEqualTo(before);
        assertThat(sequencer.read(MatchingEngine::stateHash).get(30, TimeUnit.SECONDS)).isEqualTo(hashBefore);
        CommandResult retried = sequencer.submit(
                PlaceOrder.limit(START + 10_002, 900_002, BUYER, BTC_USDT, Side.BUY, HIGH, LOT))
                .get(10, TimeUnit.SECONDS);
        assertThat(retried.events()).anyMatch(EngineEvent.TradeExecuted.class::isInstance);
        assertThat(PostgresTradingJournalTest.restoredHash(test.database()))
                .isEqualTo(sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS));
    }

    /**
     * Faults come and go while a stream runs, so batches of every size fail at random. The acknowledged
     * requests alone, replayed in order on a reference, give the same answers and the state the database holds.
     */
    @Test
    void whateverFailsNothingAcknowledgedIsLostAndNothingFailedIsApplied() throws Exception {
        TradingStream stream = TradingStreams.generate(23, 1_500);
        TradingFixtures.install(test.database(), stream.markets());
        sequencer = new Sequencer(TradingFixtures.journal(test.database()), 64, batch -> { });
        Random random = new Random(23);
        List<CompletableFuture<CommandResult>> futures = new ArrayList<>();
        int i = 0;
        while (i < stream.size()) {
            setFault(random.nextInt(4) == 0 ? "fail" : "off");
            int chunk = Math.min(stream.size() - i, 1 + random.nextInt(40));
            futures.addAll(TradingFixtures.drive(sequencer, stream, i, i + chunk, random));
            i += chunk;
        }
        setFault("off");

        ReferenceRun reference = new ReferenceRun(stream.markets());
        int acknowledged = 0;
        int failed = 0;
        for (int k = 0; k < futures.size(); k++) {
            CompletableFuture<CommandResult> future = futures.get(k);
            assertThat(future).isDone();
            if (future.isCompletedExceptionally()) {
                assertThatThrownBy(future::join).hasCauseInstanceOf(SequencerUnavailableException.class);
                failed++;
                continue;
            }
            acknowledged++;
            TradingStream.Step step = stream.steps().get(k);
            assertThat(ReferenceRun.comparable(future.join())).as("answer to request %d", k)
                    .isEqualTo(ReferenceRun.comparable(reference.submit(step.command(), step.context())));
        }
        assertThat(failed).isGreaterThan(50);
        assertThat(acknowledged).isGreaterThan(500);
        long expected = reference.engine().stateHash();
        assertThat(sequencer.read(MatchingEngine::stateHash).get(10, TimeUnit.SECONDS)).isEqualTo(expected);
        assertThat(PostgresTradingJournalTest.restoredHash(test.database())).isEqualTo(expected);
    }

    private void setFault(String mode) throws SQLException {
        try (Connection connection = test.connection();
             PreparedStatement update = connection.prepareStatement("update journal_faults set mode = ?")) {
            update.setString(1, mode);
            update.executeUpdate();
        }
    }

    /** Waits for the journal's connection to stall inside the trigger, then terminates its server process. */
    private void killStalledBackend() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = test.connection()) {
            while (System.nanoTime() < deadline) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("""
                             select pg_terminate_backend(pid) from pg_stat_activity
                             where datname = current_database() and wait_event = 'PgSleep'
                               and pid <> pg_backend_pid()""")) {
                    if (rows.next() && rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the journal never stalled in the trigger");
    }

    /** Every row of the trading tables, in key order. */
    private String dump() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = test.connection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                text.append("== ").append(table).append('\n');
                try (ResultSet rows = statement.executeQuery("select * from " + table + " order by 1, 2")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            text.append(rows.getString(c)).append('|');
                        }
                        text.append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
