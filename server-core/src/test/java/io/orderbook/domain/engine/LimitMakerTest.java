package io.orderbook.domain.engine;

import org.junit.jupiter.api.Test;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.engine.TestExchange.funds;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/** LIMIT_MAKER (post-only) orders rest like limit orders and are refused if any part would take. */
class LimitMakerTest extends EngineTest {

    @Test
    void restsWhenItDoesNotCrossAndReservesLikeALimitOrder() {
        x.richTraders();
        x.given(x.sell(1, ALICE, 5, 1_000));

        assertThat(x.apply(x.limitMaker(2, BOB, BUY, 5, 990)))
                .containsExactly("accepted #2: BUY LIMIT_MAKER GTC 5 @ 990");

        assertThat(x.book(BUY)).containsExactly("5 @ 990 (1)");
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 4_959, 4_959));
    }

    @Test
    void isRefusedIfItWouldTradeAtOnceEvenAtTheSamePrice() {
        x.richTraders();
        x.given(x.sell(1, ALICE, 5, 1_000), x.buy(2, ALICE, 5, 990));

        assertThat(x.apply(x.limitMaker(3, BOB, BUY, 5, 1_000))).containsExactly("rejected: POST_ONLY_WOULD_TAKE");
        assertThat(x.apply(x.limitMaker(3, BOB, BUY, 5, 1_100))).containsExactly("rejected: POST_ONLY_WOULD_TAKE");
        assertThat(x.apply(x.limitMaker(3, BOB, SELL, 5, 990))).containsExactly("rejected: POST_ONLY_WOULD_TAKE");
        assertThat(x.book(SELL)).containsExactly("5 @ 1000 (1)");
        assertThat(x.book(BUY)).containsExactly("5 @ 990 (1)");
    }

    @Test
    void paysTheMakerFeeWhenALaterOrderTakesIt() {
        x.richTraders();
        x.given(x.limitMaker(1, BOB, BUY, 10, 990));

        assertThat(x.apply(x.sell(2, CAROL, 10, 990))).containsExactly(
                "accepted #2: SELL LIMIT GTC 10 @ 990",
                "trade 1: 10 @ 990 = 9900, maker #1 fee 9, taker #2 SELL fee 19",
                "filled #1: 10",
                "filled #2: 10");
        assertThat(x.funds(BOB, USD)).isEqualTo(funds(10_000_000 - 9_909, 0));
    }

    @Test
    void mayBeGoodTillDate() {
        x.richTraders();

        assertThat(x.apply(x.gtd(x.limitMaker(1, ALICE, SELL, 5, 1_000), 5_000)))
                .containsExactly("accepted #1: SELL LIMIT_MAKER GTD 5 @ 1000, until 5000");
        assertThat(x.at(5_000).apply(x.expireOrders())).containsExactly("expired #1 (TIME): 0 filled, 5 open");
    }

    @Test
    void cannotBeImmediateOrCancelOrFillOrKill() {
        x.richTraders();

        assertThat(x.apply(x.ioc(x.limitMaker(1, ALICE, SELL, 5, 1_000))))
                .containsExactly("rejected: INVALID_TIME_IN_FORCE");
        assertThat(x.apply(x.fok(x.limitMaker(1, ALICE, SELL, 5, 1_000))))
                .containsExactly("rejected: INVALID_TIME_IN_FORCE");
    }
}
