package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.TimeInForce;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import static io.orderbook.domain.engine.TestExchange.ALICE;
import static io.orderbook.domain.engine.TestExchange.BOB;
import static io.orderbook.domain.engine.TestExchange.BTC_USD;
import static io.orderbook.domain.engine.TestExchange.CAROL;
import static io.orderbook.domain.engine.TestExchange.ETH_USD;
import static io.orderbook.domain.engine.TestExchange.USD;
import static io.orderbook.domain.model.RejectReason.*;
import static io.orderbook.domain.model.Side.BUY;
import static io.orderbook.domain.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link RejectReason} is produced by at least one command, and the refusal changes nothing (which
 * {@link TestExchange} checks after each command). A new reason without a command here fails this test.
 *
 * <p>Each command runs against rich traders and a book with Alice's ask 10 @ 1 000 (#1) and Bob's bid
 * 10 @ 990 (#2).
 */
class RejectReasonTest extends EngineTest {
    private static final long DAVE_WITHOUT_FUNDS = 4;

    private static final Map<RejectReason, Function<TestExchange, Command>> PRODUCERS =
            new EnumMap<>(RejectReason.class);

    static {
        PRODUCERS.put(UNKNOWN_MARKET, x -> PlaceOrder.limit(x.now(), 3, CAROL, 99, BUY, 1_000, 5));
        PRODUCERS.put(UNKNOWN_ASSET, x -> x.deposit(CAROL, -1, 100));
        PRODUCERS.put(UNKNOWN_ORDER, x -> x.cancel(99, CAROL));
        PRODUCERS.put(ORDER_NOT_OPEN, x -> {
            x.given(x.buy(3, CAROL, 10, 1_000));
            return x.cancel(1, ALICE);
        });
        PRODUCERS.put(DUPLICATE_ORDER_ID, x -> x.buy(1, CAROL, 5, 990));
        PRODUCERS.put(INVALID_USER, x -> x.buy(3, 0, 5, 990));
        PRODUCERS.put(INVALID_QUANTITY, x -> x.buy(3, CAROL, 0, 990));
        PRODUCERS.put(QUANTITY_NOT_LOT_MULTIPLE, x -> x.buy(3, CAROL, 7, 990));
        PRODUCERS.put(INVALID_PRICE, x -> x.buy(3, CAROL, 5, 0));
        PRODUCERS.put(PRICE_NOT_TICK_MULTIPLE, x -> x.buy(3, CAROL, 5, 995));
        PRODUCERS.put(PRICE_NOT_ALLOWED, x -> new PlaceOrder(x.now(), 3, CAROL, BTC_USD, BUY, OrderType.MARKET,
                TimeInForce.IOC, 1_000, 5, 0, 0, null));
        PRODUCERS.put(QUOTE_AMOUNT_NOT_ALLOWED, x -> new PlaceOrder(x.now(), 3, CAROL, BTC_USD, BUY, OrderType.LIMIT,
                TimeInForce.GTC, 990, 5, 5_000, 0, null));
        PRODUCERS.put(BELOW_MIN_NOTIONAL, x -> x.buy(3, CAROL, 5, 190));
        PRODUCERS.put(AMOUNT_TOO_LARGE, x -> x.buy(3, CAROL, 5, 1_000_000_000_000_000_000L));
        PRODUCERS.put(INSUFFICIENT_FUNDS, x -> x.buy(3, DAVE_WITHOUT_FUNDS, 5, 990));
        PRODUCERS.put(POST_ONLY_WOULD_TAKE, x -> x.limitMaker(3, CAROL, BUY, 5, 1_000));
        PRODUCERS.put(FOK_NOT_FILLABLE, x -> x.fok(x.buy(3, CAROL, 15, 1_000)));
        PRODUCERS.put(NO_LIQUIDITY, x -> PlaceOrder.market(x.now(), 3, CAROL, ETH_USD, SELL, 10));
        PRODUCERS.put(INVALID_TIME_IN_FORCE, x -> x.market(3, CAROL, BUY, 5).withTimeInForce(TimeInForce.GTC, 0));
        PRODUCERS.put(INVALID_EXPIRE_TIME, x -> x.gtd(x.buy(3, CAROL, 5, 990), 0));
        PRODUCERS.put(EXPIRE_TIME_IN_PAST, x -> x.gtd(x.buy(3, CAROL, 5, 990), x.now()));
        PRODUCERS.put(CANNOT_TAKE_OWN_ORDER, x -> x.take(3, ALICE, 1, 0));
        PRODUCERS.put(ALREADY_CLOSED, x -> {
            x.given(x.buy(3, CAROL, 5, 1_000), x.close(3, CAROL, 4));
            return x.close(3, CAROL, 5);
        });
        PRODUCERS.put(INVALID_AMOUNT, x -> x.deposit(CAROL, USD, 0));
        PRODUCERS.put(MARKET_EXISTS, x -> x.list(TestExchange.btcUsd(SelfTradePrevention.NONE)));
        PRODUCERS.put(MARKET_HAS_ORDERS, x -> x.delist(BTC_USD));
        PRODUCERS.put(MARKET_FIELD_IMMUTABLE, x -> x.update(new Market(ETH_USD, "ETH-USDT", TestExchange.ETH, USD, 3,
                100, 10, 100, 0, 1_000, SelfTradePrevention.NONE)));
        PRODUCERS.put(MARKET_HALTED, x -> {
            x.given(x.halt(BTC_USD));
            return x.buy(3, CAROL, 5, 990);
        });
    }

    @ParameterizedTest
    @EnumSource(RejectReason.class)
    void isProducedByAKnownCommand(RejectReason reason) {
        assertThat(PRODUCERS).as("a command known to be refused with %s", reason).containsKey(reason);
        x.richTraders();
        x.given(x.sell(1, ALICE, 10, 1_000), x.buy(2, BOB, 10, 990));

        Command command = PRODUCERS.get(reason).apply(x);

        assertThat(x.apply(command)).containsExactly("rejected: " + reason);
    }
}
