package io.orderbook.domain.engine;

import io.orderbook.domain.model.SelfTradePrevention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.SelfTradePrevention.EXPIRE_BOTH;
import static io.orderbook.domain.model.SelfTradePrevention.EXPIRE_MAKER;
import static io.orderbook.domain.model.SelfTradePrevention.EXPIRE_TAKER;
import static io.orderbook.domain.model.SelfTradePrevention.NONE;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-trade prevention decides what happens when a taker meets a resting order of its own user. The mode is
 * the taker's (the market's default when the order names none); the resting order's own mode does not matter.
 *
 * <p>In each scenario the asks are Bob 5 @ 1 000 (#1), Alice 5 @ 1 000 (#2) and Bob 5 @ 1 010 (#3), and
 * Alice buys 15 @ 1 010 (#4): she trades with #1 first and then meets her own #2.
 */
class SelfTradePreventionTest extends EngineTest {

    @BeforeEach
    void bobAndAliceOffer() {
        x.richTraders();
        x.given(x.sell(1, BOB, 5, 1_000), x.sell(2, ALICE, 5, 1_000), x.sell(3, BOB, 5, 1_010));
    }

    @Test
    void noneLetsTheUserTradeWithThemselfPayingBothFees() {
        assertThat(x.apply(x.buy(4, ALICE, 15, 1_010).withStp(NONE))).containsExactly(
                "accepted #4: BUY LIMIT GTC 15 @ 1010",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #4 BUY fee 10",
                "filled #1: 5",
                "trade 2: 5 @ 1000 = 5000, maker #2 fee 5, taker #4 BUY fee 10",
                "filled #2: 5",
                "trade 3: 5 @ 1010 = 5050, maker #3 fee 5, taker #4 BUY fee 10",
                "filled #3: 5",
                "filled #4: 15");
        assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(1_010, 0));
    }

    @Test
    void expireTakerStopsTheIncomingOrderAndLeavesTheRestingOne() {
        assertThat(x.apply(x.buy(4, ALICE, 15, 1_010).withStp(EXPIRE_TAKER))).containsExactly(
                "accepted #4: BUY LIMIT GTC 15 @ 1010, EXPIRE_TAKER",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #4 BUY fee 10",
                "filled #1: 5",
                "expired #4 (SELF_TRADE_PREVENTION): 5 filled, 10 open");

        assertThat(x.queue(SELL)).containsExactly(2L, 3L);
        assertThat(x.book(BUY)).isEmpty();
        assertThat(x.funds(ALICE, USD)).isEqualTo(funds(10_000_000 - 5_010, 0));
    }

    @Test
    void expireMakerRemovesTheRestingOrderAndTheIncomingOneTradesOnAndRests() {
        assertThat(x.apply(x.buy(4, ALICE, 15, 1_010).withStp(EXPIRE_MAKER))).containsExactly(
                "accepted #4: BUY LIMIT GTC 15 @ 1010, EXPIRE_MAKER",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #4 BUY fee 10",
                "filled #1: 5",
                "expired #2 (SELF_TRADE_PREVENTION): 0 filled, 5 open",
                "trade 2: 5 @ 1010 = 5050, maker #3 fee 5, taker #4 BUY fee 10",
                "filled #3: 5",
                "partially filled #4: 10 filled, 5 open");

        assertThat(x.book(SELL)).isEmpty();
        assertThat(x.book(BUY)).containsExactly("5 @ 1010 (1)");
        assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(1_010, 0));
    }

    @Test
    void expireBothRemovesTheRestingOrderAndStopsTheIncomingOne() {
        assertThat(x.apply(x.buy(4, ALICE, 15, 1_010).withStp(EXPIRE_BOTH))).containsExactly(
                "accepted #4: BUY LIMIT GTC 15 @ 1010, EXPIRE_BOTH",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #4 BUY fee 10",
                "filled #1: 5",
                "expired #2 (SELF_TRADE_PREVENTION): 0 filled, 5 open",
                "expired #4 (SELF_TRADE_PREVENTION): 5 filled, 10 open");

        assertThat(x.queue(SELL)).containsExactly(3L);
        assertThat(x.funds(ALICE, BTC)).isEqualTo(funds(1_005, 0));
        assertThat(x.funds(ALICE, USD)).isEqualTo(funds(10_000_000 - 5_010, 0));
    }

    @Test
    void theRestingOrdersOwnModeDoesNotMatter() {
        x.given(x.sell(5, ALICE, 5, 990).withStp(EXPIRE_BOTH));

        assertThat(x.apply(x.buy(6, ALICE, 5, 990).withStp(NONE))).containsExactly(
                "accepted #6: BUY LIMIT GTC 5 @ 990",
                "trade 1: 5 @ 990 = 4950, maker #5 fee 4, taker #6 BUY fee 9",
                "filled #5: 5",
                "filled #6: 5");
    }

    @Test
    void anOrderWithoutAModeUsesTheMarketsDefault() {
        x = TestExchange.withDefaultStp(EXPIRE_TAKER).richTraders();
        x.given(x.sell(1, ALICE, 5, 1_000));

        assertThat(x.apply(x.buy(2, ALICE, 5, 1_000))).containsExactly(
                "accepted #2: BUY LIMIT GTC 5 @ 1000, EXPIRE_TAKER",
                "expired #2 (SELF_TRADE_PREVENTION): 0 filled, 5 open");
        assertThat(x.queue(SELL)).containsExactly(1L);
    }

    @Test
    void anOrderThatNamesAModeOverridesTheMarketsDefault() {
        x = TestExchange.withDefaultStp(EXPIRE_TAKER).richTraders();
        x.given(x.sell(1, ALICE, 5, 1_000));

        assertThat(x.apply(x.buy(2, ALICE, 5, 1_000).withStp(SelfTradePrevention.NONE))).containsExactly(
                "accepted #2: BUY LIMIT GTC 5 @ 1000",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #2 BUY fee 10",
                "filled #1: 5",
                "filled #2: 5");
    }

    @Test
    void anAmendedOrderThatMeetsItsOwnUserUsesItsOwnMode() {
        x.given(x.buy(4, ALICE, 15, 990).withStp(EXPIRE_TAKER));

        assertThat(x.apply(x.amend(4, ALICE, 15, 1_000))).containsExactly(
                "amended #4: 15 @ 1000, 15 open, priority lost",
                "trade 1: 5 @ 1000 = 5000, maker #1 fee 5, taker #4 BUY fee 10",
                "filled #1: 5",
                "expired #4 (SELF_TRADE_PREVENTION): 5 filled, 10 open");
        assertThat(x.queue(SELL)).containsExactly(2L, 3L);
    }

    @Test
    void aMarketOrderWithExpireMakerSkipsItsOwnOrdersWhenReservingAndMatching() {
        // Bob's own #1 is removed rather than bought, so his reservation covers only Alice's #2: 5 000 + 10.
        x.given(x.withdraw(BOB, USD, 10_000_000 - 5_010));

        assertThat(x.apply(x.market(4, BOB, BUY, 5).withStp(EXPIRE_MAKER))).containsExactly(
                "accepted #4: BUY MARKET IOC 5, EXPIRE_MAKER",
                "expired #1 (SELF_TRADE_PREVENTION): 0 filled, 5 open",
                "trade 1: 5 @ 1000 = 5000, maker #2 fee 5, taker #4 BUY fee 10",
                "filled #2: 5",
                "filled #4: 5");
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(0, 0));
        assertThat(x.queue(SELL)).containsExactly(3L);
    }

    @Test
    void aMarketOrderWhoseOwnOrderIsBestWithExpireTakerFindsNoLiquidity() {
        assertThat(x.apply(x.market(4, BOB, BUY, 5).withStp(EXPIRE_TAKER))).containsExactly("rejected: NO_LIQUIDITY");
        assertThat(x.queue(SELL)).containsExactly(1L, 2L, 3L);
    }
}
