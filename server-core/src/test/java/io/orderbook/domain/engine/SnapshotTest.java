package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.model.SelfTradePrevention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.BTC_USD;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.ETH_USD;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot holds the whole state: an engine restored from it has the same state hash and, given the same
 * commands, emits the same events as the engine it was taken from.
 */
class SnapshotTest extends EngineTest {

    /** Two markets with resting, partly filled, good-till-date, filled, closed and halted state. */
    @BeforeEach
    void busyExchange() {
        x.richTraders();
        x.given(
                x.sell(1, ALICE, 10, 1_000), x.sell(2, BOB, 10, 1_000), x.sell(3, ALICE, 5, 1_010),
                x.gtd(x.buy(4, CAROL, 10, 990), 3_000), x.buy(5, BOB, 5, 980),
                x.buy(6, CAROL, 5, 1_000),
                x.sell(7, BOB, 5, 990),
                x.close(7, BOB, 8),
                x.gtd(PlaceOrder.limit(x.now(), 9, ALICE, ETH_USD, SELL, 2_000, 1_000), 4_000),
                PlaceOrder.limit(x.now(), 10, BOB, ETH_USD, BUY, 1_900, 500),
                x.halt(ETH_USD));
    }

    @Test
    void aRestoredEngineHasTheSameStateAndHash() {
        EngineSnapshot snapshot = x.engine().snapshot();

        MatchingEngine restored = MatchingEngine.restore(snapshot, EventSink.NONE);

        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.stateHash()).isEqualTo(x.engine().stateHash());
        assertThat(restored.depth(BTC_USD, SELL, 10)).isEqualTo(x.engine().depth(BTC_USD, SELL, 10));
        assertThat(restored.depth(BTC_USD, BUY, 10)).isEqualTo(x.engine().depth(BTC_USD, BUY, 10));
        assertThat(restored.ledger().balances()).isEqualTo(x.engine().ledger().balances());
        restored.validate();
    }

    @Test
    void aRestoredEngineEmitsTheSameEventsForTheSameCommands() {
        List<EngineEvent> restoredEvents = new ArrayList<>();
        MatchingEngine restored = MatchingEngine.restore(x.engine().snapshot(), restoredEvents::add);
        int firstEvent = x.events().size();

        List<Command> followUp = List.of(
                x.buy(11, CAROL, 15, 1_010),                 // priority of #2 and #3 carried over
                x.close(7, BOB, 12),                         // already closed
                x.buy(6, CAROL, 5, 900),                     // a filled order's id stays taken
                x.amend(5, BOB, 10, 980),
                x.at(3_000).expireOrders(),                  // good-till-date orders carried over
                x.close(6, CAROL, 13),                       // a filled order stays closable
                x.resume(ETH_USD),
                PlaceOrder.market(x.now(), 14, CAROL, ETH_USD, SELL, 500),
                x.at(4_000).expireOrders(),
                x.take(15, ALICE, 5, 0));
        for (Command command : followUp) {
            x.apply(command);
            restored.apply(command);
            assertThat(restored.stateHash()).as("state hash after %s", command).isEqualTo(x.engine().stateHash());
        }

        List<EngineEvent> originalEvents = x.events().subList(firstEvent, x.events().size());
        assertThat(restoredEvents).isEqualTo(originalEvents);
        assertThat(originalEvents.stream().map(TestExchange::describe)).containsSubsequence(
                "trade 4: 10 @ 1000 = 10000, maker #2 fee 10, taker #11 BUY fee 20",
                "trade 5: 5 @ 1010 = 5050, maker #3 fee 5, taker #11 BUY fee 10",
                "rejected: ALREADY_CLOSED",
                "rejected: DUPLICATE_ORDER_ID",
                "amended #5: 10 @ 980, 10 open, priority lost",
                "expired #4 (TIME): 5 filled, 5 open",
                "closed #6 by #13 for 5",
                "resumed market 2",
                "expired #9 (TIME): 0 filled, 1000 open",
                "filled #15: 5");
        restored.validate();
    }

    @Test
    void theStateHashDependsOnTheStateNotOnTheOrderItWasBuiltIn() {
        MatchingEngine first = new MatchingEngine(EventSink.NONE);
        MatchingEngine second = new MatchingEngine(EventSink.NONE);
        first.addMarket(TestExchange.btcUsd(SelfTradePrevention.NONE));
        second.addMarket(TestExchange.btcUsd(SelfTradePrevention.NONE));
        for (long user = 1; user <= 50; user++) {
            first.apply(new AdjustBalance(1, user, USD, 1_000 + user));
            second.apply(new AdjustBalance(1, 51 - user, USD, 1_000 + 51 - user));
        }
        assertThat(first.stateHash()).isEqualTo(second.stateHash());

        first.apply(new AdjustBalance(2, 7, BTC, 5));
        assertThat(first.stateHash()).isNotEqualTo(second.stateHash());
        second.apply(new AdjustBalance(2, 7, BTC, 5));
        assertThat(first.stateHash()).isEqualTo(second.stateHash());

        first.apply(PlaceOrder.limit(3, 1, 7, BTC_USD, SELL, 1_000, 5));
        second.apply(PlaceOrder.limit(3, 1, 7, BTC_USD, SELL, 1_010, 5));
        assertThat(first.stateHash()).isNotEqualTo(second.stateHash());
    }
}
