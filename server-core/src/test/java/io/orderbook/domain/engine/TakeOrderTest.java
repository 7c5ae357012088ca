package io.orderbook.domain.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Take trades against one chosen resting order of another user, at that order's price, whatever its place in
 * the book. The taking order is an immediate limit order at the target's price that never rests.
 *
 * <p>The asks are Alice 10 @ 990 (#1), Bob 10 @ 1 000 (#2) and Alice 10 @ 1 000 (#3).
 */
class TakeOrderTest extends EngineTest {

    @BeforeEach
    void asks() {
        x.richTraders();
        x.given(x.sell(1, ALICE, 10, 990), x.sell(2, BOB, 10, 1_000), x.sell(3, ALICE, 10, 1_000));
    }

    @Test
    void takesAllOfTheChosenOrderAtItsPricePassingOverBetterOnes() {
        assertThat(x.apply(x.take(4, CAROL, 2, 0))).containsExactly(
                "accepted #4: BUY LIMIT IOC 10 @ 1000",
                "trade 1: 10 @ 1000 = 10000, maker #2 fee 10, taker #4 BUY fee 20",
                "filled #2: 10",
                "filled #4: 10");
        assertThat(x.queue(SELL)).containsExactly(1L, 3L);
        assertThat(x.funds(CAROL, BTC)).isEqualTo(funds(1_010, 0));
    }

    @Test
    void takesPartOfTheChosenOrderWhichKeepsItsPlace() {
        assertThat(x.apply(x.take(4, CAROL, 2, 5))).containsExactly(
                "accepted #4: BUY LIMIT IOC 5 @ 1000",
                "trade 1: 5 @ 1000 = 5000, maker #2 fee 5, taker #4 BUY fee 10",
                "partially filled #2: 5 filled, 5 open",
                "filled #4: 5");
        assertThat(x.queue(SELL)).containsExactly(1L, 2L, 3L);
        assertThat(x.book(SELL)).containsExactly("10 @ 990 (1)", "15 @ 1000 (2)");
    }

    @Test
    void asksForMoreThanIsOpenTakeWhatIsOpen() {
        assertThat(x.apply(x.take(4, CAROL, 2, 50))).containsExactly(
                "accepted #4: BUY LIMIT IOC 10 @ 1000",
                "trade 1: 10 @ 1000 = 10000, maker #2 fee 10, taker #4 BUY fee 20",
                "filled #2: 10",
                "filled #4: 10");
    }

    @Test
    void aRestingBuyIsTakenBySelling() {
        x.given(x.buy(5, BOB, 10, 900));

        assertThat(x.apply(x.take(6, CAROL, 5, 0))).containsExactly(
                "accepted #6: SELL LIMIT IOC 10 @ 900",
                "trade 1: 10 @ 900 = 9000, maker #5 fee 9, taker #6 SELL fee 18",
                "filled #5: 10",
                "filled #6: 10");
        assertThat(x.funds(CAROL, USD)).isEqualTo(funds(10_000_000 + 8_982, 0));
    }

    @Test
    void reservesExactlyTheValuePlusTheTakerFee() {
        x.given(x.withdraw(CAROL, USD, 10_000_000 - 10_019));
        assertThat(x.apply(x.take(4, CAROL, 2, 0))).containsExactly("rejected: INSUFFICIENT_FUNDS");

        x.fund(CAROL, USD, 1);
        assertThat(x.apply(x.take(4, CAROL, 2, 0))).contains("filled #4: 10");
        assertThat(x.funds(CAROL, USD)).isEqualTo(funds(0, 0));
    }

    @Test
    void aUserCannotTakeTheirOwnOrder() {
        assertThat(x.apply(x.take(4, BOB, 2, 0))).containsExactly("rejected: CANNOT_TAKE_OWN_ORDER");
    }

    @Test
    void anUnknownOrFinishedTargetIsRejected() {
        assertThat(x.apply(x.take(4, CAROL, 99, 0))).containsExactly("rejected: UNKNOWN_ORDER");
        x.given(x.cancel(2, BOB));
        assertThat(x.apply(x.take(4, CAROL, 2, 0))).containsExactly("rejected: UNKNOWN_ORDER");
    }

    @Test
    void aTargetPastItsExpiryIsExpiredAndReportedUnknown() {
        x.given(x.gtd(x.sell(5, BOB, 10, 1_020), 2_000));

        assertThat(x.at(2_000).apply(x.take(6, CAROL, 5, 0))).containsExactly(
                "expired #5 (TIME): 0 filled, 10 open",
                "rejected: UNKNOWN_ORDER");
        assertThat(x.funds(BOB, BTC)).isEqualTo(funds(990, 10));
        assertThat(x.funds(CAROL, USD)).isEqualTo(funds(10_000_000, 0));
    }

    @Test
    void aPartialTakeMustReachTheMinimumNotionalButTheWholeRestMayBeTaken() {
        x.given(x.sell(5, BOB, 15, 100));

        assertThat(x.apply(x.take(6, CAROL, 5, 5))).containsExactly("rejected: BELOW_MIN_NOTIONAL");
        assertThat(x.apply(x.take(6, CAROL, 5, 10))).containsExactly(
                "accepted #6: BUY LIMIT IOC 10 @ 100",
                "trade 1: 10 @ 100 = 1000, maker #5 fee 1, taker #6 BUY fee 2",
                "partially filled #5: 10 filled, 5 open",
                "filled #6: 10");
        assertThat(x.apply(x.take(7, CAROL, 5, 0))).containsExactly(
                "accepted #7: BUY LIMIT IOC 5 @ 100",
                "trade 2: 5 @ 100 = 500, maker #5 fee 0, taker #7 BUY fee 1",
                "filled #5: 15",
                "filled #7: 5");
    }

    @Test
    void theQuantityFollowsTheLotAndTheIdMustBeNew() {
        assertThat(x.apply(x.take(4, CAROL, 2, 7))).containsExactly("rejected: QUANTITY_NOT_LOT_MULTIPLE");
        assertThat(x.apply(x.take(4, CAROL, 2, -5))).containsExactly("rejected: INVALID_QUANTITY");
        assertThat(x.apply(x.take(1, CAROL, 2, 5))).containsExactly("rejected: DUPLICATE_ORDER_ID");
        assertThat(x.apply(x.take(4, 0, 2, 5))).containsExactly("rejected: INVALID_USER");
    }
}
