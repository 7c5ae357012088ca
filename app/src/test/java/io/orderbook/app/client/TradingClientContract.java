package io.orderbook.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.app.TestMarkets;
import io.orderbook.app.client.trading.AccountListener;
import io.orderbook.app.client.trading.Balance;
import io.orderbook.app.client.trading.Book;
import io.orderbook.application.marketdata.CandleInterval;
import io.orderbook.app.client.trading.ConditionalOrder;
import io.orderbook.app.client.trading.ConditionalOrderRequest;
import io.orderbook.app.client.trading.Fill;
import io.orderbook.app.client.trading.Order;
import io.orderbook.app.client.trading.OrderEvent;
import io.orderbook.app.client.trading.OrderRequest;
import io.orderbook.app.client.trading.OrderResult;
import io.orderbook.app.client.trading.PublicTrade;
import io.orderbook.app.client.trading.TradingClient;
import io.orderbook.application.orders.OrderStatus;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TradingClient} implementation must do, against the real server: each subclass logs in its way
 * and trades in a market of its own.
 */
abstract class TradingClientContract {

    private WorkstationClient alice;
    private WorkstationClient bob;
    private String market;

    /** A logged-in client of this implementation. */
    protected abstract WorkstationClient login(String username, String password);

    /** This implementation's base asset, so each trades in a market of its own. */
    protected abstract String baseAsset();

    @BeforeEach
    void logIn() {
        market = TestMarkets.market(baseAsset());
        String a = TestMarkets.trader("alice");
        String b = TestMarkets.trader("bob");
        alice = login(a, TestMarkets.PASSWORD);
        bob = login(b, TestMarkets.PASSWORD);
        alice.cancelAll(market);
        bob.cancelAll(market);
    }

    @AfterEach
    void logOut() {
        alice.close();
        bob.close();
    }

    @Test
    void placesAListedOrderThatShowsInOpenOrdersTheBookAndTheStreamsThenCancelsIt() throws Exception {
        assertThat(alice.markets()).anySatisfy(m -> {
            assertThat(m.symbol()).isEqualTo(market);
            assertThat(m.tickSize()).isEqualByComparingTo("1");
            assertThat(m.takerFee()).isEqualByComparingTo("0.001");
        });
        AtomicReference<Book> streamed = new AtomicReference<>();
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<List<Balance>> balances = new AtomicReference<>();
        try (AutoCloseable book = alice.onBook(market, streamed::set);
             AutoCloseable account = alice.onAccount(new AccountListener() {
                 @Override
                 public void orderEvent(OrderEvent event) {
                     events.add(event);
                 }

                 @Override
                 public void balances(List<Balance> list) {
                     balances.set(list);
                 }
             })) {
            await(() -> streamed.get() != null && balances.get() != null);

            OrderResult placed = alice.place(OrderRequest.limit(market, Side.BUY, new BigDecimal("90.00"),
                    new BigDecimal("0.5")));
            long id = placed.order().id();
            assertThat(placed.order().status()).isEqualTo(OrderStatus.OPEN);
            assertThat(alice.openOrders()).extracting(Order::id).contains(id);
            assertThat(alice.book(market, 10).bids()).anySatisfy(level -> {
                assertThat(level.price()).isEqualByComparingTo("90.00");
                assertThat(level.quantity()).isEqualByComparingTo("0.5");
            });
            await(() -> streamed.get().bids().stream().anyMatch(l -> l.price().compareTo(new BigDecimal("90")) == 0));
            await(() -> events.stream().anyMatch(e -> e.orderId() == id && e.type().equals("ACCEPTED")));
            await(() -> balances.get().stream().anyMatch(b -> b.asset().equals("TUSD")
                    && b.locked().signum() > 0));

            Order amended = alice.amend(id, new BigDecimal("91.00"), null).order();
            assertThat(amended.price()).isEqualByComparingTo("91.00");

            OrderResult cancelled = alice.cancel(id);
            assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(alice.openOrders()).extracting(Order::id).doesNotContain(id);
            assertThat(alice.orderHistory(50)).anySatisfy(o -> {
                assertThat(o.id()).isEqualTo(id);
                assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
            });
            await(() -> streamed.get().bids().isEmpty());
        }
    }

