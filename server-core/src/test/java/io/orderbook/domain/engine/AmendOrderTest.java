package io.orderbook.domain.engine;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
 * Amend changes a resting order's price and total quantity (the filled part included). A lower quantity at
 * the same price keeps the order's place in its queue; any other change sends it to the back, and a new
 * price may trade at once.
 */
class AmendOrderTest extends EngineTest {

    @Nested
    class Priority {

        @Test
        void aLowerQuantityAtTheSamePriceKeepsThePlaceAndReleasesTheDifference() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.sell(2, BOB, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 5, 1_000)))
                    .containsExactly("amended #1: 5 @ 1000, 5 open, priority kept");

            assertThat(x.queue(SELL)).containsExactly(1L, 2L);
            assertThat(x.book(SELL)).containsExactly("15 @ 1000 (2)");
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(995, 5));
            assertThat(x.apply(x.buy(3, CAROL, 5, 1_000))).containsExactly(
                    "accepted #3: BUY LIMIT GTC 5 @ 1000",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "filled #3: 5");
        }

        @Test
        void theSameQuantityAtTheSamePriceChangesNothing() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.sell(2, BOB, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 10, 1_000)))
                    .containsExactly("amended #1: 10 @ 1000, 10 open, priority kept");
            assertThat(x.queue(SELL)).containsExactly(1L, 2L);
        }

        @Test
        void aHigherQuantityLosesThePlaceAndReservesMore() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.sell(2, BOB, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 15, 1_000)))
                    .containsExactly("amended #1: 15 @ 1000, 15 open, priority lost");

            assertThat(x.queue(SELL)).containsExactly(2L, 1L);
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(985, 15));
        }

        @Test
        void aNewPriceLosesThePlaceEvenWhenItComesBack() {
            x.richTraders();
            x.given(x.buy(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 10, 990)))
                    .containsExactly("amended #1: 10 @ 990, 10 open, priority lost");
            assertThat(x.book(BUY)).containsExactly("10 @ 1000 (1)", "10 @ 990 (1)");
            assertThat(x.apply(x.amend(1, ALICE, 5, 1_000)))
                    .containsExactly("amended #1: 5 @ 1000, 5 open, priority lost");
            assertThat(x.queue(BUY)).containsExactly(2L, 1L);
        }
    }

    @Nested
    class Trading {

        @Test
        void aSellMovedOntoTheBidsTradesAsATakerAndRestsTheRest() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_010), x.buy(2, BOB, 5, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 10, 1_000))).containsExactly(
                    "amended #1: 10 @ 1000, 10 open, priority lost",
                    "trade 1: 5 @ 1000 = 5000, maker #2 fee 5, taker #1 SELL fee 10",
                    "filled #2: 5",
                    "partially filled #1: 5 filled, 5 open");
            assertThat(x.book(SELL)).containsExactly("5 @ 1000 (1)");
            assertThat(x.book(BUY)).isEmpty();
        }

        @Test
        void aBuyMovedAboveTheAskTradesAtTheAskAndKeepsOnlyWhatItSpent() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 5, 990));

            assertThat(x.apply(x.amend(2, BOB, 5, 1_010))).containsExactly(
                    "amended #2: 5 @ 1010, 5 open, priority lost",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                    "partially filled #1: 5 filled, 5 open",
                    "filled #2: 5");
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 5_010, 0));
        }

        @Test
        void movingAPartlyFilledOrderWithoutTradingReportsOnlyTheAmendment() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 5, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 10, 1_010)))
                    .containsExactly("amended #1: 10 @ 1010, 5 open, priority lost");
            assertThat(x.apply(x.amend(1, ALICE, 15, 1_010)))
                    .containsExactly("amended #1: 15 @ 1010, 10 open, priority lost");
        }
    }

    @Nested
    class Reservations {

        @Test
        void aHigherBuyPriceReservesMoreAndIsRefusedWithoutTheFunds() {
            x.fund(BOB, USD, 10_020).given(x.buy(1, BOB, 10, 1_000));

            // 10 × 1 010 + 0.2% = 10 120, but Bob has only 10 020.
            assertThat(x.apply(x.amend(1, BOB, 10, 1_010))).containsExactly("rejected: INSUFFICIENT_FUNDS");
            assertThat(x.openOrder(1).price()).isEqualTo(1_000);

            assertThat(x.apply(x.amend(1, BOB, 10, 990)))
                    .containsExactly("amended #1: 10 @ 990, 10 open, priority lost");
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_020 - 9_919, 9_919));

            x.fund(BOB, USD, 100);
            assertThat(x.apply(x.amend(1, BOB, 10, 1_010)))
                    .containsExactly("amended #1: 10 @ 1010, 10 open, priority lost");
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(0, 10_120));
        }

        @Test
        void aHigherSellQuantityNeedsTheBase() {
            x.fund(ALICE, BTC, 10).given(x.sell(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 15, 1_000))).containsExactly("rejected: INSUFFICIENT_FUNDS");
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(0, 10));
        }

        @Test
        void aLowerQuantityOfABuyReleasesItsValueAndFee() {
            x.fund(BOB, USD, 10_020).given(x.buy(1, BOB, 10, 1_000));

            x.given(x.amend(1, BOB, 5, 1_000));

            assertThat(x.funds(BOB, USD)).isEqualTo(funds(5_010, 5_010));
        }
    }

    @Nested
    class AfterPartialFills {

        @Test
        void theNewQuantityIncludesWhatHasFilled() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 20, 1_000), x.buy(2, BOB, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 15, 1_000)))
                    .containsExactly("amended #1: 15 @ 1000, 5 open, priority kept");
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(985, 5));
            assertThat(x.apply(x.amend(1, ALICE, 25, 1_000)))
                    .containsExactly("amended #1: 25 @ 1000, 15 open, priority lost");
            assertThat(x.openOrder(1).filledQuantity()).isEqualTo(10);
        }

        @Test
        void aQuantityAtOrBelowWhatHasFilledIsRefused() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 20, 1_000), x.buy(2, BOB, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 10, 1_000))).containsExactly("rejected: INVALID_QUANTITY");
            assertThat(x.apply(x.amend(1, ALICE, 5, 1_000))).containsExactly("rejected: INVALID_QUANTITY");
            assertThat(x.openOrder(1).openQuantity()).isEqualTo(10);
        }
    }

    @Nested
    class PostOnly {

        @Test
        void aNewPriceThatWouldTakeIsRefused() {
            x.richTraders();
            x.given(x.limitMaker(1, ALICE, SELL, 5, 1_010), x.buy(2, BOB, 5, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 5, 1_000))).containsExactly("rejected: POST_ONLY_WOULD_TAKE");
            assertThat(x.apply(x.amend(1, ALICE, 5, 990))).containsExactly("rejected: POST_ONLY_WOULD_TAKE");
            assertThat(x.openOrder(1).price()).isEqualTo(1_010);
        }

        @Test
        void aNewPriceOrQuantityThatDoesNotTakeIsAccepted() {
            x.richTraders();
            x.given(x.limitMaker(1, ALICE, SELL, 5, 1_010), x.buy(2, BOB, 5, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 10, 1_010)))
                    .containsExactly("amended #1: 10 @ 1010, 10 open, priority lost");
            assertThat(x.apply(x.amend(1, ALICE, 10, 1_020)))
                    .containsExactly("amended #1: 10 @ 1020, 10 open, priority lost");
        }
    }

    @Nested
    class Refusals {

        @Test
        void onlyTheOwnerCanAmendAnOpenOrder() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.amend(1, BOB, 5, 1_000))).containsExactly("rejected: UNKNOWN_ORDER");
            assertThat(x.apply(x.amend(7, ALICE, 5, 1_000))).containsExactly("rejected: UNKNOWN_ORDER");
            x.given(x.cancel(1, ALICE));
            assertThat(x.apply(x.amend(1, ALICE, 5, 1_000))).containsExactly("rejected: UNKNOWN_ORDER");
        }

        @Test
        void aFilledOrderIsRejectedAsNotOpenToItsOwnerAndAsUnknownToOthers() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 20, 1_000))).containsExactly("rejected: ORDER_NOT_OPEN");
            assertThat(x.apply(x.amend(1, BOB, 20, 1_000))).containsExactly("rejected: UNKNOWN_ORDER");
        }

        @Test
        void theNewPriceAndQuantityFollowTheMarketsRules() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.amend(1, ALICE, 10, 0))).containsExactly("rejected: INVALID_PRICE");
            assertThat(x.apply(x.amend(1, ALICE, 10, 1_005))).containsExactly("rejected: PRICE_NOT_TICK_MULTIPLE");
            assertThat(x.apply(x.amend(1, ALICE, 0, 1_000))).containsExactly("rejected: INVALID_QUANTITY");
            assertThat(x.apply(x.amend(1, ALICE, 12, 1_000))).containsExactly("rejected: QUANTITY_NOT_LOT_MULTIPLE");
            assertThat(x.apply(x.amend(1, ALICE, 5, 190))).containsExactly("rejected: BELOW_MIN_NOTIONAL");
            assertThat(x.apply(x.amend(1, ALICE, 5, 200)))
                    .containsExactly("amended #1: 5 @ 200, 5 open, priority lost");
        }

        @Test
        void aGoodTillDateOrderKeepsItsExpiry() {
            x.richTraders();
            x.given(x.gtd(x.sell(1, ALICE, 10, 1_000), 2_000), x.amend(1, ALICE, 15, 1_010));

            assertThat(x.at(2_000).apply(x.expireOrders())).containsExactly("expired #1 (TIME): 0 filled, 15 open");
        }
    }
}
