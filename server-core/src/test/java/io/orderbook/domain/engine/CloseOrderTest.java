package io.orderbook.domain.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Close reverts an order: it cancels what is still open, then trades the filled quantity back with an
 * opposite-side market order (a filled buy is sold, a filled sell bought back). Closing an order that never
 * filled only cancels it; an order is closed at most once.
 */
class CloseOrderTest extends EngineTest {

    @BeforeEach
    void traders() {
        x.richTraders();
    }

    @Test
    void aFilledBuyIsSoldBack() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 10, 990));

        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly(
                "accepted #4: SELL MARKET IOC 10",
                "trade 2: 10 @ 990 = 9900, maker #3 fee 9, taker #4 SELL fee 19",
                "filled #3: 10",
                "filled #4: 10",
                "closed #2 by #4 for 10");
        assertThat(x.funds(BOB, BTC)).isEqualTo(funds(1_000, 0));
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 10_020 + 9_881, 0));
    }

    @Test
    void aFilledSellIsBoughtBack() {
        x.given(x.buy(1, ALICE, 10, 1_000), x.sell(2, BOB, 10, 1_000), x.sell(3, CAROL, 10, 1_010));

        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly(
                "accepted #4: BUY MARKET IOC 10",
                "trade 2: 10 @ 1010 = 10100, maker #3 fee 10, taker #4 BUY fee 20",
                "filled #3: 10",
                "filled #4: 10",
                "closed #2 by #4 for 10");
        assertThat(x.funds(BOB, BTC)).isEqualTo(funds(1_000, 0));
    }

    @Test
    void aPartlyFilledOrderHasItsRestCancelledBeforeTheFilledPartIsTradedBack() {
        x.given(x.sell(1, ALICE, 5, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 5, 990));

        // Were Bob's rest at 1 000 still there, the closing sell would trade with it.
        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly(
                "cancelled #2 (CLOSE): 5 filled, 5 open",
                "accepted #4: SELL MARKET IOC 5",
                "trade 2: 5 @ 990 = 4950, maker #3 fee 4, taker #4 SELL fee 9",
                "filled #3: 5",
                "filled #4: 5",
                "closed #2 by #4 for 5");
        assertThat(x.book(BUY)).isEmpty();
        assertThat(x.funds(BOB, USD).locked()).isZero();
    }

    @Test
    void anOrderThatNeverFilledIsOnlyCancelled() {
        x.given(x.buy(1, BOB, 10, 1_000));

        assertThat(x.apply(x.close(1, BOB, 2))).containsExactly(
                "cancelled #1 (CLOSE): 0 filled, 10 open",
                "closed #1 with nothing to trade back");
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000, 0));
        assertThat(x.apply(x.buy(2, BOB, 5, 1_000))).containsExactly("accepted #2: BUY LIMIT GTC 5 @ 1000");
    }

    @Test
    void anOrderIsClosedOnlyOnce() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 20, 990),
                x.close(2, BOB, 4));

        assertThat(x.apply(x.close(2, BOB, 5))).containsExactly("rejected: ALREADY_CLOSED");
    }

    @Test
    void aClosingOrderThatFindsTooFewBuyersTradesWhatItCanAndTheOrderCountsAsClosed() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 5, 990));

        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly(
                "accepted #4: SELL MARKET IOC 10",
                "trade 2: 5 @ 990 = 4950, maker #3 fee 4, taker #4 SELL fee 9",
                "filled #3: 5",
                "expired #4 (NOT_FILLED): 5 filled, 5 open",
                "closed #2 by #4 for 10");
        assertThat(x.apply(x.close(2, BOB, 5))).containsExactly("rejected: ALREADY_CLOSED");
    }

    @Test
    void withoutTheFundsToTradeBackNothingHappensAndTheOrderCanBeClosedLater() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 10, 990),
                x.withdraw(BOB, BTC, 1_005));

        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly("rejected: INSUFFICIENT_FUNDS");

        x.fund(BOB, BTC, 5);
        assertThat(x.apply(x.close(2, BOB, 4))).endsWith("closed #2 by #4 for 10");
    }

    @Test
    void withoutTheFundsToTradeBackTheRestOfAPartlyFilledOrderStaysOpen() {
        x.given(x.sell(1, ALICE, 5, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 5, 990),
                x.withdraw(BOB, BTC, 1_005));

        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly("rejected: INSUFFICIENT_FUNDS");
        assertThat(x.openOrder(2).openQuantity()).isEqualTo(5);
        assertThat(x.queue(BUY)).containsExactly(2L, 3L);
    }

    @Test
    void withNobodyToTradeBackWithTheRestOfAPartlyFilledOrderStaysOpen() {
        x.given(x.sell(1, ALICE, 5, 1_000), x.buy(2, BOB, 10, 1_000));

        // Bob's own rest is the only bid: once it is cancelled, nothing is left to sell to.
        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly("rejected: NO_LIQUIDITY");
        assertThat(x.openOrder(2).openQuantity()).isEqualTo(5);
    }

    @Test
    void anExpiredImmediateOrderATakerAndAQuoteSizedBuyCanBeClosed() {
        x.given(x.sell(1, ALICE, 5, 1_000), x.ioc(x.buy(2, BOB, 10, 1_000)),
                x.sell(3, ALICE, 10, 1_000), x.take(4, CAROL, 3, 5),
                x.marketBuyFor(5, BOB, 5_010),
                x.buy(6, ALICE, 100, 900));

        assertThat(x.apply(x.close(2, BOB, 7))).contains("closed #2 by #7 for 5");
        assertThat(x.apply(x.close(4, CAROL, 8))).contains("closed #4 by #8 for 5");
        assertThat(x.apply(x.close(5, BOB, 9))).contains("closed #5 by #9 for 5");
        assertThat(x.funds(BOB, BTC)).isEqualTo(funds(1_000, 0));
        assertThat(x.funds(CAROL, BTC)).isEqualTo(funds(1_000, 0));
    }

    @Test
    void onlyTheOwnerCanCloseAndTheClosingIdMustBeNew() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 10, 990));

        assertThat(x.apply(x.close(2, ALICE, 4))).containsExactly("rejected: UNKNOWN_ORDER");
        assertThat(x.apply(x.close(99, BOB, 4))).containsExactly("rejected: UNKNOWN_ORDER");
        assertThat(x.apply(x.close(2, BOB, 1))).containsExactly("rejected: DUPLICATE_ORDER_ID");
        assertThat(x.apply(x.close(2, BOB, 2))).containsExactly("rejected: DUPLICATE_ORDER_ID");
        assertThat(x.queue(BUY)).containsExactly(3L);
    }

    @Test
    void aFilledOrderIsStillClosableAfterTheEngineIsRebuiltFromASnapshot() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, CAROL, 10, 990));
        List<EngineEvent> events = new ArrayList<>();
        MatchingEngine restored = MatchingEngine.restore(x.engine().snapshot(), events::add);

        restored.apply(x.close(2, BOB, 4));

        assertThat(events.stream().map(TestExchange::describe)).containsExactly(
                "accepted #4: SELL MARKET IOC 10",
                "trade 2: 10 @ 990 = 9900, maker #3 fee 9, taker #4 SELL fee 19",
                "filled #3: 10",
                "filled #4: 10",
                "closed #2 by #4 for 10");
        restored.validate();
    }

    @Test
    void aSellIsClosedWithinTheBuyersMeans() {
        x.given(x.buy(1, ALICE, 10, 1_000), x.sell(2, BOB, 10, 1_000), x.sell(3, CAROL, 10, 1_010),
                x.withdraw(BOB, USD, 10_000_000 + 9_980 - 10_119));

        // Buying 10 back at 1 010 costs 10 100 + 20.
        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly("rejected: INSUFFICIENT_FUNDS");
        x.fund(BOB, USD, 1);
        assertThat(x.apply(x.close(2, BOB, 4))).endsWith("closed #2 by #4 for 10");
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(0, 0));
        assertThat(x.book(SELL)).isEmpty();
    }
}