    @Test
    void takesARestingOrderAndClosesTheFill() throws Exception {
        List<PublicTrade> trades = new CopyOnWriteArrayList<>();
        List<Fill> aliceFills = new CopyOnWriteArrayList<>();
        AtomicReference<Book> bobBook = new AtomicReference<>();
        AtomicReference<List<Balance>> aliceBalances = new AtomicReference<>();
        try (AutoCloseable t = bob.onTrades(market, trades::add);
             AutoCloseable b = bob.onBook(market, bobBook::set);
             AutoCloseable a = alice.onAccount(new AccountListener() {
                 @Override
                 public void fill(Fill fill) {
                     aliceFills.add(fill);
                 }

                 @Override
                 public void balances(List<Balance> list) {
                     aliceBalances.set(list);
                 }
             })) {
            // Streams connect and subscribe asynchronously: under load the fill could come before the subscription.
            // The first snapshots show both sockets connected, their subscriptions sent with them.
            await(() -> bobBook.get() != null && aliceBalances.get() != null);
            alice.place(OrderRequest.limit(market, Side.BUY, new BigDecimal("99.00"), new BigDecimal("1")));
            long ask = alice.place(OrderRequest.limit(market, Side.SELL, new BigDecimal("101.00"), new BigDecimal("1")))
                    .order().id();

            OrderResult taken = bob.take(ask, new BigDecimal("0.4"));
            assertThat(taken.fills()).singleElement().satisfies(f -> {
                assertThat(f.side()).isEqualTo(Side.BUY);
                assertThat(f.price()).isEqualByComparingTo("101.00");
                assertThat(f.quantity()).isEqualByComparingTo("0.4");
            });
            await(() -> trades.stream().anyMatch(tr -> tr.price().compareTo(new BigDecimal("101")) == 0));
            await(() -> aliceFills.stream().anyMatch(f -> f.orderId() == ask));
            assertThat(bob.fills(20)).anySatisfy(f -> assertThat(f.orderId()).isEqualTo(taken.order().id()));

            OrderResult closed = bob.close(taken.order().id());
            assertThat(closed.closingOrder()).isNotNull();
            assertThat(closed.closingOrder().side()).isEqualTo(Side.SELL);
            assertThat(closed.fills()).allSatisfy(f -> assertThat(f.price()).isEqualByComparingTo("99.00"));
            assertThat(alice.cancelAll(market)).isEqualTo(2);
        }
    }

    @Test
    void refusalsAreClientExceptionsWithTheServersCode() {
        assertThatThrownBy(() -> alice.place(OrderRequest.limit(market, Side.BUY, new BigDecimal("90.50"),
                new BigDecimal("1"))))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldErrors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("price"));
                });
        assertThatThrownBy(() -> alice.place(OrderRequest.limit(market, Side.BUY, new BigDecimal("1000000.00"),
                new BigDecimal("50"))))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_FUNDS"));
        assertThatThrownBy(() -> alice.cancel(987654321L))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> alice.book("NOPE-TUSD", 5))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void marketDataIsOffered() {
        // The market-data job's candles and statistics are there (filled as its schedule runs).
        assertThat(alice.candles(market, CandleInterval.ONE_MINUTE, 10)).isPresent();
        assertThat(alice.stats()).isPresent();
    }

    @Test
    void armsListsAndCancelsAConditionalOrderOfItsOwn() {
        ConditionalOrder armed = alice.placeConditional(new ConditionalOrderRequest(market, "STOP_LOSS", Side.SELL,
                OrderType.MARKET, new BigDecimal("80"), null, null,
                new ConditionalOrder.Quantity("BASE", new BigDecimal("0.5"))));
        assertThat(armed.market()).isEqualTo(market);
        assertThat(armed.kind()).isEqualTo("STOP_LOSS");
        assertThat(armed.side()).isEqualTo(Side.SELL);
        assertThat(armed.status()).isEqualTo("ARMED");
        assertThat(armed.triggerPrice()).isEqualByComparingTo("80");
        assertThat(armed.limitPrice()).isNull();
        assertThat(armed.quantity().rule()).isEqualTo("BASE");
        assertThat(armed.quantity().value()).isEqualByComparingTo("0.5");

        assertThat(alice.conditionalOrders()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(armed.id());
            assertThat(c.status()).isEqualTo("ARMED");
        });
        // Another user neither sees nor cancels it: the same 404 as for an order that does not exist.
        assertThat(bob.conditionalOrders()).extracting(ConditionalOrder::id).doesNotContain(armed.id());
        assertThatThrownBy(() -> bob.cancelConditional(armed.id()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(404));

        alice.cancelConditional(armed.id());
        assertThat(alice.conditionalOrders()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(armed.id());
            assertThat(c.status()).isEqualTo("CANCELLED");
        });
        assertThatThrownBy(() -> alice.cancelConditional(armed.id()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
    }

    @Test
    void refusesAConditionalOrderWithoutItsTriggerPrice() {
        assertThatThrownBy(() -> alice.placeConditional(new ConditionalOrderRequest(market, "TAKE_PROFIT", Side.SELL,
                OrderType.LIMIT, null, new BigDecimal("120"), null,
                new ConditionalOrder.Quantity("BASE", new BigDecimal("0.5")))))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(20);
        }
    }
}
