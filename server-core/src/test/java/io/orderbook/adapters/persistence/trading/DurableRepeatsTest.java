package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.Side;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.orderbook.adapters.persistence.trading.TradingStreams.BTC_USDT;
import static io.orderbook.adapters.persistence.trading.TradingStreams.START;
import static io.orderbook.adapters.persistence.trading.TradingStreams.USDT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries are safe through the durable path: an idempotency key returns the stored first answer and never
 * places a second order, also after a restart; a client order id is refused before the engine if its user
 * already has an order with it, without failing the other commands of the batch.
 */
class DurableRepeatsTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    /** 50,000 USDT per BTC, one lot of 0.0001 BTC: 5 USDT, BTC-USDT's minimum. */
    private static final long PRICE = 50_000_000_000L;
    private static final long LOT = 10_000;

    private TestDatabase test;
    private Database database;
    private Sequencer sequencer;
    private long orderId = 1;
    private long now = START;

    @BeforeEach
    void start() throws Exception {
        test = TestEngines.newDatabase();
        TradingFixtures.install(test.database(), TradingStreams.markets(1));
        database = test.database();
        sequencer = new Sequencer(TradingFixtures.journal(database), 64, batch -> { });
        submit(new AdjustBalance(now, ALICE, USDT, 1_000_000_000L), CommandContext.NONE.withAudit("funding", 99));
    }

    @AfterEach
    void stop() {
        sequencer.close();
        if (database != test.database()) {
            database.close();
        }
        test.close();
    }

    @Test
    void aRetryGetsTheStoredFirstAnswerAndPlacesNoSecondOrderEvenAfterARestart() throws Exception {
        CommandContext keyed = CommandContext.NONE.withIdempotency(ALICE, "order-1", "sha256-of-body");
        CommandResult first = submit(buy(ALICE), keyed);
        assertThat(first.events()).first().isInstanceOf(EngineEvent.OrderAccepted.class);

        CommandResult retry = submit(buy(ALICE), keyed);
        assertThat(retry.status()).isEqualTo(CommandResult.Status.REPLAYED);
        assertThat(retry.command()).isEqualTo(first.command());
        assertThat(retry.events()).isEqualTo(first.events());

        restart();
        CommandResult afterRestart = submit(buy(ALICE), keyed);
        assertThat(afterRestart.status()).isEqualTo(CommandResult.Status.REPLAYED);
        assertThat(ReferenceRun.comparable(afterRestart)).isEqualTo(ReferenceRun.comparable(retry));
        assertThat(count("select count(*) from orders where user_id = ?", ALICE)).isEqualTo(1);
        assertThat(sequencer.read(MatchingEngine::openOrderCount).get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void anotherRequestUnderAUsedKeyIsRefused() throws Exception {
        submit(buy(ALICE), CommandContext.NONE.withIdempotency(ALICE, "order-1", "body-1"));
        CommandResult other = submit(buy(ALICE), CommandContext.NONE.withIdempotency(ALICE, "order-1", "body-2"));

        assertThat(other.status()).isEqualTo(CommandResult.Status.IDEMPOTENCY_KEY_REUSED);
        assertThat(other.events()).isEmpty();
        assertThat(count("select count(*) from orders where user_id = ?", ALICE)).isEqualTo(1);
        // Keys are per user: Bob's "order-1" is his own.
        assertThat(submit(buy(BOB), CommandContext.NONE.withIdempotency(BOB, "order-1", "body-2")).status())
                .isEqualTo(CommandResult.Status.APPLIED);
    }

    @Test
    void aFirstAnswerThatWasARejectionIsReplayedAsOne() throws Exception {
        CommandContext keyed = CommandContext.NONE.withIdempotency(BOB, "order-1", "body-1");
        CommandResult first = submit(buy(BOB), keyed);
        assertThat(first.events()).singleElement().isInstanceOfSatisfying(EngineEvent.CommandRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS));
        submit(new AdjustBalance(now, BOB, USDT, 1_000_000_000L), CommandContext.NONE);

        restart();
        CommandResult retry = submit(buy(BOB), keyed);
        assertThat(retry.status()).isEqualTo(CommandResult.Status.REPLAYED);
        assertThat(retry.events()).isEqualTo(first.events());
        assertThat(count("select count(*) from orders where user_id = ?", BOB)).isZero();
    }

    @Test
    void aDuplicateClientOrderIdIsRefusedWithoutFailingItsBatch() throws Exception {
        submit(new AdjustBalance(now, BOB, USDT, 1_000_000_000L), CommandContext.NONE);
        CommandResult first = submit(buy(ALICE), CommandContext.NONE.withClientOrderId("mine-1"));
        assertThat(first.status()).isEqualTo(CommandResult.Status.APPLIED);

        // Sent together, so mostly in one batch: the repeat is refused, the others go through.
        List<CompletableFuture<CommandResult>> together = new ArrayList<>();
        together.add(sequencer.submit(buy(BOB), CommandContext.NONE.withClientOrderId("mine-1")));
        together.add(sequencer.submit(buy(ALICE), CommandContext.NONE.withClientOrderId("mine-1")));
        together.add(sequencer.submit(buy(ALICE), CommandContext.NONE.withClientOrderId("mine-2")));
        together.add(sequencer.submit(buy(ALICE), CommandContext.NONE.withClientOrderId("mine-2")));
        List<CommandResult.Status> statuses = new ArrayList<>();
        for (CompletableFuture<CommandResult> future : together) {
            statuses.add(future.get(10, TimeUnit.SECONDS).status());
        }
        assertThat(statuses).containsExactly(CommandResult.Status.APPLIED,
                CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID, CommandResult.Status.APPLIED,
                CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID);

        restart();
        assertThat(submit(buy(ALICE), CommandContext.NONE.withClientOrderId("mine-1")).status())
                .isEqualTo(CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(count("select count(*) from orders where client_order_id is not null", null)).isEqualTo(3);
        assertThat(count("select count(*) from orders where user_id = ? and client_order_id = 'mine-1'", ALICE))
                .isEqualTo(1);
    }

    @Test
    void theClientOrderIdOfARejectedOrderStaysFree() throws Exception {
        CommandResult rejected = submit(buy(BOB), CommandContext.NONE.withClientOrderId("bob-1"));
        assertThat(rejected.events()).singleElement().isInstanceOf(EngineEvent.CommandRejected.class);
        submit(new AdjustBalance(now, BOB, USDT, 1_000_000_000L), CommandContext.NONE);

        CommandResult accepted = submit(buy(BOB), CommandContext.NONE.withClientOrderId("bob-1"));
        assertThat(accepted.events()).first().isInstanceOf(EngineEvent.OrderAccepted.class);
        assertThat(count("select count(*) from orders where user_id = ? and client_order_id = 'bob-1'", BOB))
                .isEqualTo(1);
    }

    @Test
    void aDepositInAnUnlistedAssetDoesNotFailTheOthersInItsBatch() throws Exception {
        CompletableFuture<CommandResult> order = sequencer.submit(buy(ALICE), CommandContext.NONE);
        CompletableFuture<CommandResult> deposit = sequencer.submit(new AdjustBalance(now, BOB, 4_242, 1_000));
        assertThat(order.get(10, TimeUnit.SECONDS).events()).first().isInstanceOf(EngineEvent.OrderAccepted.class);
        assertThat(deposit.get(10, TimeUnit.SECONDS).status()).isEqualTo(CommandResult.Status.APPLIED);
        assertThat(PostgresTradingJournalTest.restoredHash(database))
                .isEqualTo(sequencer.read(MatchingEngine::stateHash).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aBalanceAdjustmentKeepsItsReasonAndActor() throws Exception {
        submit(new AdjustBalance(now, BOB, USDT, -1), CommandContext.NONE.withAudit("overdraw", 99));
        submit(new AdjustBalance(now, BOB, USDT, 250), CommandContext.NONE.withAudit("refund #12", 99));
        try (Connection connection = test.connection(); PreparedStatement select = connection.prepareStatement(
                "select amount, available_after, reason, actor_user_id from balance_adjustments where user_id = ?")) {
            select.setLong(1, BOB);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(250);
                assertThat(rows.getLong(2)).isEqualTo(250);
                assertThat(rows.getString(3)).isEqualTo("refund #12");
                assertThat(rows.getLong(4)).isEqualTo(99);
                assertThat(rows.next()).as("the refused debit left no trace").isFalse();
            }
        }
    }

    private PlaceOrder buy(long user) {
        return PlaceOrder.limit(now, orderId++, user, BTC_USDT, Side.BUY, PRICE, LOT);
    }

    private CommandResult submit(Command command, CommandContext context) throws Exception {
        now++;
        return sequencer.submit(command, context).get(10, TimeUnit.SECONDS);
    }

    /** A new process: a new pool, journal and sequencer on the same data. */
    private void restart() {
        sequencer.close();
        if (database != test.database()) {
            database.close();
        }
        database = Database.open(test.target());
        sequencer = new Sequencer(TradingFixtures.journal(database), 64, batch -> { });
    }

    private long count(String sql, Long user) throws SQLException {
        try (Connection connection = test.connection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (user != null) {
                select.setLong(1, user);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
