package io.orderbook.domain.engine;

import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** GTD orders rest until their expiry time; they are expired by ExpireOrders or by the first taker to meet them. */
class GoodTillDateTest extends EngineTest {

    @Test
    void restsUntilExpireOrdersRunsAtOrAfterItsTimeThenReleasesItsFunds() {
        x.fund(ALICE, BTC, 10);
        assertThat(x.apply(x.gtd(x.sell(1, ALICE, 10, 1_000), 2_000)))
                .containsExactly("accepted #1: SELL LIMIT GTD 10 @ 1000, until 2000");

        assertThat(x.at(1_999).apply(x.expireOrders())).isEmpty();
        assertThat(x.book(SELL)).containsExactly("10 @ 1000 (1)");

        assertThat(x.at(2_000).apply(x.expireOrders())).containsExactly("expired #1 (TIME): 0 filled, 10 open");
        assertThat(x.book(SELL)).isEmpty();
        assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(10, 0));
    }

    @Test
    void aPartlyFilledOrderExpiresWithWhatItFilled() {
        x.richTraders();
        x.given(x.gtd(x.buy(1, ALICE, 10, 1_000), 2_000), x.sell(2, BOB, 5, 1_000));

        assertThat(x.at(5_000).apply(x.expireOrders())).containsExactly("expired #1 (TIME): 5 filled, 5 open");
        assertThat(x.funds(ALICE, USD)).isEqualTo(funds(10_000_000 - 5_005, 0));
    }

    @Test
    void dueOrdersExpireInOrderOfExpiryTimeAndOnlyThose() {
        x.richTraders();
        x.given(x.gtd(x.sell(1, ALICE, 5, 1_000), 3_000),
                x.gtd(x.buy(2, BOB, 5, 900), 2_000),
                x.gtd(x.sell(3, CAROL, 5, 1_010), 2_500),
                x.gtd(x.sell(4, CAROL, 5, 1_020), 9_000));

        assertThat(x.at(3_000).apply(x.expireOrders())).containsExactly(
                "expired #2 (TIME): 0 filled, 5 open",
                "expired #3 (TIME): 0 filled, 5 open",
                "expired #1 (TIME): 0 filled, 5 open");
        assertThat(x.queue(SELL)).containsExactly(4L);
    }

    @Test
    void aTakerThatMeetsARestingOrderPastItsTimeExpiresItAndTradesOn() {
        x.richTraders();
        x.given(x.gtd(x.sell(1, ALICE, 5, 1_000), 2_000), x.sell(2, BOB, 5, 1_010));

        assertThat(x.at(2_000).apply(x.buy(3, CAROL, 5, 1_010))).containsExactly(
                "accepted #3: BUY LIMIT GTC 5 @ 1010",
                "expired #1 (TIME): 0 filled, 5 open",
                "trade 1: 5 @ 1010 = 5050, maker #2 fee 5, taker #3 BUY fee 10",
                "filled #2: 5",
                "filled #3: 5");
        assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(1_000, 0));
    }

    @Test
    void justBeforeItsTimeItStillTrades() {
        x.richTraders();
        x.given(x.gtd(x.sell(1, ALICE, 5, 1_000), 2_000));

        assertThat(x.at(1_999).apply(x.buy(2, CAROL, 5, 1_000))).containsExactly(
                "accepted #2: BUY LIMIT GTC 5 @ 1000",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                "filled #1: 5",
                "filled #2: 5");
    }

    @Test
    void anAmendPastTheOrdersTimeExpiresItAndIsRejectedAsNotOpen() {
        x.richTraders();
        x.given(x.gtd(x.sell(1, ALICE, 5, 1_000), 2_000));

        assertThat(x.at(2_000).apply(x.amend(1, ALICE, 5, 1_010))).containsExactly(
                "expired #1 (TIME): 0 filled, 5 open",
                "rejected: ORDER_NOT_OPEN");
        assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(1_000, 0));
    }

    @Test
    void aFillOrKillOrderDoesNotCountOrdersPastTheirTime() {
        x.richTraders();
        x.given(x.gtd(x.sell(1, ALICE, 5, 1_000), 2_000), x.sell(2, BOB, 5, 1_000));

        assertThat(x.at(2_000).apply(x.fok(x.buy(3, CAROL, 10, 1_000)))).containsExactly("rejected: FOK_NOT_FILLABLE");
        assertThat(x.apply(x.fok(x.buy(3, CAROL, 5, 1_000)))).containsExactly(
                "accepted #3: BUY LIMIT FOK 5 @ 1000",
                "expired #1 (TIME): 0 filled, 5 open",
                "trade 1: 5 @ 1000 = 5000, maker #2 fee 5, taker #3 BUY fee 10",
                "filled #2: 5",
                "filled #3: 5");
    }

    @Test
    void aMarketOrderExpiresTheOrdersPastTheirTimeThatItMeets() {
        x.richTraders();
        x.given(x.gtd(x.buy(1, ALICE, 5, 1_000), 2_000), x.buy(2, BOB, 5, 990));

        assertThat(x.at(2_500).apply(x.market(3, CAROL, SELL, 5))).containsExactly(
                "accepted #3: SELL MARKET IOC 5",
                "expired #1 (TIME): 0 filled, 5 open",
                "trade 1: 5 @ 990 = 4950, maker #2 fee 4, taker #3 SELL fee 9",
                "filled #2: 5",
                "filled #3: 5");
        assertThat(x.funds(ALICE, USD)).isEqualTo(funds(10_000_000, 0));
    }

    @Test
    void anOrderThatCrossesOnArrivalTradesAndRestsTheRestUntilItsTime() {
        x.richTraders();
        x.given(x.sell(1, ALICE, 5, 1_000));

        assertThat(x.apply(x.gtd(x.buy(2, BOB, 10, 1_000), 2_000))).containsExactly(
                "accepted #2: BUY LIMIT GTD 10 @ 1000, until 2000",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                "filled #1: 5",
                "partially filled #2: 5 filled, 5 open");
        assertThat(x.at(2_000).apply(x.expireOrders())).containsExactly("expired #2 (TIME): 5 filled, 5 open");
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 5_010, 0));
    }

    @Test
    void anOrderThatFilledOrWasCancelledBeforeItsTimeDoesNotExpireLater() {
        x.richTraders();
        x.given(x.gtd(x.sell(1, ALICE, 5, 1_000), 2_000), x.buy(2, BOB, 5, 1_000),
                x.gtd(x.sell(3, ALICE, 5, 1_000), 2_000), x.cancel(3, ALICE));

        assertThat(x.at(3_000).apply(x.expireOrders())).isEmpty();
    }

    @Test
    void anExpiryTimeThatHasAlreadyComeIsRejected() {
        x.fund(ALICE, BTC, 5);

        assertThat(x.apply(x.gtd(x.sell(1, ALICE, 5, 1_000), x.now())))
                .containsExactly("rejected: EXPIRE_TIME_IN_PAST");
        assertThat(x.apply(x.gtd(x.sell(1, ALICE, 5, 1_000), x.now() - 1)))
                .containsExactly("rejected: EXPIRE_TIME_IN_PAST");
        assertThat(x.book(SELL)).isEmpty();
    }
}
