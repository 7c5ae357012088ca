package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.AddMarket;
import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.AmendOrder;
import io.orderbook.domain.engine.Command.CancelOrder;
import io.orderbook.domain.engine.Command.CloseOrder;
import io.orderbook.domain.engine.Command.ExpireOrders;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.Command.RemoveMarket;
import io.orderbook.domain.engine.Command.SetMarketHalted;
import io.orderbook.domain.engine.Command.TakeOrder;
import io.orderbook.domain.engine.Command.UpdateMarket;
import io.orderbook.domain.engine.EngineEvent.BalanceAdjusted;
import io.orderbook.domain.engine.EngineEvent.CommandRejected;
import io.orderbook.domain.engine.EngineEvent.ExpireReason;
import io.orderbook.domain.engine.EngineEvent.MarketAdded;
import io.orderbook.domain.engine.EngineEvent.MarketHaltChanged;
import io.orderbook.domain.engine.EngineEvent.MarketRemoved;
import io.orderbook.domain.engine.EngineEvent.MarketUpdated;
import io.orderbook.domain.engine.EngineEvent.OrderAccepted;
import io.orderbook.domain.engine.EngineEvent.OrderAmended;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderClosed;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.EngineEvent.OrderFilled;
import io.orderbook.domain.engine.EngineEvent.OrderPartiallyFilled;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A matching engine under test, with markets, traders and short command builders, that checks the engine's
 * contracts after every command.
 *
 * <p>The main market, BTC-USD, has base scale 0 so that quantities are whole coins, prices whole dollars
 * and a trade's value is simply price × quantity. Its tick is 10, its lot 5, its minimum notional 1 000,
 * and it charges makers 0.1% and takers 0.2%: selling 10 at 1 000 is worth 10 000 and costs the maker 10
 * and the taker 20. ETH-USD shares the USD asset and has base scale 3 (1 ETH = 1 000 base units).
 *
 * <p>{@link #apply} returns the command's events rendered as short lines (see {@link #describe}) and checks,
 * after every command: {@link MatchingEngine#validate()}, that each asset's total across all accounts
 * changes only by deposits and withdrawals, that every event carries the command's time and the owner and
 * market of its order, and that a refused command emits only its refusal and leaves the state hash unchanged.
 * {@link #verifyDeterminism()} replays everything into a fresh engine and through a snapshot.
 */
final class TestExchange {
    static final int BTC = 1;
    static final int USD = 2;
    static final int ETH = 3;
    static final int BTC_USD = 1;
    static final int ETH_USD = 2;
    static final long ALICE = 1;
    static final long BOB = 2;
    static final long CAROL = 3;
    static final long START = 1_000;

    private final List<Market> markets;
    private final List<EngineEvent> events = new ArrayList<>();
    private final MatchingEngine engine;
    private final CloseRetention retention;
    private final List<Command> commands = new ArrayList<>();
    private final Map<Integer, Long> deposited = new HashMap<>();
    private final Map<Long, long[]> ownerAndMarket = new HashMap<>();
    private long now = START;

    private TestExchange(List<Market> markets) {
        this(markets, CloseRetention.DEFAULT);
    }

    private TestExchange(List<Market> markets, CloseRetention retention) {
        this.markets = List.copyOf(markets);
        this.retention = retention;
        this.engine = new MatchingEngine(events::add, retention);
        markets.forEach(engine::addMarket);
    }

    /** BTC-USD (no self-trade prevention by default) and ETH-USD. */
    static TestExchange create() {
        return withDefaultStp(SelfTradePrevention.NONE);
    }

    /** BTC-USD with the given default self-trade prevention, and ETH-USD. */
    static TestExchange withDefaultStp(SelfTradePrevention defaultStp) {
        return new TestExchange(List.of(btcUsd(defaultStp), ethUsd()));
    }

    /** BTC-USD and ETH-USD on an engine that keeps filled orders closable as {@code retention} says. */
    static TestExchange withCloseRetention(CloseRetention retention) {
        return new TestExchange(List.of(btcUsd(SelfTradePrevention.NONE), ethUsd()), retention);
    }

    static TestExchange withMarkets(Market... markets) {
        return new TestExchange(List.of(markets));
    }

    static Market btcUsd(SelfTradePrevention defaultStp) {
        return new Market(BTC_USD, "BTC-USD", BTC, USD, 0, 10, 5, 1_000, 1_000, 2_000, defaultStp);
    }

    static Market ethUsd() {
        // Price step 100 dollars, lot 0.01 ETH (10 base units), minimum notional 100, no maker fee, taker 0.1%.
        return new Market(ETH_USD, "ETH-USD", ETH, USD, 3, 100, 10, 100, 0, 1_000, SelfTradePrevention.NONE);
    }

    MatchingEngine engine() {
        return engine;
    }

    Market market(int marketId) {
        return engine.market(marketId).orElseThrow();
    }

    // ---- time ----

    long now() {
        return now;
    }

    /** Commands built after this carry the given time. */
    TestExchange at(long time) {
        now = time;
        return this;
    }

    // ---- running commands ----

    /** Applies a command, checks the engine's contracts, and returns its events as lines. */
    List<String> apply(Command command) {
        long hashBefore = engine.stateHash();
        int first = events.size();
        commands.add(command);
        engine.apply(command);
        List<EngineEvent> emitted = List.copyOf(events.subList(first, events.size()));
        check(command, emitted, hashBefore);
        return emitted.stream().map(TestExchange::describe).toList();
    }

    /** Applies setup commands, each of which must be accepted. */
    TestExchange given(Command... setup) {
        for (Command command : setup) {
            assertThat(apply(command)).as("setup command %s", command).noneMatch(line -> line.startsWith("rejected"));
        }
        return this;
    }

    /** Deposits to a user. */
    TestExchange fund(long userId, int asset, long amount) {
        return given(deposit(userId, asset, amount));
    }

    /** Gives Alice, Bob and Carol 1 000 BTC, 1 000 000 ETH units and 10 000 000 USD each. */
    TestExchange richTraders() {
        for (long user : List.of(ALICE, BOB, CAROL)) {
            fund(user, BTC, 1_000).fund(user, ETH, 1_000_000).fund(user, USD, 10_000_000);
        }
        return this;
    }

    /** Every event emitted so far. */
    List<EngineEvent> events() {
        return List.copyOf(events);
    }

    // ---- balances and book ----

    /** A user's balance of one asset. */
    record Funds(long available, long locked) {
    }

    static Funds funds(long available, long locked) {
        return new Funds(available, locked);
    }

    Funds funds(long userId, int asset) {
        return new Funds(engine.ledger().available(userId, asset), engine.ledger().locked(userId, asset));
    }

    long feeAccount(int asset) {
        return engine.ledger().available(Ledger.FEE_ACCOUNT, asset);
    }

    /** BTC-USD levels of a side as "quantity @ price (orders)". */
    List<String> book(Side side) {
        return engine.depth(BTC_USD, side, Integer.MAX_VALUE).stream()
                .map(level -> level.quantity() + " @ " + level.price() + " (" + level.orders() + ")")
                .toList();
    }

    /** Ids of a market side's resting orders in priority order. */
    List<Long> queue(int marketId, Side side) {
        return engine.snapshot().restingOrders().stream()
                .filter(order -> order.marketId() == marketId && order.side() == side)
                .map(EngineSnapshot.RestingOrder::orderId)
                .toList();
    }

    List<Long> queue(Side side) {
        return queue(BTC_USD, side);
    }

    EngineSnapshot.RestingOrder openOrder(long orderId) {
        return engine.openOrder(orderId).orElseThrow(() -> new AssertionError("order " + orderId + " is not open"));
    }

    // ---- command builders (BTC-USD, current time) ----

    /** A good-till-cancelled limit order: {@code quantity} coins at {@code price} dollars. */
    PlaceOrder limit(long orderId, long userId, Side side, long quantity, long price) {
        return PlaceOrder.limit(now, orderId, userId, BTC_USD, side, price, quantity);
    }

    PlaceOrder buy(long orderId, long userId, long quantity, long price) {
        return limit(orderId, userId, Side.BUY, quantity, price);
    }

    PlaceOrder sell(long orderId, long userId, long quantity, long price) {
        return limit(orderId, userId, Side.SELL, quantity, price);
    }

    PlaceOrder limitMaker(long orderId, long userId, Side side, long quantity, long price) {
        return limit(orderId, userId, side, quantity, price).withType(OrderType.LIMIT_MAKER);
    }

    PlaceOrder ioc(PlaceOrder order) {
        return order.withTimeInForce(TimeInForce.IOC, 0);
    }

    PlaceOrder fok(PlaceOrder order) {
        return order.withTimeInForce(TimeInForce.FOK, 0);
    }

    PlaceOrder gtd(PlaceOrder order, long expireAt) {
        return order.withTimeInForce(TimeInForce.GTD, expireAt);
    }

    /** An immediate-or-cancel market order sized in coins. */
    PlaceOrder market(long orderId, long userId, Side side, long quantity) {
        return PlaceOrder.market(now, orderId, userId, BTC_USD, side, quantity);
    }

    /** An immediate-or-cancel market buy spending at most {@code quoteAmount} dollars, fees included. */
    PlaceOrder marketBuyFor(long orderId, long userId, long quoteAmount) {
        return PlaceOrder.marketBuyForQuote(now, orderId, userId, BTC_USD, quoteAmount);
    }

    CancelOrder cancel(long orderId, long userId) {
        return new CancelOrder(now, orderId, userId);
    }

    AmendOrder amend(long orderId, long userId, long newQuantity, long newPrice) {
        return new AmendOrder(now, orderId, userId, newPrice, newQuantity);
    }

    TakeOrder take(long orderId, long userId, long targetOrderId, long quantity) {
        return new TakeOrder(now, orderId, userId, targetOrderId, quantity);
    }

    CloseOrder close(long orderId, long userId, long closingOrderId) {
        return new CloseOrder(now, orderId, userId, closingOrderId);
    }

    ExpireOrders expireOrders() {
        return new ExpireOrders(now);
    }

    AdjustBalance deposit(long userId, int asset, long amount) {
        return new AdjustBalance(now, userId, asset, amount);
    }

    AdjustBalance withdraw(long userId, int asset, long amount) {
        return new AdjustBalance(now, userId, asset, -amount);
    }

    SetMarketHalted halt(int marketId) {
        return new SetMarketHalted(now, marketId, true);
    }

    SetMarketHalted resume(int marketId) {
        return new SetMarketHalted(now, marketId, false);
    }

    AddMarket list(Market market) {
        return new AddMarket(now, market);
    }

    UpdateMarket update(Market market) {
        return new UpdateMarket(now, market);
    }

    RemoveMarket delist(int marketId) {
        return new RemoveMarket(now, marketId);
    }

    // ---- event lines ----

    /** One line per event, with every field but the time, user and market (which {@link #apply} checks). */
    static String describe(EngineEvent event) {
        return switch (event) {
            case CommandRejected e -> "rejected: " + e.reason();
            case OrderAccepted e -> "accepted #" + e.orderId() + ": " + e.side() + " " + e.type() + " "
                    + e.timeInForce() + " " + e.quantity() + (e.price() != 0 ? " @ " + e.price() : "")
                    + (e.quoteAmount() != 0 ? ", for " + e.quoteAmount() : "")
                    + (e.expireAt() != 0 ? ", until " + e.expireAt() : "")
                    + (e.stp() != SelfTradePrevention.NONE ? ", " + e.stp() : "");
            case TradeExecuted e -> "trade " + e.tradeId() + ": " + e.quantity() + " @ " + e.price()
                    + " = " + e.quoteQuantity() + ", maker #" + e.makerOrderId() + " fee " + e.makerFee()
                    + ", taker #" + e.takerOrderId() + " " + e.takerSide() + " fee " + e.takerFee();
            case OrderPartiallyFilled e -> "partially filled #" + e.orderId() + ": " + e.filledQuantity()
                    + " filled, " + e.openQuantity() + " open";
            case OrderFilled e -> "filled #" + e.orderId() + ": " + e.filledQuantity();
            case OrderCancelled e -> "cancelled #" + e.orderId() + " (" + e.reason() + "): "
                    + e.filledQuantity() + " filled, " + e.openQuantity() + " open";
            case OrderExpired e -> "expired #" + e.orderId() + " (" + e.reason() + "): "
                    + e.filledQuantity() + " filled, " + e.openQuantity() + " open";
            case OrderAmended e -> "amended #" + e.orderId() + ": " + e.quantity() + " @ " + e.price() + ", "
                    + e.openQuantity() + " open, priority " + (e.priorityKept() ? "kept" : "lost");
            case OrderClosed e -> e.closingOrderId() == 0
                    ? "closed #" + e.orderId() + " with nothing to trade back"
                    : "closed #" + e.orderId() + " by #" + e.closingOrderId() + " for " + e.quantity();
            case BalanceAdjusted e -> "adjusted user " + e.userId() + " asset " + e.asset() + " by " + e.amount()
                    + " to " + e.available();
            case MarketHaltChanged e -> (e.halted() ? "halted" : "resumed") + " market " + e.marketId();
            case MarketAdded e -> "listed " + describe(e.market());
            case MarketUpdated e -> "updated " + describe(e.market());
            case MarketRemoved e -> "delisted market " + e.market().id() + " " + e.market().symbol();
        };
    }

    /** A market's rules as "market 3 SOL-USD: tick 10, lot 5, min 1000, fees 1000/2000 ppm, stp NONE". */
    static String describe(Market m) {
        return "market " + m.id() + " " + m.symbol() + ": tick " + m.tickSize() + ", lot " + m.lotSize() + ", min "
                + m.minNotional() + ", fees " + m.makerFeePpm() + "/" + m.takerFeePpm() + " ppm, stp " + m.defaultStp();
    }

    // ---- contract checks ----

    private void check(Command command, List<EngineEvent> emitted, long hashBefore) {
        assertThat(emitted).as("events of %s", command).allMatch(event -> event.timestamp() == command.timestamp());
        engine.validate();
        for (EngineEvent event : emitted) {
            checkOwnership(event);
            if (event instanceof BalanceAdjusted adjusted) {
                deposited.merge(adjusted.asset(), adjusted.amount(), Long::sum);
            }
        }
        for (Map.Entry<Integer, Long> asset : deposited.entrySet()) {
            assertThat(engine.ledger().total(asset.getKey()))
                    .as("total of asset %d across all accounts, fee account included", asset.getKey())
                    .isEqualTo(asset.getValue());
        }
        if (!emitted.isEmpty() && emitted.getLast() instanceof CommandRejected rejected) {
            assertThat(rejected.command()).isSameAs(command);
            // A refusal changes nothing; the only exception is a resting order whose time was already up.
            List<EngineEvent> before = emitted.subList(0, emitted.size() - 1);
            assertThat(before).as("a refused %s must change nothing, yet it emitted", command)
                    .allMatch(e -> e instanceof OrderExpired x && x.reason() == ExpireReason.TIME);
            if (before.isEmpty()) {
                assertThat(engine.stateHash()).as("state after refused %s", command).isEqualTo(hashBefore);
            }
        }
        assertThat(emitted.stream().filter(CommandRejected.class::isInstance))
                .as("refusals among the events of %s", command)
                .hasSizeLessThanOrEqualTo(1);
    }

    private void checkOwnership(EngineEvent event) {
        switch (event) {
            case OrderAccepted e -> ownerAndMarket.put(e.orderId(), new long[] {e.userId(), e.marketId()});
            case TradeExecuted e -> {
                expectOwner(e.makerOrderId(), e.makerUserId(), e.marketId());
                expectOwner(e.takerOrderId(), e.takerUserId(), e.marketId());
            }
            case OrderPartiallyFilled e -> expectOwner(e.orderId(), e.userId(), e.marketId());
            case OrderFilled e -> expectOwner(e.orderId(), e.userId(), e.marketId());
            case OrderCancelled e -> expectOwner(e.orderId(), e.userId(), e.marketId());
            case OrderExpired e -> expectOwner(e.orderId(), e.userId(), e.marketId());
            case OrderAmended e -> expectOwner(e.orderId(), e.userId(), e.marketId());
            case OrderClosed e -> expectOwner(e.orderId(), e.userId(), -1);
            default -> { }
        }
    }

    private void expectOwner(long orderId, long userId, int marketId) {
        long[] known = ownerAndMarket.get(orderId);
        if (known != null) {
            assertThat(userId).as("owner of order %d", orderId).isEqualTo(known[0]);
            if (marketId >= 0) {
                assertThat((long) marketId).as("market of order %d", orderId).isEqualTo(known[1]);
            }
        }
    }

    /**
     * Replays every command into a fresh engine (same events, same state hash) and rebuilds the engine from
     * its snapshot (same snapshot, same hash, valid).
     */
    void verifyDeterminism() {
        List<EngineEvent> replayed = new ArrayList<>();
        MatchingEngine replay = new MatchingEngine(replayed::add, retention);
        markets.forEach(replay::addMarket);
        commands.forEach(replay::apply);
        assertThat(replayed).as("events of a replay").isEqualTo(events);
        assertThat(replay.stateHash()).as("state hash of a replay").isEqualTo(engine.stateHash());

        MatchingEngine restored = MatchingEngine.restore(engine.snapshot(), EventSink.NONE, retention);
        restored.validate();
        assertThat(restored.snapshot()).as("snapshot of the restored engine").isEqualTo(engine.snapshot());
        assertThat(restored.stateHash()).as("state hash of the restored engine").isEqualTo(engine.stateHash());
    }
}
