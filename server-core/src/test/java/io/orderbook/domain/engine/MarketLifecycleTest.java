package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.BTC_USD;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.ETH;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markets listed, changed and delisted by commands: each is an event, is replayed and snapshotted like any
 * other command (checked after every test), and never strands or underfunds an order.
 */
class MarketLifecycleTest extends EngineTest {
    private static final int SOL_USD = 3;
    private static final int SOL = 4;

    /** BTC-USD's rules with other tick, lot, minimum, fees and default self-trade prevention. */
    private static Market btcUsd(long tick, long lot, long minNotional, int makerFee, int takerFee,
                                 SelfTradePrevention stp) {
        return new Market(BTC_USD, "BTC-USD", BTC, USD, 0, tick, lot, minNotional, makerFee, takerFee, stp);
    }

    private static Market solUsd(int id, String symbol) {
        return new Market(id, symbol, SOL, USD, 0, 1, 1, 10, 0, 1_000, SelfTradePrevention.NONE);
    }

    @Test
    void aListedMarketTradesAtOnce() {
        x.richTraders().fund(ALICE, SOL, 100);

        assertThat(x.apply(x.list(solUsd(SOL_USD, "SOL-USD"))))
                .containsExactly("listed market 3 SOL-USD: tick 1, lot 1, min 10, fees 0/1000 ppm, stp NONE");
        x.given(PlaceOrder.limit(x.now(), 1, ALICE, SOL_USD, SELL, 150, 10));

        assertThat(x.apply(PlaceOrder.limit(x.now(), 2, BOB, SOL_USD, BUY, 150, 4))).containsExactly(
                "accepted #2: BUY LIMIT GTC 4 @ 150",
                "trade 1: 4 @ 150 = 600, maker #1 fee 0, taker #2 BUY fee 0",
                "partially filled #1: 4 filled, 6 open",
                "filled #2: 4");
        assertThat(x.engine().market(SOL_USD)).contains(solUsd(SOL_USD, "SOL-USD"));
    }

    @Test
    void aTakenIdOrSymbolCannotBeListedAgain() {
        assertThat(x.apply(x.list(solUsd(BTC_USD, "SOL-USD")))).containsExactly("rejected: MARKET_EXISTS");
        assertThat(x.apply(x.list(solUsd(SOL_USD, "BTC-USD")))).containsExactly("rejected: MARKET_EXISTS");
        assertThat(x.engine().market(SOL_USD)).isEmpty();
    }

    @Test
    void aDelistedSymbolMayBeListedAgainUnderANewId() {
        x.given(x.list(solUsd(SOL_USD, "SOL-USD")));

        assertThat(x.apply(x.delist(SOL_USD))).containsExactly("delisted market 3 SOL-USD");
        assertThat(x.apply(x.list(solUsd(7, "SOL-USD"))))
                .containsExactly("listed market 7 SOL-USD: tick 1, lot 1, min 10, fees 0/1000 ppm, stp NONE");
        assertThat(x.engine().market(SOL_USD)).isEmpty();
    }

