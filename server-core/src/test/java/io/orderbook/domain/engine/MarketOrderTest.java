package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.TimeInForce;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.BTC_USD;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** MARKET orders, sized by base quantity or (buys only) by the quote amount to spend. */
class MarketOrderTest extends EngineTest {

    @Nested
    class SizedByBaseQuantity {

        @Test
        void aSellSweepsTheBidsBestFirstAndExpiresWhatTheBookCannotTake() {
            x.fund(ALICE, USD, 100_000).fund(BOB, USD, 100_000).fund(CAROL, BTC, 15);
            x.given(x.buy(1, ALICE, 5, 1_000), x.buy(2, BOB, 5, 990));

            assertThat(x.apply(x.market(3, CAROL, SELL, 15))).containsExactly(
                    "accepted #3: SELL MARKET IOC 15",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 SELL fee 10",
                    "filled #1: 5",
                    "trade 2: 5 @ 990 = 4950, maker #2 fee 4, taker #3 SELL fee 9",
                    "filled #2: 5",
                    "expired #3 (NOT_FILLED): 10 filled, 5 open");

            assertThat(x.funds(CAROL, BTC)).isEqualTo(funds(5, 0));
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(4_990 + 4_941, 0));
        }

        @Test
        void aBuyReservesWhatTheBookOffersPlusTheTakerFeeAndNotACentMore() {
            x.fund(ALICE, BTC, 5).fund(BOB, BTC, 5).fund(CAROL, USD, 10_069);
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_010));

            // 5 × 1 000 + 5 × 1 010 = 10 050, plus 0.2% = 20: one dollar short.
            assertThat(x.apply(x.market(3, CAROL, BUY, 10))).containsExactly("rejected: INSUFFICIENT_FUNDS");

            x.fund(CAROL, USD, 1);
            assertThat(x.apply(x.market(3, CAROL, BUY, 10))).containsExactly(
                    "accepted #3: BUY MARKET IOC 10",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "trade 2: 5 @ 1010 = 5050, maker #2 fee 5, taker #3 BUY fee 10",
                    "filled #2: 5",
                    "filled #3: 10");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(0, 0));
            assertThat(x.funds(CAROL, BTC)).isEqualTo(funds(10, 0));
        }

        @Test
        void aBuyLargerThanTheBookReservesOnlyWhatIsOfferedAndExpiresTheRest() {
            x.fund(ALICE, BTC, 5).fund(CAROL, USD, 5_010);
            x.given(x.sell(1, ALICE, 5, 1_000));

            assertThat(x.apply(x.market(2, CAROL, BUY, 50))).containsExactly(
                    "accepted #2: BUY MARKET IOC 50",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                    "filled #1: 5",
                    "expired #2 (NOT_FILLED): 5 filled, 45 open");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(0, 0));
        }

        @Test
        void findsNoLiquidityInAnEmptyBook() {
            x.richTraders();
            x.given(x.buy(1, ALICE, 5, 1_000));

            assertThat(x.apply(x.market(2, BOB, BUY, 5))).containsExactly("rejected: NO_LIQUIDITY");
            x.given(x.cancel(1, ALICE));
            assertThat(x.apply(x.market(2, BOB, SELL, 5))).containsExactly("rejected: NO_LIQUIDITY");
        }

        @Test
        void fillOrKillFillsCompletelyOrIsRejected() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, ALICE, 5, 2_000));

            assertThat(x.apply(x.fok(x.market(3, BOB, BUY, 15)))).containsExactly("rejected: FOK_NOT_FILLABLE");
            assertThat(x.apply(x.fok(x.market(3, BOB, BUY, 10)))).containsExactly(
                    "accepted #3: BUY MARKET FOK 10",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "trade 2: 5 @ 2000 = 10000, maker #2 fee 10, taker #3 BUY fee 20",
                    "filled #2: 5",
                    "filled #3: 10");
        }

        @Test
        void aBuyWhoseCostExceedsTheLargestAmountIsRefusedRatherThanOverflowing() {
            // One base unit per lot and one quote unit per tick, so that offers can be priced at the largest notional.
            int big = 9;
            int bigUsd = 3;
            x = TestExchange.withMarkets(new Market(bigUsd, "BIG-USD", big, USD, 0, 1, 1, 0, 0, 1_000,
                    SelfTradePrevention.NONE));
            x.fund(ALICE, big, 4).fund(BOB, USD, 1_000);
            for (int id = 1; id <= 4; id++) {
                x.given(PlaceOrder.limit(x.now(), id, ALICE, bigUsd, SELL, MatchingEngine.MAX_NOTIONAL, 1));
            }

            // Four offers are worth nearly Long.MAX_VALUE; with the taker fee the reservation would overflow.
            assertThat(x.apply(PlaceOrder.market(x.now(), 5, BOB, bigUsd, BUY, 4)))
                    .containsExactly("rejected: AMOUNT_TOO_LARGE");
            assertThat(x.apply(PlaceOrder.market(x.now(), 5, BOB, bigUsd, BUY, 1)))
                    .containsExactly("rejected: INSUFFICIENT_FUNDS");
        }

        @Test
        void cannotRestSoOnlyImmediateTimesInForceAreAllowed() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000));

            assertThat(x.apply(x.market(2, BOB, BUY, 5).withTimeInForce(TimeInForce.GTC, 0)))
                    .containsExactly("rejected: INVALID_TIME_IN_FORCE");
            assertThat(x.apply(x.gtd(x.market(2, BOB, BUY, 5), 9_000)))
                    .containsExactly("rejected: INVALID_TIME_IN_FORCE");
        }
    }

    @Nested
    class BuyingForAQuoteAmount {

        @Test
        void spendsTheAmountOnWholeLotsAndIsFilledWhenTheAmountRunsOut() {
            x.fund(ALICE, BTC, 5).fund(BOB, BTC, 5).fund(CAROL, USD, 7_000);
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_010));

            assertThat(x.apply(x.marketBuyFor(3, CAROL, 7_000))).containsExactly(
                    "accepted #3: BUY MARKET IOC 0, for 7000",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "filled #3: 5");

            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(1_990, 0));
            assertThat(x.funds(CAROL, BTC)).isEqualTo(funds(5, 0));
        }

        @Test
        void anAmountThatCoversTheFeesExactlyBuysEveryLotItPaysFor() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(2, BOB, 5, 1_010), x.sell(4, BOB, 5, 1_020));
            x.given(x.withdraw(CAROL, USD, 10_000_000 - 10_070));

            assertThat(x.apply(x.marketBuyFor(3, CAROL, 10_070))).containsExactly(
                    "accepted #3: BUY MARKET IOC 0, for 10070",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #3 BUY fee 10",
                    "filled #1: 5",
                    "trade 2: 5 @ 1010 = 5050, maker #2 fee 5, taker #3 BUY fee 10",
                    "filled #2: 5",
                    "filled #3: 10");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(0, 0));
        }

        @Test
        void expiresWhenTheBookRunsOutBeforeTheAmountReleasingWhatItDidNotSpend() {
            x.fund(ALICE, BTC, 5).fund(CAROL, USD, 20_000);
            x.given(x.sell(1, ALICE, 5, 1_000));

            assertThat(x.apply(x.marketBuyFor(2, CAROL, 20_000))).containsExactly(
                    "accepted #2: BUY MARKET IOC 0, for 20000",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                    "filled #1: 5",
                    "expired #2 (NOT_FILLED): 5 filled, 0 open");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(20_000 - 5_010, 0));
        }

        @Test
        void anAmountTooSmallForOneLotFindsNothingToBuy() {
            x.fund(ALICE, BTC, 10).fund(CAROL, USD, 20_000);
            x.given(x.sell(1, ALICE, 5, 1_000), x.sell(3, ALICE, 5, 1_000));

            // One lot costs 5 000 + 10 in fees.
            assertThat(x.apply(x.marketBuyFor(2, CAROL, 5_009))).containsExactly("rejected: NO_LIQUIDITY");
            assertThat(x.apply(x.marketBuyFor(2, CAROL, 5_010))).containsExactly(
                    "accepted #2: BUY MARKET IOC 0, for 5010",
                    "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                    "filled #1: 5",
                    "filled #2: 5");
        }

        @Test
        void neverSpendsMoreThanTheAmountAndBuysAllThatTheAmountAllows() {
            Market market = TestExchange.btcUsd(SelfTradePrevention.NONE);
            long[] askPrices = {1_000, 1_010, 1_010, 1_030, 1_090};
            for (long amount = 5_010; amount <= 27_000; amount += 41) {
                TestExchange exchange = TestExchange.create().richTraders();
                for (int i = 0; i < askPrices.length; i++) {
                    exchange.given(exchange.sell(i + 1, i % 2 == 0 ? ALICE : BOB, 5, askPrices[i]));
                }
                int firstEvent = exchange.events().size();

                exchange.apply(exchange.marketBuyFor(100, CAROL, amount));

                long spent = 10_000_000 - exchange.funds(CAROL, USD).available();
                long notional = exchange.events().subList(firstEvent, exchange.events().size()).stream()
                        .filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast)
                        .mapToLong(TradeExecuted::quoteQuantity).sum();
                assertThat(spent).as("spent of %d", amount).isLessThanOrEqualTo(amount).isGreaterThan(0);
                assertThat(exchange.funds(CAROL, USD).locked()).isZero();
                int lotsBought = (int) (exchange.funds(CAROL, BTC).available() - 1_000) / 5;
                if (lotsBought < askPrices.length) {
                    long withOneMoreLot = notional + 5 * askPrices[lotsBought];
                    assertThat(withOneMoreLot + Market.fee(withOneMoreLot, market.takerFeePpm()))
                            .as("cost of one more lot after spending %d of %d", spent, amount)
                            .isGreaterThan(amount);
                }
            }
        }

        @Test
        void mayOnlyBeImmediateOrCancelAndOnlyABuy() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 1_000), x.buy(2, ALICE, 5, 990));

            assertThat(x.apply(x.fok(x.marketBuyFor(3, BOB, 6_000))))
                    .containsExactly("rejected: INVALID_TIME_IN_FORCE");
            assertThat(x.apply(new PlaceOrder(x.now(), 3, BOB, BTC_USD, SELL, OrderType.MARKET, TimeInForce.IOC,
                    0, 0, 6_000, 0, null)))
                    .containsExactly("rejected: QUOTE_AMOUNT_NOT_ALLOWED");
        }
    }
}
