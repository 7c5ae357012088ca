package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.PlaceOrder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.BTC_USD;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.ETH_USD;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** LIMIT orders with each time in force (GTD has its own class). */
class LimitOrderTest extends EngineTest {

    @Nested
    class GoodTillCancelled {

        @Test
        void aSellRestsAndLocksTheBaseItOffers() {
            x.fund(ALICE, BTC, 10);

            assertThat(x.apply(x.sell(1, ALICE, 10, 1_000))).containsExactly("accepted #1: SELL LIMIT GTC 10 @ 1000");

            assertThat(x.book(SELL)).containsExactly("10 @ 1000 (1)");
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(0, 10));
        }

        @Test
        void aBuyRestsAndLocksItsValueAtItsLimitPlusTheHigherOfTheTwoFees() {
            x.fund(BOB, USD, 20_000);

            assertThat(x.apply(x.buy(1, BOB, 10, 1_000))).containsExactly("accepted #1: BUY LIMIT GTC 10 @ 1000");

            // 10 × 1 000 = 10 000, plus the taker rate (0.2%, the higher one) = 20.
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(9_980, 10_020));
            assertThat(x.book(BUY)).containsExactly("10 @ 1000 (1)");
        }

        @Test
        void aCrossingOrderTradesAtTheRestingOrdersPriceAndSettlesBothSides() {
            x.fund(ALICE, BTC, 10).fund(BOB, USD, 20_000);
            x.given(x.sell(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.buy(2, BOB, 5, 1_100))).containsExactly(
                    "accepted #2: BUY LIMIT GTC 5 @ 1100",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                    "partially filled #1: 5 filled, 5 open",
                    "filled #2: 5");

            assertThat(x.funds(BOB, USD)).isEqualTo(funds(20_000 - 5_010, 0));
            assertThat(x.funds(BOB, BTC)).isEqualTo(funds(5, 0));
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(0, 5));
            assertThat(x.funds(ALICE, USD)).isEqualTo(funds(4_995, 0));
            assertThat(x.feeAccount(USD)).isEqualTo(15);
            assertThat(x.book(SELL)).containsExactly("5 @ 1000 (1)");
            assertThat(x.book(BUY)).isEmpty();
        }

        @Test
        void aSellCrossingRestingBuysTradesAtTheirPrices() {
            x.fund(ALICE, USD, 20_000).fund(BOB, BTC, 10);
            x.given(x.buy(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.sell(2, BOB, 10, 900))).containsExactly(
                    "accepted #2: SELL LIMIT GTC 10 @ 900",
                    "trade 1: 10 @ 1000 = 10000, maker #1 fee 10, taker #2 SELL fee 20",
                    "filled #1: 10",
                    "filled #2: 10");

            assertThat(x.funds(BOB, USD)).isEqualTo(funds(9_980, 0));
            // Alice reserved 10 020 (taker rate) but paid the maker rate: the 10 left over is released.
            assertThat(x.funds(ALICE, USD)).isEqualTo(funds(20_000 - 10_010, 0));
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(10, 0));
        }

        @Test
        void theBestPriceTradesFirstWhateverTheOrderOfArrival() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_010), x.sell(2, BOB, 5, 1_000));

            assertThat(x.apply(x.buy(3, CAROL, 10, 1_010))).containsExactly(
                    "accepted #3: BUY LIMIT GTC 10 @ 1010",
                    "trade 1: 5 @ 1000 = 5000, maker #2 fee 5, taker #3 BUY fee 10",
                    "filled #2: 5",
                    "trade 2: 5 @ 1010 = 5050, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "filled #3: 10");
        }

        @Test
        void withinAPriceTheOldestOrderTradesFirst() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_000), x.sell(3, ALICE, 5, 1_000));

            assertThat(x.apply(x.buy(4, CAROL, 5, 1_000))).containsExactly(
                    "accepted #4: BUY LIMIT GTC 5 @ 1000",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #4 BUY fee 10",
                    "filled #1: 5",
                    "filled #4: 5");
            assertThat(x.queue(SELL)).containsExactly(2L, 3L);
        }

        @Test
        void anOrderStopsAtItsLimitAndRestsWhatIsLeftHoldingFundsForItOnly() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_020));

            assertThat(x.apply(x.buy(3, CAROL, 15, 1_010))).containsExactly(
                    "accepted #3: BUY LIMIT GTC 15 @ 1010",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "partially filled #3: 5 filled, 10 open");

            assertThat(x.book(BUY)).containsExactly("10 @ 1010 (1)");
            assertThat(x.book(SELL)).containsExactly("5 @ 1020 (1)");
            // Reserved 15 150 + 30; spent 5 010; the 10 open at 1 010 need 10 100 + 20; the rest stays reserved.
            assertThat(x.funds(CAROL, USD).locked()).isEqualTo(15_180 - 5_010);
            assertThat(x.openOrder(3).reserved()).isEqualTo(15_180 - 5_010);
        }

        @Test
        void aBuyCannotReserveMoreThanIsAvailable() {
            x.fund(BOB, USD, 10_019);

            assertThat(x.apply(x.buy(1, BOB, 10, 1_000))).containsExactly("rejected: INSUFFICIENT_FUNDS");

            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_019, 0));
            assertThat(x.book(BUY)).isEmpty();
        }

        @Test
        void aSellCannotOfferMoreThanIsAvailable() {
            x.fund(ALICE, BTC, 10).given(x.sell(1, ALICE, 5, 1_000));

            assertThat(x.apply(x.sell(2, ALICE, 10, 1_000))).containsExactly("rejected: INSUFFICIENT_FUNDS");
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(5, 5));
        }
    }

    @Nested
    class ImmediateOrCancel {

        @Test
        void fillsWhatItCanAndExpiresTheRest() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, ALICE, 5, 1_020));

            assertThat(x.apply(x.ioc(x.buy(3, BOB, 10, 1_010)))).containsExactly(
                    "accepted #3: BUY LIMIT IOC 10 @ 1010",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "expired #3 (NOT_FILLED): 5 filled, 5 open");

            assertThat(x.book(BUY)).isEmpty();
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 5_010, 0));
        }

        @Test
        void thatCannotTradeIsAcceptedAndExpiresReleasingItsFunds() {
            x.fund(ALICE, BTC, 10);

            assertThat(x.apply(x.ioc(x.sell(1, ALICE, 10, 1_000)))).containsExactly(
                    "accepted #1: SELL LIMIT IOC 10 @ 1000",
                    "expired #1 (NOT_FILLED): 0 filled, 10 open");

            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(10, 0));
            assertThat(x.book(SELL)).isEmpty();
        }

        @Test
        void thatFillsCompletelyIsFilled() {
            x.richTraders();
            x.given(x.buy(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.ioc(x.sell(2, BOB, 10, 1_000)))).containsExactly(
                    "accepted #2: SELL LIMIT IOC 10 @ 1000",
                    "trade 1: 10 @ 1000 = 10000, maker #1 fee 10, taker #2 SELL fee 20",
                    "filled #1: 10",
                    "filled #2: 10");
        }
    }

    @Nested
    class FillOrKill {

        @Test
        void fillsCompletelyAcrossLevelsWithinItsLimit() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_010));

            assertThat(x.apply(x.fok(x.buy(3, CAROL, 10, 1_010)))).containsExactly(
                    "accepted #3: BUY LIMIT FOK 10 @ 1010",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "trade 2: 5 @ 1010 = 5050, maker #2 fee 5, taker #3 BUY fee 10",
                    "filled #2: 5",
                    "filled #3: 10");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(10_000_000 - 10_070, 0));
        }

        @Test
        void thatCannotFillCompletelyWithinItsLimitIsRejectedWithoutTrading() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_020));

            assertThat(x.apply(x.fok(x.buy(3, CAROL, 10, 1_010)))).containsExactly("rejected: FOK_NOT_FILLABLE");

            assertThat(x.book(SELL)).containsExactly("5 @ 1000 (1)", "5 @ 1020 (1)");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(10_000_000, 0));
        }

        @Test
        void aSellIsRejectedWhenTheBidsAreTooThin() {
            x.richTraders();
            x.given(x.buy(1, ALICE, 5, 1_000));

            assertThat(x.apply(x.fok(x.sell(2, BOB, 10, 1_000)))).containsExactly("rejected: FOK_NOT_FILLABLE");
            assertThat(x.apply(x.fok(x.sell(2, BOB, 5, 1_000)))).containsExactly(
                    "accepted #2: SELL LIMIT FOK 5 @ 1000",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 SELL fee 10",
                    "filled #1: 5",
                    "filled #2: 5");
        }
    }

    @Nested
    class Cancel {

        @Test
        void releasesTheWholeReservationOfAnUntradedOrder() {
            x.fund(BOB, USD, 10_020).given(x.buy(1, BOB, 10, 1_000));

            assertThat(x.apply(x.cancel(1, BOB))).containsExactly("cancelled #1 (USER): 0 filled, 10 open");

            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_020, 0));
            assertThat(x.book(BUY)).isEmpty();
            assertThat(x.engine().openOrderCount()).isZero();
        }

        @Test
        void releasesWhatAPartlyFilledOrderStillHolds() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 5, 1_000));

            assertThat(x.apply(x.cancel(1, ALICE))).containsExactly("cancelled #1 (USER): 5 filled, 5 open");

            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(995, 0));
        }

        @Test
        void ofAnUnknownOrAnotherUsersOrAFinishedOrderIsRejected() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.cancel(9, ALICE))).containsExactly("rejected: UNKNOWN_ORDER");
            assertThat(x.apply(x.cancel(1, BOB))).containsExactly("rejected: UNKNOWN_ORDER");
            x.given(x.cancel(1, ALICE));
            assertThat(x.apply(x.cancel(1, ALICE))).containsExactly("rejected: UNKNOWN_ORDER");
        }

        @Test
        void ofTheUsersFilledOrderIsRejectedAsNotOpenAndOfAnotherUsersAsUnknown() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000));

            assertThat(x.apply(x.cancel(1, ALICE))).containsExactly("rejected: ORDER_NOT_OPEN");
            assertThat(x.apply(x.cancel(2, BOB))).containsExactly("rejected: ORDER_NOT_OPEN");
            assertThat(x.apply(x.cancel(1, BOB))).containsExactly("rejected: UNKNOWN_ORDER");
        }

        @Test
        void leavesTheOtherOrdersOfTheLevelInTheirOrder() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_000), x.sell(3, CAROL, 5, 1_000));

            x.given(x.cancel(2, BOB));

            assertThat(x.queue(SELL)).containsExactly(1L, 3L);
            assertThat(x.book(SELL)).containsExactly("10 @ 1000 (2)");
        }

        @Test
        void theOpenOrdersOfAUserInAMarketAreWhatACancelAllCancels() {
            x.richTraders();
            x.given(x.sell(4, ALICE, 5, 1_010), x.buy(1, ALICE, 5, 990), x.sell(2, ALICE, 5, 1_000),
                    x.sell(3, BOB, 5, 1_000), PlaceOrder.limit(x.now(), 5, ALICE, ETH_USD, SELL, 2_000, 1_500),
                    x.sell(6, ALICE, 5, 1_020));
            // Carol's buy fills Alice's #2, and Alice cancels #6: neither is open any more.
            x.given(x.buy(7, CAROL, 5, 1_000), x.cancel(6, ALICE));

            assertThat(x.engine().openOrderIds(ALICE, BTC_USD)).containsExactly(1L, 4L);
            assertThat(x.engine().openOrderIds(ALICE, ETH_USD)).containsExactly(5L);
            assertThat(x.engine().openOrderIds(CAROL, BTC_USD)).isEmpty();
        }
    }
}