    @Test
    void newFeesApplyToTheNextTrade() {
        x.richTraders().given(x.sell(1, ALICE, 10, 1_000));

        // Only an ask rests, so the fees may rise: asks reserve no fee.
        assertThat(x.apply(x.update(btcUsd(10, 5, 1_000, 3_000, 4_000, SelfTradePrevention.NONE))))
                .containsExactly("updated market 1 BTC-USD: tick 10, lot 5, min 1000, fees 3000/4000 ppm, stp NONE");

        assertThat(x.apply(x.buy(2, BOB, 5, 1_000))).containsExactly(
                "accepted #2: BUY LIMIT GTC 5 @ 1000",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 15, taker #2 BUY fee 20",
                "partially filled #1: 5 filled, 5 open",
                "filled #2: 5");
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 5_000 - 20, 0));
    }

    @Test
    void higherFeesWaitUntilNoBuyRests() {
        x.richTraders().given(x.buy(1, BOB, 10, 1_000));
        Market dearer = btcUsd(10, 5, 1_000, 1_000, 3_000, SelfTradePrevention.NONE);

        assertThat(x.apply(x.update(dearer))).containsExactly("rejected: MARKET_HAS_ORDERS");

        x.given(x.cancel(1, BOB));
        assertThat(x.apply(x.update(dearer))).hasSize(1).allMatch(line -> line.startsWith("updated market 1"));
    }

    @Test
    void lowerFeesApplyToRestingBuysWhichReleaseWhatTheyNoLongerNeed() {
        x.richTraders().given(x.buy(1, BOB, 10, 1_000));
        // 10 000 at 0.2%: the bid reserved 10 020.
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 10_020, 10_020));

        x.given(x.update(btcUsd(10, 5, 1_000, 0, 0, SelfTradePrevention.NONE)));
        assertThat(x.apply(x.sell(2, ALICE, 10, 1_000))).containsExactly(
                "accepted #2: SELL LIMIT GTC 10 @ 1000",
                "trade 1: 10 @ 1000 = 10000, maker #1 fee 0, taker #2 SELL fee 0",
                "filled #1: 10",
                "filled #2: 10");

        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 10_000, 0));
        assertThat(x.feeAccount(USD)).isZero();
    }

    @Test
    void aNewMinimumNotionalAndDefaultStpApplyToNewOrders() {
        x.richTraders().given(x.update(btcUsd(10, 5, 50_000, 1_000, 2_000, SelfTradePrevention.EXPIRE_TAKER)));

        assertThat(x.apply(x.buy(1, BOB, 10, 1_000))).containsExactly("rejected: BELOW_MIN_NOTIONAL");
        assertThat(x.apply(x.buy(1, BOB, 50, 1_000))).containsExactly("accepted #1: BUY LIMIT GTC 50 @ 1000, EXPIRE_TAKER");
    }

    @Test
    void tickAndLotChangeOnlyWithoutOpenOrClosableOrders() {
        x.richTraders().given(x.sell(1, ALICE, 10, 1_000));
        Market finer = btcUsd(5, 1, 1_000, 1_000, 2_000, SelfTradePrevention.NONE);

        assertThat(x.apply(x.update(finer))).containsExactly("rejected: MARKET_HAS_ORDERS");

        // Bob's filled buy can still be closed: it counts its fill in lots.
        x.given(x.buy(2, BOB, 10, 1_000));
        assertThat(x.apply(x.update(finer))).containsExactly("rejected: MARKET_HAS_ORDERS");
    }

    @Test
    void newTickAndLotStartAFreshBookThatKeepsTheHalt() {
        x.richTraders().given(x.halt(BTC_USD));

        x.given(x.update(btcUsd(5, 1, 1_000, 1_000, 2_000, SelfTradePrevention.NONE)));
        assertThat(x.apply(x.buy(1, BOB, 3, 1_005))).containsExactly("rejected: MARKET_HALTED");

        x.given(x.resume(BTC_USD));
        assertThat(x.apply(x.buy(1, BOB, 3, 1_005))).containsExactly("accepted #1: BUY LIMIT GTC 3 @ 1005");
        assertThat(x.book(BUY)).containsExactly("3 @ 1005 (1)");
    }

    @Test
    void symbolAssetsAndScaleNeverChange() {
        Market btc = x.market(BTC_USD);
        for (Market changed : new Market[] {
                new Market(BTC_USD, "XBT-USD", BTC, USD, 0, 10, 5, 1_000, 1_000, 2_000, SelfTradePrevention.NONE),
                new Market(BTC_USD, "BTC-USD", ETH, USD, 0, 10, 5, 1_000, 1_000, 2_000, SelfTradePrevention.NONE),
                new Market(BTC_USD, "BTC-USD", BTC, ETH, 0, 10, 5, 1_000, 1_000, 2_000, SelfTradePrevention.NONE),
                new Market(BTC_USD, "BTC-USD", BTC, USD, 1, 10, 10, 1_000, 1_000, 2_000, SelfTradePrevention.NONE)}) {
            assertThat(x.apply(x.update(changed))).as("%s", changed).containsExactly("rejected: MARKET_FIELD_IMMUTABLE");
        }
        assertThat(x.market(BTC_USD)).isEqualTo(btc);
    }

    @Test
    void unknownMarketsCannotBeChangedOrDelisted() {
        assertThat(x.apply(x.update(solUsd(SOL_USD, "SOL-USD")))).containsExactly("rejected: UNKNOWN_MARKET");
        assertThat(x.apply(x.delist(SOL_USD))).containsExactly("rejected: UNKNOWN_MARKET");
        assertThat(x.apply(x.delist(-1))).containsExactly("rejected: UNKNOWN_MARKET");
    }

    @Test
    void aMarketWithOpenOrdersIsNotDelisted() {
        x.richTraders().given(x.sell(1, ALICE, 10, 1_000));

        assertThat(x.apply(x.delist(BTC_USD))).containsExactly("rejected: MARKET_HAS_ORDERS");

        x.given(x.cancel(1, ALICE));
        assertThat(x.apply(x.delist(BTC_USD))).containsExactly("delisted market 1 BTC-USD");
    }

    @Test
    void aDelistedMarketTakesNoOrdersAndItsFilledOrdersCanNoLongerBeClosed() {
        x.richTraders().given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.delist(BTC_USD));

        assertThat(x.apply(x.buy(3, CAROL, 5, 1_000))).containsExactly("rejected: UNKNOWN_MARKET");
        assertThat(x.apply(x.halt(BTC_USD))).containsExactly("rejected: UNKNOWN_MARKET");
        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly("rejected: UNKNOWN_ORDER");
        assertThat(x.engine().snapshot().closableOrders()).isEmpty();
        // Balances stay where trading left them.
        assertThat(x.funds(BOB, BTC)).isEqualTo(funds(1_010, 0));
    }
}
