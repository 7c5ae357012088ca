package io.orderbook.domain.book;

import io.orderbook.domain.book.BookListener.MakerRemoval;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.orderbook.domain.book.BookOrder.MARKET_BUY_PRICE;
import static io.orderbook.domain.book.BookOrder.MARKET_SELL_PRICE;
import static io.orderbook.domain.book.BookOrder.NEVER;
import static io.orderbook.domain.book.BookOrder.UNLIMITED;
import static io.orderbook.domain.model.SelfTradePrevention.EXPIRE_BOTH;
import static io.orderbook.domain.model.SelfTradePrevention.EXPIRE_MAKER;
import static io.orderbook.domain.model.SelfTradePrevention.EXPIRE_TAKER;
import static io.orderbook.domain.model.SelfTradePrevention.NONE;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The order book on its own: prices in ticks, quantities in lots, everything it does reported to a listener.
 * Lines read "trade LOTS @ PRICE: maker #ID (OPEN open), taker #ID (OPEN open)"; a maker whose open quantity
 * reached zero must already have left the book, which the recording listener checks. Every test ends with
 * {@link OrderBook#validate()}.
 */
class OrderBookTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;
    private static final long NOW = 1_000;

    private final List<String> events = new ArrayList<>();
    private OrderBook book = new OrderBook(1, new RecordingListener());

    private final class RecordingListener implements BookListener {
        @Override
        public void trade(BookOrder maker, BookOrder taker, long priceTicks, long lots) {
            assertThat(maker.isResting()).as("maker #%d rests iff it has lots open", maker.id())
                    .isEqualTo(maker.openLots() > 0);
            assertThat(book.order(maker.id()) != null).isEqualTo(maker.openLots() > 0);
            events.add("trade " + lots + " @ " + priceTicks + ": maker #" + maker.id() + " (" + maker.openLots()
                    + " open), taker #" + taker.id() + " (" + taker.openLots() + " open)");
        }

        @Override
        public void makerRemoved(BookOrder maker, MakerRemoval reason) {
            assertThat(maker.isResting()).isFalse();
            assertThat(book.order(maker.id())).isNull();
            events.add("removed #" + maker.id() + ": " + reason);
        }
    }

    @AfterEach
    void theBookIsStillValid() {
        book.validate();
    }

    private static BookOrder order(long id, long user, Side side, long price, long lots) {
        return new BookOrder(id, user, side, price, lots, UNLIMITED, NEVER, NONE);
    }

    private static BookOrder gtd(long id, long user, Side side, long price, long lots, long expireAt) {
        return new BookOrder(id, user, side, price, lots, UNLIMITED, expireAt, NONE);
    }

    private static BookOrder withStp(long id, long user, Side side, long price, long lots, SelfTradePrevention stp) {
        return new BookOrder(id, user, side, price, lots, UNLIMITED, NEVER, stp);
    }

    private void rest(BookOrder... orders) {
        for (BookOrder order : orders) {
            assertThat(book.place(order, true, NOW)).isEqualTo(TakerOutcome.RESTING);
        }
        events.clear();
    }

    private List<Long> queue(Side side) {
        List<Long> ids = new ArrayList<>();
        book.forEachOrder(side, order -> ids.add(order.id()));
        return ids;
    }

    @Nested
    class Resting {

        @Test
        void anOrderThatCannotTradeRestsSilently() {
            BookOrder bid = order(1, ALICE, BUY, 100, 10);

            assertThat(book.place(bid, true, NOW)).isEqualTo(TakerOutcome.RESTING);

            assertThat(events).isEmpty();
            assertThat(bid.isResting()).isTrue();
            assertThat(book.order(1)).isSameAs(bid);
            assertThat(book.orderCount()).isEqualTo(1);
            assertThat(book.bestPrice(BUY)).isEqualTo(100);
            assertThat(book.bestPrice(SELL)).isEqualTo(OrderBook.NO_PRICE);
        }

        @Test
        void anOrderThatMayNotRestAndCannotTradeIsUnfilledAndLeavesNoTrace() {
            rest(order(1, ALICE, SELL, 101, 10));

            assertThat(book.place(order(2, BOB, BUY, 100, 10), false, NOW)).isEqualTo(TakerOutcome.UNFILLED);

            assertThat(events).isEmpty();
            assertThat(book.order(2)).isNull();
            assertThat(book.orderCount()).isEqualTo(1);
        }

        @Test
        void wouldCrossIsTrueFromTheOppositeBestPriceOn() {
            assertThat(book.wouldCross(BUY, 1_000)).isFalse();
            rest(order(1, ALICE, SELL, 101, 10), order(2, ALICE, BUY, 99, 10));

            assertThat(book.wouldCross(BUY, 100)).isFalse();
            assertThat(book.wouldCross(BUY, 101)).isTrue();
            assertThat(book.wouldCross(SELL, 100)).isFalse();
            assertThat(book.wouldCross(SELL, 99)).isTrue();
        }
    }

    @Nested
    class PriceTimePriority {

        @Test
        void aTakerTradesTheBestPriceFirstThenTheOldestOrderWithinAPrice() {
            rest(order(1, ALICE, SELL, 101, 5), order(2, ALICE, SELL, 100, 5), order(3, BOB, SELL, 100, 5),
                    order(4, BOB, SELL, 102, 5));

            assertThat(book.place(order(5, BOB, BUY, 102, 17), true, NOW)).isEqualTo(TakerOutcome.FILLED);

            assertThat(events).containsExactly(
                    "trade 5 @ 100: maker #2 (0 open), taker #5 (12 open)",
                    "trade 5 @ 100: maker #3 (0 open), taker #5 (7 open)",
                    "trade 5 @ 101: maker #1 (0 open), taker #5 (2 open)",
                    "trade 2 @ 102: maker #4 (3 open), taker #5 (0 open)");
            assertThat(queue(SELL)).containsExactly(4L);
            assertThat(book.order(5)).isNull();
        }

        @Test
        void bidsArePrioritisedHighestFirst() {
            rest(order(1, ALICE, BUY, 99, 5), order(2, ALICE, BUY, 100, 5), order(3, BOB, BUY, 100, 5),
                    order(4, BOB, BUY, 98, 5));

            assertThat(queue(BUY)).containsExactly(2L, 3L, 1L, 4L);
            assertThat(book.place(order(5, BOB, SELL, MARKET_SELL_PRICE, 12), false, NOW))
                    .isEqualTo(TakerOutcome.FILLED);
            assertThat(events).containsExactly(
                    "trade 5 @ 100: maker #2 (0 open), taker #5 (7 open)",
                    "trade 5 @ 100: maker #3 (0 open), taker #5 (2 open)",
                    "trade 2 @ 99: maker #1 (3 open), taker #5 (0 open)");
        }

        @Test
        void tradesHappenAtTheMakersPriceWhicheverSideTakes() {
            rest(order(1, ALICE, SELL, 100, 5), order(2, ALICE, BUY, 90, 5));

            book.place(order(3, BOB, BUY, 105, 5), true, NOW);
            book.place(order(4, BOB, SELL, 80, 5), true, NOW);

            assertThat(events).containsExactly(
                    "trade 5 @ 100: maker #1 (0 open), taker #3 (0 open)",
                    "trade 5 @ 90: maker #2 (0 open), taker #4 (0 open)");
        }

        @Test
        void aPartlyFilledMakerKeepsItsPlaceAndRecordsItsFill() {
            BookOrder first = order(1, ALICE, SELL, 100, 10);
            rest(first, order(2, BOB, SELL, 100, 10));

            book.place(order(3, BOB, BUY, 100, 4), true, NOW);

            assertThat(queue(SELL)).containsExactly(1L, 2L);
            assertThat(first.openLots()).isEqualTo(6);
            assertThat(first.filledLots()).isEqualTo(4);
            assertThat(book.depth(SELL, 5)).containsExactly(new DepthLevel(100, 16, 2));
        }

        @Test
        void aTakerTradesUpToItsLimitAndRestsTheRest() {
            rest(order(1, ALICE, SELL, 100, 5), order(2, ALICE, SELL, 102, 5));
            BookOrder taker = order(3, BOB, BUY, 101, 8);

            assertThat(book.place(taker, true, NOW)).isEqualTo(TakerOutcome.RESTING);

            assertThat(events).containsExactly("trade 5 @ 100: maker #1 (0 open), taker #3 (3 open)");
            assertThat(taker.filledLots()).isEqualTo(5);
            assertThat(book.depth(BUY, 5)).containsExactly(new DepthLevel(101, 3, 1));
        }

        @Test
        void aTakerThatMayNotRestReportsWhatIsLeftUnfilled() {
            rest(order(1, ALICE, SELL, 100, 5));
            BookOrder taker = order(2, BOB, BUY, 100, 8);

            assertThat(book.place(taker, false, NOW)).isEqualTo(TakerOutcome.UNFILLED);

            assertThat(taker.openLots()).isEqualTo(3);
            assertThat(book.order(2)).isNull();
        }
    }

    @Nested
    class CancelReduceReplace {

        @Test
        void cancelRemovesTheOrderAndReturnsIt() {
            BookOrder second = order(2, BOB, SELL, 100, 5);
            rest(order(1, ALICE, SELL, 100, 5), second, order(3, ALICE, SELL, 100, 5));

            assertThat(book.cancel(2)).isSameAs(second);

            assertThat(second.isResting()).isFalse();
            assertThat(queue(SELL)).containsExactly(1L, 3L);
            assertThat(book.depth(SELL, 5)).containsExactly(new DepthLevel(100, 10, 2));
            assertThat(events).isEmpty();
        }

        @Test
        void cancelOfAnUnknownIdDoesNothing() {
            rest(order(1, ALICE, SELL, 100, 5));

            assertThat(book.cancel(7)).isNull();
            assertThat(book.cancel(1)).isNotNull();
            assertThat(book.cancel(1)).isNull();
            assertThat(book.orderCount()).isZero();
            assertThat(book.bestPrice(SELL)).isEqualTo(OrderBook.NO_PRICE);
        }

        @Test
        void reduceKeepsThePlaceInTheQueue() {
            BookOrder first = order(1, ALICE, SELL, 100, 10);
            rest(first, order(2, BOB, SELL, 100, 10));

            book.reduce(first, 3);

            assertThat(queue(SELL)).containsExactly(1L, 2L);
            assertThat(book.depth(SELL, 1)).containsExactly(new DepthLevel(100, 13, 2));
            book.place(order(3, BOB, BUY, 100, 3), true, NOW);
            assertThat(events).containsExactly("trade 3 @ 100: maker #1 (0 open), taker #3 (0 open)");
        }

        @Test
        void reduceNeedsARestingOrderAndASmallerPositiveQuantity() {
            BookOrder resting = order(1, ALICE, SELL, 100, 10);
            rest(resting);

            assertThatIllegalArgumentException().isThrownBy(() -> book.reduce(resting, 0));
            assertThatIllegalArgumentException().isThrownBy(() -> book.reduce(resting, 11));
            assertThatIllegalArgumentException().isThrownBy(() -> book.reduce(order(2, ALICE, SELL, 100, 10), 5));
            assertThat(resting.openLots()).isEqualTo(10);
        }

        @Test
        void replaceSendsTheOrderToTheBackEvenAtTheSamePrice() {
            BookOrder first = order(1, ALICE, SELL, 100, 10);
            rest(first, order(2, BOB, SELL, 100, 10));

            assertThat(book.replace(first, 100, 10, NOW)).isEqualTo(TakerOutcome.RESTING);

            assertThat(queue(SELL)).containsExactly(2L, 1L);
        }

        @Test
        void replaceToACrossingPriceTradesLikeANewOrder() {
            BookOrder ask = order(1, ALICE, SELL, 102, 10);
            rest(ask, order(2, BOB, BUY, 100, 4), order(3, BOB, BUY, 99, 4));

            assertThat(book.replace(ask, 100, 10, NOW)).isEqualTo(TakerOutcome.RESTING);

            assertThat(events).containsExactly("trade 4 @ 100: maker #2 (0 open), taker #1 (6 open)");
            assertThat(book.depth(SELL, 5)).containsExactly(new DepthLevel(100, 6, 1));
            assertThat(book.replace(ask, 99, 4, NOW)).isEqualTo(TakerOutcome.FILLED);
            assertThat(ask.isResting()).isFalse();
            assertThat(ask.filledLots()).isEqualTo(8);
        }

        @Test
        void replaceNeedsARestingOrderAndAPositiveQuantity() {
            BookOrder resting = order(1, ALICE, SELL, 100, 10);
            rest(resting);

            assertThatIllegalArgumentException().isThrownBy(() -> book.replace(resting, 100, 0, NOW));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> book.replace(order(2, ALICE, SELL, 100, 10), 100, 5, NOW));
            assertThat(queue(SELL)).containsExactly(1L);
        }
    }

    @Nested
    class Take {

        @Test
        void tradesAgainstTheChosenOrderAtItsPriceWhateverItsPlace() {
            rest(order(1, ALICE, SELL, 100, 5), order(2, ALICE, SELL, 101, 5));
            BookOrder taker = order(3, BOB, BUY, 101, 3);

            assertThat(book.take(taker, book.order(2), 3)).isEqualTo(3);

            assertThat(events).containsExactly("trade 3 @ 101: maker #2 (2 open), taker #3 (0 open)");
            assertThat(queue(SELL)).containsExactly(1L, 2L);
        }

        @Test
        void takesAtMostWhatIsOpen() {
            rest(order(1, ALICE, BUY, 100, 5));

            assertThat(book.take(order(2, BOB, SELL, 100, 9), book.order(1), 9)).isEqualTo(5);

            assertThat(events).containsExactly("trade 5 @ 100: maker #1 (0 open), taker #2 (4 open)");
            assertThat(book.orderCount()).isZero();
        }

        @Test
        void needsARestingOrderOfTheOtherSideAndAPositiveQuantity() {
            BookOrder ask = order(1, ALICE, SELL, 100, 5);
            rest(ask);

            assertThatIllegalArgumentException().isThrownBy(() -> book.take(order(2, BOB, SELL, 100, 5), ask, 5));
            assertThatIllegalArgumentException().isThrownBy(() -> book.take(order(2, BOB, BUY, 100, 5), ask, 0));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> book.take(order(2, BOB, BUY, 100, 5), order(3, ALICE, SELL, 100, 5), 5));
            assertThat(events).isEmpty();
        }
    }

    @Nested
    class Budget {

        @Test
        void aTakerWithABudgetStopsWhenTheNextLotCostsMoreThanIsLeft() {
            book = new OrderBook(3, new RecordingListener());
            rest(order(1, ALICE, SELL, 100, 1), order(2, ALICE, SELL, 101, 5));
            // A lot costs 300 at 100 ticks and 303 at 101: 1 000 buys one at 100 and two at 101, leaving 94.
            BookOrder taker = new BookOrder(3, BOB, BUY, MARKET_BUY_PRICE, Long.MAX_VALUE, 1_000, NEVER, NONE);

            assertThat(book.place(taker, false, NOW)).isEqualTo(TakerOutcome.UNFILLED);

            assertThat(events).containsExactly(
                    "trade 1 @ 100: maker #1 (0 open), taker #3 (" + (Long.MAX_VALUE - 1) + " open)",
                    "trade 2 @ 101: maker #2 (3 open), taker #3 (" + (Long.MAX_VALUE - 3) + " open)");
            assertThat(taker.budget()).isEqualTo(1_000 - 300 - 606);
            assertThat(taker.filledLots()).isEqualTo(3);
        }

        @Test
        void aBudgetTooSmallForOneLotTradesNothing() {
            rest(order(1, ALICE, SELL, 100, 5));
            BookOrder taker = new BookOrder(2, BOB, BUY, MARKET_BUY_PRICE, 5, 99, NEVER, NONE);

            assertThat(book.place(taker, false, NOW)).isEqualTo(TakerOutcome.UNFILLED);
            assertThat(events).isEmpty();
            assertThat(book.sweep(taker, NOW)).isEqualTo(new Sweep(0, 0));
        }
    }

    @Nested
    class GoodTillDate {

        @Test
        void aMakerWhoseTimeHasComeIsRemovedInsteadOfTraded() {
            rest(gtd(1, ALICE, SELL, 100, 5, NOW), order(2, ALICE, SELL, 100, 5));

            book.place(order(3, BOB, BUY, 100, 5), true, NOW);

            assertThat(events).containsExactly(
                    "removed #1: EXPIRED",
                    "trade 5 @ 100: maker #2 (0 open), taker #3 (0 open)");
        }

        @Test
        void aMakerJustBeforeItsTimeStillTrades() {
            rest(gtd(1, ALICE, SELL, 100, 5, NOW + 1));

            book.place(order(2, BOB, BUY, 100, 5), true, NOW);

            assertThat(events).containsExactly("trade 5 @ 100: maker #1 (0 open), taker #2 (0 open)");
        }

        @Test
        void expiredMakersAreRemovedEvenWhenNothingIsLeftToTrade() {
            rest(gtd(1, ALICE, SELL, 100, 5, NOW - 1), gtd(2, ALICE, SELL, 101, 5, NOW - 1));

            assertThat(book.place(order(3, BOB, BUY, 101, 5), true, NOW)).isEqualTo(TakerOutcome.RESTING);

            assertThat(events).containsExactly("removed #1: EXPIRED", "removed #2: EXPIRED");
            assertThat(book.depth(SELL, 5)).isEmpty();
            assertThat(book.depth(BUY, 5)).containsExactly(new DepthLevel(101, 5, 1));
        }
    }

    /** Alice's ask 5 @ 100 (#1) is ahead of Bob's 5 @ 100 (#2); Alice then buys 10 @ 100 (#3). */
    @Nested
    class SelfTradePreventionModes {

        private void bothOffer() {
            rest(order(1, ALICE, SELL, 100, 5), order(2, BOB, SELL, 100, 5));
        }

        @Test
        void noneTradesWithTheOwnOrder() {
            bothOffer();

            assertThat(book.place(withStp(3, ALICE, BUY, 100, 10, NONE), true, NOW)).isEqualTo(TakerOutcome.FILLED);
            assertThat(events).containsExactly(
                    "trade 5 @ 100: maker #1 (0 open), taker #3 (5 open)",
                    "trade 5 @ 100: maker #2 (0 open), taker #3 (0 open)");
        }

        @Test
        void expireTakerStopsTheTakerAndLeavesTheBook() {
            bothOffer();

            assertThat(book.place(withStp(3, ALICE, BUY, 100, 10, EXPIRE_TAKER), true, NOW))
                    .isEqualTo(TakerOutcome.SELF_TRADE);
            assertThat(events).isEmpty();
            assertThat(queue(SELL)).containsExactly(1L, 2L);
            assertThat(book.order(3)).isNull();
        }

        @Test
        void expireMakerRemovesTheOwnOrderAndGoesOn() {
            bothOffer();

            assertThat(book.place(withStp(3, ALICE, BUY, 100, 10, EXPIRE_MAKER), true, NOW))
                    .isEqualTo(TakerOutcome.RESTING);
            assertThat(events).containsExactly(
                    "removed #1: SELF_TRADE",
                    "trade 5 @ 100: maker #2 (0 open), taker #3 (5 open)");
            assertThat(queue(BUY)).containsExactly(3L);
        }

        @Test
        void expireBothRemovesTheOwnOrderAndStopsTheTaker() {
            bothOffer();

            assertThat(book.place(withStp(3, ALICE, BUY, 100, 10, EXPIRE_BOTH), true, NOW))
                    .isEqualTo(TakerOutcome.SELF_TRADE);
            assertThat(events).containsExactly("removed #1: SELF_TRADE");
            assertThat(queue(SELL)).containsExactly(2L);
            assertThat(book.order(3)).isNull();
        }

        @Test
        void ordersOfOtherUsersAreNeverAffected() {
            rest(order(1, BOB, SELL, 100, 5));

            assertThat(book.place(withStp(2, ALICE, BUY, 100, 5, EXPIRE_BOTH), true, NOW))
                    .isEqualTo(TakerOutcome.FILLED);
            assertThat(events).containsExactly("trade 5 @ 100: maker #1 (0 open), taker #2 (0 open)");
        }
    }

    /** The book every sweep scenario runs against: two users, three levels, an expired order, own orders. */
    private void sweepBook() {
        rest(order(1, BOB, SELL, 100, 3), gtd(2, BOB, SELL, 100, 4, NOW), order(3, ALICE, SELL, 100, 2),
                order(4, BOB, SELL, 101, 5), order(5, ALICE, SELL, 103, 1), order(6, BOB, SELL, 103, 6),
                order(7, BOB, BUY, 98, 5), order(8, ALICE, BUY, 97, 5), order(9, BOB, BUY, 97, 5));
    }

    @ParameterizedTest
    @EnumSource(SweepScenario.class)
    void sweepPredictsExactlyWhatMatchingThenTrades(SweepScenario scenario) {
        List<long[]> trades = new ArrayList<>();
        book = new OrderBook(7, new BookListener() {
            @Override
            public void trade(BookOrder maker, BookOrder taker, long priceTicks, long lots) {
                trades.add(new long[] {priceTicks, lots});
            }

            @Override
            public void makerRemoved(BookOrder maker, MakerRemoval reason) {
            }
        });
        sweepBook();
        BookOrder taker = scenario.taker.get();

        Sweep predicted = book.sweep(taker, NOW);
        book.place(taker, false, NOW);

        long lots = trades.stream().mapToLong(trade -> trade[1]).sum();
        long notional = trades.stream().mapToLong(trade -> trade[0] * trade[1] * 7).sum();
        assertThat(predicted).isEqualTo(new Sweep(lots, notional));
        assertThat(lots).as("lots the scenario trades").isEqualTo(scenario.expectedLots);
    }

    enum SweepScenario {
        LIMIT_BUY_WITHIN_ONE_LEVEL(() -> order(20, CAROL, BUY, 100, 4), 4),
        LIMIT_BUY_STOPS_AT_ITS_PRICE(() -> order(20, CAROL, BUY, 101, 50), 10),
        MARKET_BUY_SWEEPS_EVERYTHING(() -> order(20, CAROL, BUY, MARKET_BUY_PRICE, 50), 17),
        MARKET_SELL_PART_OF_THE_BIDS(() -> order(20, CAROL, SELL, MARKET_SELL_PRICE, 12), 12),
        BUDGET_ENDS_INSIDE_A_LEVEL(() -> new BookOrder(20, CAROL, BUY, MARKET_BUY_PRICE, Long.MAX_VALUE,
                7 * (5 * 100 + 2 * 101) + 5, NEVER, NONE), 7),
        OWN_ORDERS_WITH_NONE(() -> withStp(20, ALICE, BUY, 103, 50, NONE), 17),
        OWN_ORDER_WITH_EXPIRE_TAKER(() -> withStp(20, ALICE, BUY, 103, 50, EXPIRE_TAKER), 3),
        OWN_ORDERS_WITH_EXPIRE_MAKER(() -> withStp(20, ALICE, BUY, 103, 50, EXPIRE_MAKER), 14),
        OWN_ORDER_WITH_EXPIRE_BOTH(() -> withStp(20, ALICE, BUY, 103, 50, EXPIRE_BOTH), 3),
        OWN_BID_WITH_EXPIRE_MAKER(() -> withStp(20, ALICE, SELL, 97, 50, EXPIRE_MAKER), 10);

        private final Supplier<BookOrder> taker;
        private final long expectedLots;

        SweepScenario(Supplier<BookOrder> taker, long expectedLots) {
            this.taker = taker;
            this.expectedLots = expectedLots;
        }
    }

    @Test
    void sweepCanLeaveOutOneRestingOrder() {
        sweepBook();
        BookOrder taker = order(20, CAROL, BUY, 100, 50);

        assertThat(book.sweep(taker, NOW)).isEqualTo(new Sweep(5, 500));
        assertThat(book.sweep(taker, NOW, book.order(1))).isEqualTo(new Sweep(2, 200));
        assertThat(book.orderCount()).isEqualTo(9);
    }

    @Nested
    class Depth {

        @Test
        void aggregatesEachPriceBestFirstUpToTheRequestedLevels() {
            rest(order(1, ALICE, BUY, 99, 5), order(2, BOB, BUY, 100, 3), order(3, ALICE, BUY, 100, 4),
                    order(4, BOB, BUY, 97, 1), order(5, ALICE, SELL, 102, 2));

            assertThat(book.depth(BUY, 10)).containsExactly(
                    new DepthLevel(100, 7, 2), new DepthLevel(99, 5, 1), new DepthLevel(97, 1, 1));
            assertThat(book.depth(BUY, 2)).containsExactly(new DepthLevel(100, 7, 2), new DepthLevel(99, 5, 1));
            assertThat(book.depth(SELL, 10)).containsExactly(new DepthLevel(102, 2, 1));
            assertThat(book.depth(BUY, 0)).isEmpty();
        }

        @Test
        void manyLevelsOnBothSidesStayOrderedAsTheyComeAndGo() {
            for (int i = 0; i < 300; i++) {
                // Insert prices out of order so levels go in at the bottom, the middle and the top.
                long offset = (i * 37L) % 300;
                rest(order(1_000 + i, ALICE, BUY, 1_000 - offset, 1), order(2_000 + i, ALICE, SELL, 1_001 + offset, 1));
            }
            book.validate();
            assertThat(book.depth(BUY, 1)).containsExactly(new DepthLevel(1_000, 1, 1));
            assertThat(book.depth(SELL, 300)).hasSize(300).last().isEqualTo(new DepthLevel(1_300, 1, 1));

            assertThat(book.place(order(9, BOB, SELL, 851, 150), false, NOW)).isEqualTo(TakerOutcome.FILLED);
            assertThat(book.cancel(2_000 + 5)).isNotNull();
            rest(order(10, BOB, BUY, 800, 2));
            book.validate();
            assertThat(book.bestPrice(BUY)).isEqualTo(1_000 - 150);
            assertThat(book.depth(BUY, 300)).hasSize(150);
            assertThat(book.depth(SELL, 300)).hasSize(299);
        }
    }

    @Nested
    class Validate {

        @Test
        void passesOnAnEmptyBookAndAfterMatching() {
            book.validate();
            sweepBook();
            book.validate();
            book.place(order(20, CAROL, BUY, MARKET_BUY_PRICE, 50), false, NOW);
            book.validate();
        }

        @Test
        void reportsACrossedBook() {
            // restore() rests without matching, so it can cross the book.
            book.restore(order(1, ALICE, BUY, 101, 5));
            book.restore(order(2, BOB, SELL, 100, 5));

            assertThatIllegalStateException().isThrownBy(book::validate).withMessageContaining("crossed");
            book.cancel(2);
        }

        @Test
        void restoreRestsWithoutMatchingAndRefusesADuplicateId() {
            book.restore(order(1, ALICE, SELL, 100, 5));
            book.restore(order(2, BOB, SELL, 100, 5));

            assertThat(queue(SELL)).containsExactly(1L, 2L);
            assertThatIllegalArgumentException().isThrownBy(() -> book.restore(order(1, BOB, SELL, 100, 5)));
            assertThatIllegalArgumentException().isThrownBy(() -> book.restore(order(3, BOB, SELL, 100, 0)));
        }
    }
}
