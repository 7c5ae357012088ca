package io.orderbook.domain.engine;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps ended orders with fills, which may still be closed, only for a close period and only up to a
 * number of them: their memory does not grow with every order that ever filled. What it forgets it refuses to
 * close as an unknown order, the same way after a replay or a restore.
 */
class CloseRetentionTest extends EngineTest {

    private static final long PERIOD = 60_000;

    @BeforeEach
    void boundedEngine() {
        x = TestExchange.withCloseRetention(new CloseRetention(Duration.ofMillis(PERIOD), 3));
        x.richTraders();
    }

    @Test
    void aFilledOrderCanBeClosedUntilItsClosePeriodEnds() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, ALICE, 10, 990));

        x.at(START + PERIOD - 1);
        assertThat(x.apply(x.close(2, BOB, 10))).contains("closed #2 by #10 for 10");
    }

    @Test
    void afterItsClosePeriodAFilledOrderIsForgottenAndCannotBeClosed() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.sell(3, ALICE, 10, 1_000));

        x.at(START + PERIOD);
        assertThat(x.apply(x.close(2, BOB, 10))).containsExactly("rejected: UNKNOWN_ORDER");
        // The next order to end sweeps the forgotten ones out of memory.
        x.given(x.buy(4, BOB, 10, 1_000));
        assertThat(x.engine().closableOrderCount()).isEqualTo(2);
        assertThat(x.engine().snapshot().closableOrders()).extracting(EngineSnapshot.ClosableOrder::orderId)
                .containsExactly(3L, 4L);
    }

    @Test
    void beyondItsLimitTheEngineForgetsTheOldestFilledOrders() {
        long id = 1;
        for (int i = 0; i < 50; i++) {
            x.given(x.sell(id++, ALICE, 10, 1_000), x.buy(id++, BOB, 10, 1_000));
            x.at(x.now() + 1);
        }

        assertThat(x.engine().closableOrderCount()).isEqualTo(3);
        assertThat(x.engine().snapshot().closableOrders()).extracting(EngineSnapshot.ClosableOrder::orderId)
                .containsExactly(98L, 99L, 100L);
        assertThat(x.apply(x.close(96, BOB, 1_000))).containsExactly("rejected: UNKNOWN_ORDER");
        x.given(x.buy(999, ALICE, 10, 990));
        assertThat(x.apply(x.close(100, BOB, 1_001))).contains("closed #100 by #1001 for 10");
    }

    @Test
    void aClosedOrderIsKeptFromItsCloseSoASecondCloseIsRefusedAsClosed() {
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 1_000), x.buy(3, ALICE, 20, 990));
        x.at(START + PERIOD - 10);
        x.given(x.close(2, BOB, 4));

        x.at(START + PERIOD + 10);
        assertThat(x.apply(x.close(2, BOB, 5))).containsExactly("rejected: ALREADY_CLOSED");
    }
}
