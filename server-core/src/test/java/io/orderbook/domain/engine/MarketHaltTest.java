package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.Command.SetMarketHalted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC_USD;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.ETH_USD;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** A halted market refuses new orders, amends, takes and closes, but lets users cancel. */
class MarketHaltTest extends EngineTest {

    @BeforeEach
    void haltAfterSomeTrading() {
        x.richTraders();
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 5, 1_000), x.gtd(x.sell(3, ALICE, 5, 1_010), 2_000));

        assertThat(x.apply(x.halt(BTC_USD))).containsExactly("halted market 1");
    }

    @Test
    void refusesPlacingAmendingTakingAndClosing() {
        assertThat(x.apply(x.buy(4, CAROL, 5, 1_000))).containsExactly("rejected: MARKET_HALTED");
        assertThat(x.apply(x.market(4, CAROL, BUY, 5))).containsExactly("rejected: MARKET_HALTED");
        assertThat(x.apply(x.amend(1, ALICE, 5, 1_000))).containsExactly("rejected: MARKET_HALTED");
        assertThat(x.apply(x.take(4, CAROL, 1, 0))).containsExactly("rejected: MARKET_HALTED");
        assertThat(x.apply(x.close(2, BOB, 4))).containsExactly("rejected: MARKET_HALTED");
        assertThat(x.queue(SELL)).containsExactly(1L, 3L);
    }

    @Test
    void allowsCancellingAndStillExpiresOrders() {
        assertThat(x.apply(x.cancel(1, ALICE))).containsExactly("cancelled #1 (USER): 5 filled, 5 open");
        assertThat(x.at(2_000).apply(x.expireOrders())).containsExactly("expired #3 (TIME): 0 filled, 5 open");
    }

    @Test
    void leavesOtherMarketsTrading() {
        assertThat(x.apply(PlaceOrder.limit(x.now(), 4, CAROL, ETH_USD, BUY, 2_000, 500)))
                .containsExactly("accepted #4: BUY LIMIT GTC 500 @ 2000");
    }

    @Test
    void tradesAgainOnceResumed() {
        assertThat(x.apply(x.resume(BTC_USD))).containsExactly("resumed market 1");

        assertThat(x.apply(x.buy(4, CAROL, 5, 1_000))).containsExactly(
                "accepted #4: BUY LIMIT GTC 5 @ 1000",
                "trade 2: 5 @ 1000 = 5000, maker #1 fee 5, taker #4 BUY fee 10",
                "filled #1: 10",
                "filled #4: 5");
    }

    @Test
    void anUnknownMarketCannotBeHalted() {
        assertThat(x.apply(new SetMarketHalted(x.now(), 42, true))).containsExactly("rejected: UNKNOWN_MARKET");
    }
}
