package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.MatchingEngine.MAX_NOTIONAL;
import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.BTC_USD;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.ETH;
import static io.orderbook.domain.engine.TestExchange.ETH_USD;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** Fees, the fee account, and balances: reservations, settlement, and deposits and withdrawals. */
class FeesAndBalancesTest extends EngineTest {

    @Nested
    class Fees {

        @Test
        void theMakerPaysTheMakerRateAndTheTakerTheTakerRateBothInTheQuoteAsset() {
            x.fund(BOB, USD, 10_020).fund(ALICE, BTC, 10);
            x.given(x.buy(1, BOB, 10, 1_000));

            assertThat(x.apply(x.sell(2, ALICE, 10, 1_000)))
                    .contains("trade 1: 10 @ 1000 = 10000, maker #1 fee 10, taker #2 SELL fee 20");

            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10, 0));
            assertThat(x.funds(BOB, BTC)).isEqualTo(funds(10, 0));
            assertThat(x.funds(ALICE, USD)).isEqualTo(funds(9_980, 0));
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(0, 0));
            assertThat(x.feeAccount(USD)).isEqualTo(30);
            assertThat(x.feeAccount(BTC)).isZero();
        }

        @Test
        void areRoundedDownPerTrade() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 5, 990), x.sell(2, ALICE, 5, 990));

            // 4 950 at 0.1% is 4.95 and at 0.2% 9.9: 4 and 9 per trade.
            assertThat(x.apply(x.buy(3, BOB, 10, 990))).containsExactly(
                    "accepted #3: BUY LIMIT GTC 10 @ 990",
                    "trade 1: 5 @ 990 = 4950, maker #1 fee 4, taker #3 BUY fee 9",
                    "filled #1: 5",
                    "trade 2: 5 @ 990 = 4950, maker #2 fee 4, taker #3 BUY fee 9",
                    "filled #2: 5",
                    "filled #3: 10");
            assertThat(x.feeAccount(USD)).isEqualTo(26);
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 9_918, 0));
        }

        @Test
        void aBuyReservesAtTheMakerRateWhenThatIsTheHigherOne() {
            x = TestExchange.withMarkets(new Market(BTC_USD, "BTC-USD", BTC, USD, 0, 10, 5, 1_000, 3_000, 1_000,
                    SelfTradePrevention.NONE));
            x.fund(BOB, USD, 10_030).fund(ALICE, BTC, 10).fund(CAROL, USD, 10_030);

            assertThat(x.apply(x.buy(1, BOB, 10, 1_000))).containsExactly("accepted #1: BUY LIMIT GTC 10 @ 1000");
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(0, 10_030));
            x.given(x.sell(2, ALICE, 10, 1_000));
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(0, 0));

            // As the taker, Carol pays only 0.1% and gets the rest of the 0.3% she reserved back.
            x.fund(ALICE, BTC, 10);
            x.given(x.sell(3, ALICE, 10, 1_000));
            assertThat(x.apply(x.buy(4, CAROL, 10, 1_000))).contains(
                    "trade 2: 10 @ 1000 = 10000, maker #3 fee 30, taker #4 BUY fee 10");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(20, 0));
        }

        @Test
        void realisticUnitsWithEightBaseDecimals() {
            // BTC in satoshi, USDT in micro-USDT: tick 0.01 USDT, lot 0.0001 BTC, minimum 1 USDT.
            x = TestExchange.withMarkets(new Market(BTC_USD, "BTC-USDT", BTC, USD, 8, 10_000, 10_000, 1_000_000,
                    1_000, 2_000, SelfTradePrevention.NONE));
            x.fund(ALICE, USD, 1_000_000_000_000L).fund(BOB, BTC, 100_000_000L);
            x.given(x.sell(100, BOB, 10_000_000L, 50_000_000_000L));               // 0.1 BTC at 50 000 USDT

            assertThat(x.apply(x.buy(101, ALICE, 4_000_000L, 51_000_000_000L))).containsExactly(
                    "accepted #101: BUY LIMIT GTC 4000000 @ 51000000000",
                    "trade 1: 4000000 @ 50000000000 = 2000000000, maker #100 fee 2000000, taker #101 BUY fee 4000000",
                    "partially filled #100: 4000000 filled, 6000000 open",
                    "filled #101: 4000000");
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(4_000_000L, 0));
            assertThat(x.funds(ALICE, USD)).isEqualTo(funds(1_000_000_000_000L - 2_004_000_000L, 0));
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(1_998_000_000L, 0));
            assertThat(x.funds(BOB, BTC)).isEqualTo(funds(90_000_000L, 6_000_000L));
            assertThat(x.feeAccount(USD)).isEqualTo(6_000_000L);
        }

        @Test
        void theFeeAccountCanBePaidOut() {
            x.richTraders();
            x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000));

            assertThat(x.apply(x.withdraw(Ledger.FEE_ACCOUNT, USD, 30)))
                    .containsExactly("adjusted user 0 asset 2 by -30 to 0");
            assertThat(x.apply(x.withdraw(Ledger.FEE_ACCOUNT, USD, 1))).containsExactly("rejected: INSUFFICIENT_FUNDS");
        }

        @Test
        void quantitiesAndPricesAreInMinorUnitsOnAMarketWithADecimalBase() {
            // ETH-USD: 1 ETH is 1 000 base units, so 1.5 ETH at 2 000 is worth 3 000; no maker fee, taker 0.1%.
            x.fund(ALICE, ETH, 1_500).fund(BOB, USD, 3_153);
            x.given(PlaceOrder.limit(x.now(), 1, ALICE, ETH_USD, SELL, 2_000, 1_500));

            assertThat(x.apply(PlaceOrder.limit(x.now(), 2, BOB, ETH_USD, BUY, 2_100, 1_500))).containsExactly(
                    "accepted #2: BUY LIMIT GTC 1500 @ 2100",
                    "trade 1: 1500 @ 2000 = 3000, maker #1 fee 0, taker #2 BUY fee 3",
                    "filled #1: 1500",
                    "filled #2: 1500");
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(150, 0));
            assertThat(x.funds(BOB, ETH)).isEqualTo(funds(1_500, 0));
            assertThat(x.funds(ALICE, USD)).isEqualTo(funds(3_000, 0));
            assertThat(x.feeAccount(USD)).isEqualTo(3);
        }
    }

    @Nested
    class Reservations {

        @Test
        void followAnOrderThroughItsLife() {
            x.fund(BOB, USD, 20_000).fund(ALICE, BTC, 5);

            x.given(x.buy(1, BOB, 10, 1_000));
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(9_980, 10_020));

            x.given(x.sell(2, ALICE, 5, 1_000));                    // Bob, the maker, pays 5 000 + 5
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(9_980, 10_020 - 5_005));

            x.given(x.amend(1, BOB, 10, 990));                       // 5 open at 990 need 4 950 + 9
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(20_000 - 5_005 - 4_959, 4_959));

            x.given(x.cancel(1, BOB));
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(20_000 - 5_005, 0));
        }

        @Test
        void areSharedByAllMarketsOfAnAsset() {
            x.fund(BOB, USD, 10_020);
            x.given(x.buy(1, BOB, 10, 1_000));

            assertThat(x.apply(PlaceOrder.limit(x.now(), 2, BOB, ETH_USD, BUY, 2_000, 500)))
                    .containsExactly("rejected: INSUFFICIENT_FUNDS");

            x.given(x.cancel(1, BOB));
            assertThat(x.apply(PlaceOrder.limit(x.now(), 2, BOB, ETH_USD, BUY, 2_000, 500)))
                    .containsExactly("accepted #2: BUY LIMIT GTC 500 @ 2000");
            assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_020 - 1_001, 1_001));
        }

        @Test
        void lockedFundsCannotBeWithdrawn() {
            x.fund(ALICE, BTC, 10).given(x.sell(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.withdraw(ALICE, BTC, 1))).containsExactly("rejected: INSUFFICIENT_FUNDS");
            assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(0, 10));
        }
    }

    @Nested
    class AdjustBalance {

        @Test
        void creditsAndDebitsTheAvailableBalance() {
            assertThat(x.apply(x.deposit(CAROL, USD, 500))).containsExactly("adjusted user 3 asset 2 by 500 to 500");
            assertThat(x.apply(x.deposit(CAROL, USD, 250))).containsExactly("adjusted user 3 asset 2 by 250 to 750");
            assertThat(x.apply(x.withdraw(CAROL, USD, 750))).containsExactly("adjusted user 3 asset 2 by -750 to 0");
            assertThat(x.funds(CAROL, USD)).isEqualTo(funds(0, 0));
        }

        @Test
        void cannotDebitMoreThanIsAvailable() {
            x.fund(CAROL, USD, 500);

            assertThat(x.apply(x.withdraw(CAROL, USD, 501))).containsExactly("rejected: INSUFFICIENT_FUNDS");
            assertThat(x.apply(x.withdraw(BOB, ETH, 1))).containsExactly("rejected: INSUFFICIENT_FUNDS");
        }

        @Test
        void cannotTakeABalanceBeyondTheLargestAmount() {
            x.fund(CAROL, USD, MAX_NOTIONAL - 10);

            assertThat(x.apply(x.deposit(CAROL, USD, 11))).containsExactly("rejected: AMOUNT_TOO_LARGE");
            assertThat(x.apply(x.deposit(CAROL, USD, 10))).hasSize(1);
            assertThat(x.apply(x.deposit(ALICE, USD, MAX_NOTIONAL + 1))).containsExactly("rejected: AMOUNT_TOO_LARGE");
            assertThat(x.apply(x.withdraw(CAROL, USD, MAX_NOTIONAL + 1))).containsExactly("rejected: AMOUNT_TOO_LARGE");
            assertThat(x.apply(x.deposit(ALICE, USD, Long.MAX_VALUE))).containsExactly("rejected: AMOUNT_TOO_LARGE");
            assertThat(x.apply(x.deposit(ALICE, USD, Long.MIN_VALUE))).containsExactly("rejected: AMOUNT_TOO_LARGE");
        }

        @Test
        void theTotalSupplyOfAnAssetIsCappedSoThatNoTradeCanOverflowABalance() {
            long room = MAX_NOTIONAL - x.engine().ledger().supply(USD);
            x.fund(ALICE, USD, room / 2).fund(BOB, USD, room - room / 2);

            assertThat(x.apply(x.deposit(CAROL, USD, 1))).containsExactly("rejected: AMOUNT_TOO_LARGE");
            assertThat(x.engine().ledger().supply(USD)).isEqualTo(MAX_NOTIONAL)
                    .isEqualTo(x.engine().ledger().total(USD));
            x.apply(x.withdraw(BOB, USD, 5));
            assertThat(x.apply(x.deposit(CAROL, USD, 5))).hasSize(1);
        }

        @Test
        void lockedFundsCountTowardsTheLargestBalance() {
            x.fund(ALICE, BTC, MAX_NOTIONAL).given(x.sell(1, ALICE, 10, 1_000));

            assertThat(x.apply(x.deposit(ALICE, BTC, 1))).containsExactly("rejected: AMOUNT_TOO_LARGE");
        }

        @Test
        void needsANonZeroAmountAValidUserAndAKnownAsset() {
            assertThat(x.apply(x.deposit(CAROL, USD, 0))).containsExactly("rejected: INVALID_AMOUNT");
            assertThat(x.apply(x.deposit(-1, USD, 10))).containsExactly("rejected: INVALID_USER");
            assertThat(x.apply(x.deposit(CAROL, -1, 10))).containsExactly("rejected: UNKNOWN_ASSET");
            assertThat(x.apply(x.deposit(CAROL, Short.MAX_VALUE + 1, 10))).containsExactly("rejected: UNKNOWN_ASSET");
            assertThat(x.apply(x.deposit(CAROL, Short.MAX_VALUE, 10)))
                    .containsExactly("adjusted user 3 asset 32767 by 10 to 10");
        }
    }
}
