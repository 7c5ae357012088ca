package io.orderbook.domain.engine;

import io.orderbook.domain.book.BookListener;
import io.orderbook.domain.book.BookOrder;
import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.book.Sweep;
import io.orderbook.domain.book.TakerOutcome;
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
import io.orderbook.domain.engine.EngineEvent.CancelReason;
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
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The exchange: order books for many markets over one shared {@link Ledger}.
 *
 * <p>Single-threaded and deterministic: {@link #apply(Command)} runs one command to completion and reports
 * what happened to the {@link EventSink}; the same commands always give the same events and the same
 * {@link #stateHash()}. Risk is kept apart from matching: this class validates, reserves funds, and settles
 * the trades the books report; the books only match.
 *
 * <p>Funds: a buy reserves its limit-price value plus the higher of the two fee rates, a market buy the
 * value of what the book offers (or the quote amount it may spend), a sell its base quantity. Trades settle
 * from those reservations and pay fees, in the quote asset, to {@link Ledger#FEE_ACCOUNT}; what is left is
 * released when the order ends. No balance can go negative.
 */
public final class MatchingEngine {
    /**
     * Largest order value, and largest total supply of any asset (the sum of all its balances). Trades only
     * move amounts between accounts, so capping the supply at deposit time keeps every balance, order value
     * and fee far from overflow.
     */
    public static final long MAX_NOTIONAL = Long.MAX_VALUE / 4;

    private static final Comparator<Order> BY_EXPIRY =
            Comparator.comparingLong(Order::expireAt).thenComparingLong(Order::id);

    private final EventSink sink;
    private final Ledger ledger = new Ledger();
    private final Account feeAccount = ledger.account(Ledger.FEE_ACCOUNT);
    private final Settlement settlement = new Settlement();
    private final Long2ObjectHashMap<Order> openOrders = new Long2ObjectHashMap<>();
    /**
     * Orders that ended with something filled and may still be closed, oldest {@link Order#endedAt} first; bounded
     * by {@link #retention} so that the engine's memory does not grow with every order ever filled.
     */
    private final LinkedHashMap<Long, Order> filledOrders = new LinkedHashMap<>();
    private final CloseRetention retention;
    private final TreeSet<Order> goodTillDate = new TreeSet<>(BY_EXPIRY);
    private MarketState[] markets = new MarketState[8];
    private long nextTradeId = 1;
    private long now;

    /**
     * An empty engine whose filled orders stay closable as {@link CloseRetention#DEFAULT} says.
     *
     * @param sink receives every event; {@link EventSink#NONE} drops them
     */
    public MatchingEngine(EventSink sink) {
        this(sink, CloseRetention.DEFAULT);
    }

    /**
     * An empty engine whose filled orders stay closable as {@code retention} says.
     *
     * @param sink      receives every event; {@link EventSink#NONE} drops them
     * @param retention how long and how many filled orders stay closable
     * @throws NullPointerException if {@code retention} is null
     */
    public MatchingEngine(EventSink sink, CloseRetention retention) {
        this.sink = sink;
        this.retention = java.util.Objects.requireNonNull(retention, "retention");
    }

    /**
     * Adds a market with an empty book, without an event: for setting up an engine, where
     * {@link Command.AddMarket} is the way to list a market on a running one.
     *
     * @param market the market's rules
     * @throws IllegalArgumentException if a market with its id exists
     */
    public void addMarket(Market market) {
        if (market.id() < markets.length && markets[market.id()] != null) {
            throw new IllegalArgumentException("market " + market.id() + " already exists");
        }
        if (market.id() >= markets.length) {
            markets = Arrays.copyOf(markets, Math.max(market.id() + 1, markets.length * 2));
        }
        markets[market.id()] = new MarketState(market, settlement);
    }

    /**
     * The market with this id, if any.
     *
     * @param marketId the market's engine id
     * @return its current rules, or empty if no such market is listed
     */
    public Optional<Market> market(int marketId) {
        MarketState state = marketState(marketId);
        return state == null ? Optional.empty() : Optional.of(state.market);
    }

    /**
     * Balances of all users (read-only use).
     *
     * @return the engine's live ledger, not a copy
     */
    public Ledger ledger() {
        return ledger;
    }

    /**
     * Runs one command to completion, sending its events to the sink. A refused command gives
     * {@link EngineEvent.CommandRejected} instead of an exception.
     *
     * @param command the command; its timestamp becomes the engine's clock
     */
    public void apply(Command command) {
        now = command.timestamp();
        switch (command) {
            case PlaceOrder c -> place(c);
            case CancelOrder c -> cancel(c);
            case AmendOrder c -> amend(c);
            case TakeOrder c -> take(c);
            case CloseOrder c -> close(c);
            case ExpireOrders c -> expireDue();
            case AdjustBalance c -> adjustBalance(c);
            case SetMarketHalted c -> setHalted(c);
            case AddMarket c -> listMarket(c);
            case UpdateMarket c -> updateMarket(c);
            case RemoveMarket c -> removeMarket(c);
        }
    }

    // ---- commands ----

    private void place(PlaceOrder c) {
        place(c, c, null);
    }

    /**
     * Places an order; a refusal is reported against {@code source}, the command the user sent.
     * Returns whether the order was accepted. {@code closedRest}, if not null, is a resting order being closed:
     * the checks see the book without it, and it is cancelled only once the new order is accepted.
     */
    private boolean place(PlaceOrder c, Command source, Order closedRest) {
        MarketState state = marketState(c.marketId());
        RejectReason invalid = state == null ? RejectReason.UNKNOWN_MARKET : checkPlace(c, state);
        if (invalid != null) {
            return reject(source, invalid);
        }
        Market market = state.market;
        boolean marketOrder = c.type() == OrderType.MARKET;
        boolean quoteSized = marketOrder && c.quoteAmount() > 0;
        long price = marketOrder
                ? (c.side() == Side.BUY ? BookOrder.MARKET_BUY_PRICE : BookOrder.MARKET_SELL_PRICE)
                : c.price() / market.tickSize();
        long lots = quoteSized ? Long.MAX_VALUE : c.quantity() / market.lotSize();
        long budget = quoteSized ? Market.notionalWithin(c.quoteAmount(), market.takerFeePpm()) : BookOrder.UNLIMITED;
        Order order = newOrder(c, state, price, lots, budget);

        if (c.type() == OrderType.LIMIT_MAKER && state.book.wouldCross(c.side(), price)) {
            return reject(source, RejectReason.POST_ONLY_WOULD_TAKE);
        }
        long reserve;
        if (marketOrder || c.timeInForce() == TimeInForce.FOK) {
            Sweep sweep = state.book.sweep(order, now, closedRest);
            if (marketOrder && sweep.lots() == 0) {
                return reject(source, RejectReason.NO_LIQUIDITY);
            }
            if (c.timeInForce() == TimeInForce.FOK && sweep.lots() < lots) {
                return reject(source, RejectReason.FOK_NOT_FILLABLE);
            }
            if (marketOrder && c.side() == Side.BUY && !quoteSized) {
                if (sweep.notional() > MAX_NOTIONAL) {
                    // The reservation (value plus fee) could overflow; the sweep's value saturates at Long.MAX_VALUE.
                    return reject(source, RejectReason.AMOUNT_TOO_LARGE);
                }
                // Spend at most what the book offered when the order arrived.
                order = newOrder(c, state, price, lots, sweep.notional());
            }
        }
        if (c.side() == Side.SELL) {
            reserve = c.quantity();
        } else if (quoteSized) {
            reserve = c.quoteAmount();
        } else if (marketOrder) {
            reserve = order.budget() + Market.fee(order.budget(), market.takerFeePpm());
        } else {
            long notional = lots * price * state.unitNotional;
            reserve = notional + Market.fee(notional, market.maxFeePpm());
        }
        if (!order.account.lock(order.spendAsset(), reserve)) {
            return reject(source, RejectReason.INSUFFICIENT_FUNDS);
        }
        order.reserved = reserve;
        if (closedRest != null) {
            cancelForClose(closedRest);
        }
        openOrders.put(order.id(), order);
        sink.accept(new OrderAccepted(now, c.orderId(), c.userId(), c.marketId(), c.side(), c.type(),
                c.timeInForce(), c.price(), c.quantity(), c.quoteAmount(), c.expireAt(), order.selfTradePrevention()));
        TakerOutcome outcome = state.book.place(order, c.timeInForce().rests(), now);
        afterMatching(order, outcome);
        return true;
    }

    private Order newOrder(PlaceOrder c, MarketState state, long price, long lots, long budget) {
        SelfTradePrevention stp = c.stp() != null ? c.stp() : state.market.defaultStp();
        long expireAt = c.timeInForce() == TimeInForce.GTD ? c.expireAt() : BookOrder.NEVER;
        return new Order(c.orderId(), state, ledger.account(c.userId()), c.side(), c.type(), c.timeInForce(),
                price, lots, budget, expireAt, stp, c.type() == OrderType.MARKET && c.quoteAmount() > 0);
    }

    private RejectReason checkPlace(PlaceOrder c, MarketState state) {
        Market market = state.market;
        if (state.halted) {
            return RejectReason.MARKET_HALTED;
        }
        if (c.userId() <= 0) {
            return RejectReason.INVALID_USER;
        }
        if (isKnownOrderId(c.orderId())) {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        TimeInForce tif = c.timeInForce();
        if (tif == TimeInForce.GTD) {
            if (c.expireAt() <= 0) {
                return RejectReason.INVALID_EXPIRE_TIME;
            }
            if (c.expireAt() <= now) {
                return RejectReason.EXPIRE_TIME_IN_PAST;
            }
        } else if (c.expireAt() != 0) {
            return RejectReason.INVALID_EXPIRE_TIME;
        }
        if (c.type() == OrderType.MARKET) {
            return checkMarketOrder(c, market);
        }
        if (c.type() == OrderType.LIMIT_MAKER && !tif.rests()) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (c.quoteAmount() != 0) {
            return RejectReason.QUOTE_AMOUNT_NOT_ALLOWED;
        }
        RejectReason price = checkPrice(c.price(), market);
        if (price != null) {
            return price;
        }
        RejectReason quantity = checkQuantity(c.quantity(), market);
        if (quantity != null) {
            return quantity;
        }
        long notional = notional(c.quantity() / market.lotSize(), c.price() / market.tickSize(), state.unitNotional);
        if (notional < 0) {
            return RejectReason.AMOUNT_TOO_LARGE;
        }
        return notional < market.minNotional() ? RejectReason.BELOW_MIN_NOTIONAL : null;
    }

    private static RejectReason checkMarketOrder(PlaceOrder c, Market market) {
        if (c.price() != 0) {
            return RejectReason.PRICE_NOT_ALLOWED;
        }
        if (c.timeInForce() != TimeInForce.IOC && c.timeInForce() != TimeInForce.FOK) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (c.quoteAmount() < 0 || c.quantity() < 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (c.quoteAmount() == 0) {
            return checkQuantity(c.quantity(), market);
        }
        if (c.side() == Side.SELL) {
            return RejectReason.QUOTE_AMOUNT_NOT_ALLOWED;
        }
        if (c.quantity() != 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        if (c.timeInForce() == TimeInForce.FOK) {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (c.quoteAmount() > MAX_NOTIONAL) {
            return RejectReason.AMOUNT_TOO_LARGE;
        }
        return c.quoteAmount() < market.minNotional() ? RejectReason.BELOW_MIN_NOTIONAL : null;
    }

    private static RejectReason checkPrice(long price, Market market) {
        if (price <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        return price % market.tickSize() != 0 ? RejectReason.PRICE_NOT_TICK_MULTIPLE : null;
    }

    private static RejectReason checkQuantity(long quantity, Market market) {
        if (quantity <= 0) {
            return RejectReason.INVALID_QUANTITY;
        }
        return quantity % market.lotSize() != 0 ? RejectReason.QUANTITY_NOT_LOT_MULTIPLE : null;
    }

    /** Exact value of lots at a price, or -1 if it exceeds {@link #MAX_NOTIONAL}. */
    private static long notional(long lots, long priceTicks, long unitNotional) {
        long high = Math.multiplyHigh(lots, priceTicks);
        long perTick = lots * priceTicks;
        if (high != 0 || perTick < 0 || perTick > MAX_NOTIONAL / unitNotional) {
            return -1;
        }
        return perTick * unitNotional;
    }

    private void cancel(CancelOrder c) {
        Order order = openOrders.get(c.orderId());
        if (order == null || order.userId() != c.userId()) {
            reject(c, notOpen(c.orderId(), c.userId()));
            return;
        }
        order.market.book.cancel(order.id());
        emitCancelled(order, CancelReason.USER);
        finish(order);
    }

    private void amend(AmendOrder c) {
        Order order = openOrders.get(c.orderId());
        if (order == null || order.userId() != c.userId()) {
            reject(c, notOpen(c.orderId(), c.userId()));
            return;
        }
        MarketState state = order.market;
        Market market = state.market;
        RejectReason invalid = state.halted ? RejectReason.MARKET_HALTED : checkPrice(c.newPrice(), market);
        if (invalid == null) {
            invalid = checkQuantity(c.newQuantity(), market);
        }
        if (invalid != null) {
            reject(c, invalid);
            return;
        }
        if (order.expireAt() <= now) {
            // Its time is up: expire it as matching would, rather than let the amended order trade.
            state.book.cancel(order.id());
            emitExpired(order, ExpireReason.TIME);
            finish(order);
            reject(c, RejectReason.ORDER_NOT_OPEN);
            return;
        }
        long newPrice = c.newPrice() / market.tickSize();
        long newOpenLots = c.newQuantity() / market.lotSize() - order.filledLots();
        if (newOpenLots <= 0) {
            reject(c, RejectReason.INVALID_QUANTITY);
            return;
        }
        long totalNotional = notional(c.newQuantity() / market.lotSize(), newPrice, state.unitNotional);
        if (totalNotional < 0) {
            reject(c, RejectReason.AMOUNT_TOO_LARGE);
            return;
        }
        if (totalNotional < market.minNotional()) {
            reject(c, RejectReason.BELOW_MIN_NOTIONAL);
            return;
        }
        if (order.type == OrderType.LIMIT_MAKER && newPrice != order.price()
                && state.book.wouldCross(order.side(), newPrice)) {
            reject(c, RejectReason.POST_ONLY_WOULD_TAKE);
            return;
        }
        long required = reservationFor(order, newPrice, newOpenLots);
        long extra = required - order.reserved;
        if (extra > 0 && !order.account.lock(order.spendAsset(), extra)) {
            reject(c, RejectReason.INSUFFICIENT_FUNDS);
            return;
        }
        if (extra < 0) {
            order.account.unlock(order.spendAsset(), -extra);
        }
        order.reserved = required;
        boolean keepsPriority = newPrice == order.price() && newOpenLots <= order.openLots();
        sink.accept(new OrderAmended(now, order.id(), order.userId(), market.id(), c.newPrice(), c.newQuantity(),
                newOpenLots * market.lotSize(), keepsPriority));
        if (keepsPriority) {
            if (newOpenLots < order.openLots()) {
                state.book.reduce(order, newOpenLots);
            }
        } else {
            long filledBefore = order.filledLots();
            TakerOutcome outcome = state.book.replace(order, newPrice, newOpenLots, now);
            // An order that traded nothing and rests again has nothing to report beyond the amendment.
            if (outcome != TakerOutcome.RESTING || order.filledLots() > filledBefore) {
                afterMatching(order, outcome);
            }
        }
    }

    /** What a resting order must hold to cover its open quantity at a price. */
    private static long reservationFor(Order order, long priceTicks, long openLots) {
        Market market = order.market.market;
        if (order.side() == Side.SELL) {
            return openLots * market.lotSize();
        }
        long notional = openLots * priceTicks * order.market.unitNotional;
        return notional + Market.fee(notional, market.maxFeePpm());
    }

    private void take(TakeOrder c) {
        Order maker = openOrders.get(c.targetOrderId());
        if (maker == null) {
            reject(c, RejectReason.UNKNOWN_ORDER);
            return;
        }
        MarketState state = maker.market;
        Market market = state.market;
        RejectReason invalid = null;
        if (state.halted) {
            invalid = RejectReason.MARKET_HALTED;
        } else if (c.userId() <= 0) {
            invalid = RejectReason.INVALID_USER;
        } else if (maker.userId() == c.userId()) {
            invalid = RejectReason.CANNOT_TAKE_OWN_ORDER;
        } else if (isKnownOrderId(c.orderId())) {
            invalid = RejectReason.DUPLICATE_ORDER_ID;
        } else if (c.quantity() < 0) {
            invalid = RejectReason.INVALID_QUANTITY;
        } else if (c.quantity() % market.lotSize() != 0) {
            invalid = RejectReason.QUANTITY_NOT_LOT_MULTIPLE;
        }
        if (invalid != null) {
            reject(c, invalid);
            return;
        }
        if (maker.expireAt() <= now) {
            // The target's time is up: expire it as matching would, and report it gone.
            state.book.cancel(maker.id());
            emitExpired(maker, ExpireReason.TIME);
            finish(maker);
            reject(c, RejectReason.UNKNOWN_ORDER);
            return;
        }
        long lots = c.quantity() == 0 ? maker.openLots() : Math.min(c.quantity() / market.lotSize(), maker.openLots());
        long notional = lots * maker.price() * state.unitNotional;
        if (lots < maker.openLots() && notional < market.minNotional()) {
            reject(c, RejectReason.BELOW_MIN_NOTIONAL);
            return;
        }
        Side side = maker.side().opposite();
        Order taker = new Order(c.orderId(), state, ledger.account(c.userId()), side, OrderType.LIMIT,
                TimeInForce.IOC, maker.price(), lots, BookOrder.UNLIMITED, BookOrder.NEVER,
                SelfTradePrevention.NONE, false);
        long reserve = side == Side.BUY
                ? notional + Market.fee(notional, market.takerFeePpm())
                : lots * market.lotSize();
        if (!taker.account.lock(taker.spendAsset(), reserve)) {
            reject(c, RejectReason.INSUFFICIENT_FUNDS);
            return;
        }
        taker.reserved = reserve;
        openOrders.put(taker.id(), taker);
        sink.accept(new OrderAccepted(now, taker.id(), c.userId(), market.id(), side, OrderType.LIMIT,
                TimeInForce.IOC, maker.price() * market.tickSize(), lots * market.lotSize(), 0, 0,
                SelfTradePrevention.NONE));
        state.book.take(taker, maker, lots);
        afterMatching(taker, TakerOutcome.FILLED);
    }

    private void close(CloseOrder c) {
        Order order = openOrders.get(c.orderId());
        if (order == null) {
            order = closable(c.orderId());
        }
        if (order == null || order.userId() != c.userId()) {
            reject(c, RejectReason.UNKNOWN_ORDER);
            return;
        }
        RejectReason invalid = null;
        if (order.closed) {
            invalid = RejectReason.ALREADY_CLOSED;
        } else if (order.market.halted) {
            invalid = RejectReason.MARKET_HALTED;
        } else if (order.filledLots() > 0 && isKnownOrderId(c.closingOrderId())) {
            invalid = RejectReason.DUPLICATE_ORDER_ID;
        }
        if (invalid != null) {
            reject(c, invalid);
            return;
        }
        if (order.filledLots() == 0) {
            // Never filled, so still resting: closing only cancels it.
            cancelForClose(order);
            sink.accept(new OrderClosed(now, order.id(), order.userId(), 0, 0));
            return;
        }
        Market market = order.market.market;
        long quantity = order.filledLots() * market.lotSize();
        PlaceOrder closing = PlaceOrder.market(now, c.closingOrderId(), c.userId(), market.id(),
                order.side().opposite(), quantity);
        // place cancels the rest only once the closing order is accepted, so a refused close changes nothing.
        if (place(closing, c, order.isResting() ? order : null)) {
            order.closed = true;
            keepClosable(order);
            sink.accept(new OrderClosed(now, order.id(), order.userId(), c.closingOrderId(), quantity));
        }
    }

    private void cancelForClose(Order order) {
        order.market.book.cancel(order.id());
        emitCancelled(order, CancelReason.CLOSE);
        finish(order);
    }

    private void expireDue() {
        while (!goodTillDate.isEmpty() && goodTillDate.first().expireAt() <= now) {
            Order order = goodTillDate.first();
            order.market.book.cancel(order.id());
            emitExpired(order, ExpireReason.TIME);
            finish(order);
        }
    }

    private void adjustBalance(AdjustBalance c) {
        RejectReason invalid = null;
        if (c.userId() < 0) {
            invalid = RejectReason.INVALID_USER;
        } else if (c.asset() < 0 || c.asset() > Short.MAX_VALUE) {
            invalid = RejectReason.UNKNOWN_ASSET;
        } else if (c.amount() == 0) {
            invalid = RejectReason.INVALID_AMOUNT;
        } else if (c.amount() > MAX_NOTIONAL || c.amount() < -MAX_NOTIONAL) {
            invalid = RejectReason.AMOUNT_TOO_LARGE;
        }
        if (invalid != null) {
            reject(c, invalid);
            return;
        }
        Account account = ledger.account(c.userId());
        if (c.amount() > 0) {
            if (ledger.supply(c.asset()) > MAX_NOTIONAL - c.amount()) {
                reject(c, RejectReason.AMOUNT_TOO_LARGE);
                return;
            }
            account.credit(c.asset(), c.amount());
        } else if (!account.debit(c.asset(), -c.amount())) {
            reject(c, RejectReason.INSUFFICIENT_FUNDS);
            return;
        }
        ledger.changeSupply(c.asset(), c.amount());
        sink.accept(new BalanceAdjusted(now, c.userId(), c.asset(), c.amount(), account.available(c.asset())));
    }

    private void setHalted(SetMarketHalted c) {
        MarketState state = marketState(c.marketId());
        if (state == null) {
            reject(c, RejectReason.UNKNOWN_MARKET);
            return;
        }
        state.halted = c.halted();
        sink.accept(new MarketHaltChanged(now, c.marketId(), c.halted()));
    }

    private void listMarket(AddMarket c) {
        Market market = c.market();
        if (marketState(market.id()) != null || marketBySymbol(market.symbol()) != null) {
            reject(c, RejectReason.MARKET_EXISTS);
            return;
        }
        addMarket(market);
        sink.accept(new MarketAdded(now, market));
    }

    private void updateMarket(UpdateMarket c) {
        Market next = c.market();
        MarketState state = marketState(next.id());
        if (state == null) {
            reject(c, RejectReason.UNKNOWN_MARKET);
            return;
        }
        Market current = state.market;
        boolean sameIdentity = next.symbol().equals(current.symbol()) && next.baseAsset() == current.baseAsset()
                && next.quoteAsset() == current.quoteAsset() && next.baseScale() == current.baseScale();
        if (!sameIdentity) {
            reject(c, RejectReason.MARKET_FIELD_IMMUTABLE);
            return;
        }
        boolean newUnits = next.tickSize() != current.tickSize() || next.lotSize() != current.lotSize();
        if (newUnits && (state.book.orderCount() > 0 || hasClosableOrders(state))) {
            // Open and closable orders count their prices in ticks and their quantities in lots.
            reject(c, RejectReason.MARKET_HAS_ORDERS);
            return;
        }
        if (next.maxFeePpm() > current.maxFeePpm() && state.book.bestPrice(Side.BUY) != OrderBook.NO_PRICE) {
            // Resting buys reserved their fee at the old, lower rate.
            reject(c, RejectReason.MARKET_HAS_ORDERS);
            return;
        }
        if (newUnits) {
            // Nothing refers to the old book: start a new one counted in the new units.
            MarketState replaced = new MarketState(next, settlement);
            replaced.halted = state.halted;
            markets[next.id()] = replaced;
        } else {
            state.market = next;
        }
        sink.accept(new MarketUpdated(now, next));
    }

    private void removeMarket(RemoveMarket c) {
        MarketState state = marketState(c.marketId());
        if (state == null) {
            reject(c, RejectReason.UNKNOWN_MARKET);
            return;
        }
        if (state.book.orderCount() > 0) {
            reject(c, RejectReason.MARKET_HAS_ORDERS);
            return;
        }
        filledOrders.values().removeIf(order -> order.market == state);
        markets[c.marketId()] = null;
        sink.accept(new MarketRemoved(now, state.market));
    }

    private boolean hasClosableOrders(MarketState state) {
        for (Order order : filledOrders.values()) {
            if (order.market == state) {
                return true;
            }
        }
        return false;
    }

    private MarketState marketBySymbol(String symbol) {
        for (MarketState state : markets) {
            if (state != null && state.market.symbol().equals(symbol)) {
                return state;
            }
        }
        return null;
    }

    // ---- order life cycle ----

    private void afterMatching(Order order, TakerOutcome outcome) {
        switch (outcome) {
            case RESTING -> {
                if (order.filledLots() > 0) {
                    emitPartiallyFilled(order);
                }
                if (order.expireAt() != BookOrder.NEVER) {
                    goodTillDate.add(order);
                }
            }
            case FILLED -> {
                emitFilled(order);
                finish(order);
            }
            case UNFILLED -> {
                // A quote-sized buy that traded and still faces liquidity stopped because its budget is spent.
                boolean budgetSpent = order.quoteSized && order.filledLots() > 0
                        && order.market.book.bestPrice(order.side().opposite()) != OrderBook.NO_PRICE;
                if (budgetSpent) {
                    emitFilled(order);
                } else {
                    emitExpired(order, ExpireReason.NOT_FILLED);
                }
                finish(order);
            }
            case SELF_TRADE -> {
                emitExpired(order, ExpireReason.SELF_TRADE_PREVENTION);
                finish(order);
            }
        }
    }

    /** Releases what an order still holds and files it away; the order is no longer in any book. */
    private void finish(Order order) {
        if (order.reserved > 0) {
            order.account.unlock(order.spendAsset(), order.reserved);
            order.reserved = 0;
        }
        openOrders.remove(order.id());
        if (order.expireAt() != BookOrder.NEVER) {
            goodTillDate.remove(order);
        }
        if (order.filledLots() > 0) {
            keepClosable(order);
        }
    }

    /**
     * Files an ended order with fills (or one just closed) as the newest closable order, then forgets the orders
     * whose close period has passed and, beyond {@link CloseRetention#maxOrders()}, the oldest.
     */
    private void keepClosable(Order order) {
        filledOrders.remove(order.id());
        order.endedAt = now;
        filledOrders.put(order.id(), order);
        var oldest = filledOrders.values().iterator();
        while (oldest.hasNext()) {
            Order candidate = oldest.next();
            if (filledOrders.size() <= retention.maxOrders() && !retention.isPast(candidate.endedAt, now)) {
                break;
            }
            oldest.remove();
        }
    }

    /** A filled order still in its close period, or null. Checked against the clock, whether or not it was swept. */
    private Order closable(long orderId) {
        Order order = filledOrders.get(orderId);
        return order == null || retention.isPast(order.endedAt, now) ? null : order;
    }

    /**
     * How many ended orders with fills the engine remembers for closing (for tests and metrics).
     *
     * @return the count, at most the retention's {@code maxOrders}
     */
    int closableOrderCount() {
        return filledOrders.size();
    }

    /**
     * Why a cancel or amend of an order that is not open (or not the user's) is refused: {@code ORDER_NOT_OPEN} when
     * the engine still holds it as the user's ended order (one with fills, in its close period), so that the caller
     * need not look it up; otherwise {@code UNKNOWN_ORDER}, also for another user's order.
     */
    private RejectReason notOpen(long orderId, long userId) {
        Order ended = filledOrders.get(orderId);
        return ended != null && ended.userId() == userId ? RejectReason.ORDER_NOT_OPEN : RejectReason.UNKNOWN_ORDER;
    }

    private boolean isKnownOrderId(long orderId) {
        return openOrders.containsKey(orderId) || filledOrders.containsKey(orderId);
    }

    private boolean reject(Command command, RejectReason reason) {
        sink.accept(new CommandRejected(now, command, reason));
        return false;
    }

    private void emitPartiallyFilled(Order order) {
        long lotSize = order.market.market.lotSize();
        sink.accept(new OrderPartiallyFilled(now, order.id(), order.userId(), order.market.market.id(),
                order.filledLots() * lotSize, order.openLots() * lotSize));
    }

    private void emitFilled(Order order) {
        sink.accept(new OrderFilled(now, order.id(), order.userId(), order.market.market.id(),
                order.filledLots() * order.market.market.lotSize()));
    }

    private void emitCancelled(Order order, CancelReason reason) {
        long lotSize = order.market.market.lotSize();
        sink.accept(new OrderCancelled(now, order.id(), order.userId(), order.market.market.id(),
                order.filledLots() * lotSize, order.openLots() * lotSize, reason));
    }

    private void emitExpired(Order order, ExpireReason reason) {
        long lotSize = order.market.market.lotSize();
        long open = order.quoteSized ? 0 : order.openLots() * lotSize;
        sink.accept(new OrderExpired(now, order.id(), order.userId(), order.market.market.id(),
                order.filledLots() * lotSize, open, reason));
    }

    /** Settles each trade the books report and finishes resting orders that leave the book. */
    private final class Settlement implements BookListener {
        @Override
        public void trade(BookOrder makerOrder, BookOrder takerOrder, long priceTicks, long lots) {
            Order maker = (Order) makerOrder;
            Order taker = (Order) takerOrder;
            MarketState state = maker.market;
            Market market = state.market;
            long notional = lots * priceTicks * state.unitNotional;
            long baseQuantity = lots * market.lotSize();
            long makerFee = Market.fee(notional, market.makerFeePpm());
            long takerFee = Market.fee(notional, market.takerFeePpm());
            boolean takerBuys = taker.side() == Side.BUY;
            Order buyer = takerBuys ? taker : maker;
            Order seller = takerBuys ? maker : taker;
            long buyerFee = takerBuys ? takerFee : makerFee;
            long sellerFee = takerBuys ? makerFee : takerFee;

            buyer.account.spendLocked(market.quoteAsset(), notional + buyerFee);
            buyer.reserved -= notional + buyerFee;
            credit(buyer.account, market.baseAsset(), baseQuantity);
            seller.account.spendLocked(market.baseAsset(), baseQuantity);
            seller.reserved -= baseQuantity;
            credit(seller.account, market.quoteAsset(), notional - sellerFee);
            credit(feeAccount, market.quoteAsset(), buyerFee + sellerFee);

            sink.accept(new TradeExecuted(now, nextTradeId++, market.id(), priceTicks * market.tickSize(),
                    baseQuantity, notional, maker.id(), maker.userId(), taker.id(), taker.userId(), taker.side(),
                    makerFee, takerFee));
            if (maker.openLots() == 0) {
                emitFilled(maker);
                finish(maker);
            } else {
                emitPartiallyFilled(maker);
            }
        }

        @Override
        public void makerRemoved(BookOrder makerOrder, MakerRemoval reason) {
            Order maker = (Order) makerOrder;
            emitExpired(maker, reason == MakerRemoval.EXPIRED ? ExpireReason.TIME : ExpireReason.SELF_TRADE_PREVENTION);
            finish(maker);
        }

        private static void credit(Account account, int asset, long amount) {
            if (!account.credit(asset, amount)) {
                throw new IllegalStateException("balance overflow for account " + account.userId);
            }
        }
    }

    // ---- queries, state hash, snapshots ----

    /**
     * Up to {@code maxLevels} aggregated levels of a market's side, best first.
     *
     * @param marketId  the market
     * @param side      bids ({@code BUY}) or asks ({@code SELL})
     * @param maxLevels most levels to return
     * @return the levels, prices and quantities in market units; empty for an empty side
     * @throws IllegalArgumentException if the market is unknown
     */
    public List<BookLevel> depth(int marketId, Side side, int maxLevels) {
        MarketState state = requireMarket(marketId);
        Market market = state.market;
        return state.book.depth(side, maxLevels).stream()
                .map(level -> new BookLevel(level.priceTicks() * market.tickSize(), level.lots() * market.lotSize(),
                        level.orders()))
                .toList();
    }

    /**
     * An open order's current state, if it is open.
     *
     * @param orderId the order
     * @return its state, or empty if it is unknown or no longer open
     */
    public Optional<EngineSnapshot.RestingOrder> openOrder(long orderId) {
        Order order = openOrders.get(orderId);
        return order == null ? Optional.empty() : Optional.of(describe(order));
    }

    /**
     * The ids of a user's open orders in one market, oldest first. Looks at every open order of the engine, so it is
     * meant for rare calls such as a cancel-all, not for every command.
     *
     * @param userId   the owner
     * @param marketId the market
     * @return the ids in ascending order (order ids grow with time)
     */
    public List<Long> openOrderIds(long userId, int marketId) {
        List<Long> ids = new ArrayList<>();
        for (Order order : openOrders.values()) {
            if (order.userId() == userId && order.market.market.id() == marketId) {
                ids.add(order.id());
            }
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Number of open orders across all markets.
     *
     * @return the count
     */
    public int openOrderCount() {
        return openOrders.size();
    }

    /**
     * A hash of the complete state (books in priority order, balances, closable orders, counters). Equal
     * states give equal hashes, whatever the order of hash-map iteration.
     *
     * @return the hash
     */
    public long stateHash() {
        StateHash hash = new StateHash();
        EngineSnapshot snapshot = snapshot();
        for (Market market : snapshot.markets()) {
            hash.add(market.id()).add(market.symbol().hashCode()).add(market.baseAsset()).add(market.quoteAsset())
                    .add(market.baseScale()).add(market.tickSize()).add(market.lotSize()).add(market.minNotional())
                    .add(market.makerFeePpm()).add(market.takerFeePpm()).add(market.defaultStp().ordinal());
        }
        snapshot.haltedMarkets().forEach(hash::add);
        for (Ledger.Balance balance : snapshot.balances()) {
            hash.add(balance.userId()).add(balance.asset()).add(balance.available()).add(balance.locked());
        }
        for (EngineSnapshot.RestingOrder order : snapshot.restingOrders()) {
            hash.add(order.orderId()).add(order.userId()).add(order.marketId()).add(order.side().ordinal())
                    .add(order.type().ordinal()).add(order.timeInForce().ordinal()).add(order.price())
                    .add(order.openQuantity()).add(order.filledQuantity()).add(order.reserved())
                    .add(order.expireAt()).add(order.stp().ordinal());
        }
        for (EngineSnapshot.ClosableOrder order : snapshot.closableOrders()) {
            hash.add(order.orderId()).add(order.userId()).add(order.marketId()).add(order.side().ordinal())
                    .add(order.filledQuantity()).add(order.closed() ? 1 : 0);
        }
        return hash.add(snapshot.nextTradeId()).value();
    }

    /**
     * The complete state, from which {@link #restore} rebuilds an identical engine.
     *
     * @return a snapshot that does not change as the engine goes on
     */
    public EngineSnapshot snapshot() {
        List<Market> marketList = new ArrayList<>();
        List<Integer> halted = new ArrayList<>();
        List<EngineSnapshot.RestingOrder> resting = new ArrayList<>();
        for (MarketState state : markets) {
            if (state == null) {
                continue;
            }
            marketList.add(state.market);
            if (state.halted) {
                halted.add(state.market.id());
            }
            for (Side side : Side.values()) {
                state.book.forEachOrder(side, order -> resting.add(describe((Order) order)));
            }
        }
        List<EngineSnapshot.ClosableOrder> closable = new ArrayList<>();
        for (Order order : filledOrders.values()) {
            closable.add(new EngineSnapshot.ClosableOrder(order.id(), order.userId(), order.market.market.id(),
                    order.side(), order.filledLots() * order.market.market.lotSize(), order.closed, order.endedAt));
        }
        closable.sort(Comparator.comparingLong(EngineSnapshot.ClosableOrder::orderId));
        return new EngineSnapshot(marketList, halted, ledger.balances(), resting, closable, nextTradeId);
    }

    /**
     * Rebuilds an engine from a snapshot; it behaves exactly as the engine the snapshot was taken from.
     *
     * @param snapshot the state to restore
     * @param sink     receives the new engine's events
     * @return the new engine, with {@link CloseRetention#DEFAULT}
     */
    public static MatchingEngine restore(EngineSnapshot snapshot, EventSink sink) {
        return restore(snapshot, sink, CloseRetention.DEFAULT);
    }

    /**
     * Rebuilds an engine from a snapshot, with the close retention the engine it was taken from had; it behaves
     * exactly as that engine.
     *
     * @param snapshot  the state to restore
     * @param sink      receives the new engine's events
     * @param retention the close retention to keep to from now on
     * @return the new engine
     */
    public static MatchingEngine restore(EngineSnapshot snapshot, EventSink sink, CloseRetention retention) {
        MatchingEngine engine = new MatchingEngine(sink, retention);
        snapshot.markets().forEach(engine::addMarket);
        snapshot.haltedMarkets().forEach(id -> engine.requireMarket(id).halted = true);
        for (Ledger.Balance balance : snapshot.balances()) {
            engine.ledger.account(balance.userId()).set(balance.asset(), balance.available(), balance.locked());
            engine.ledger.changeSupply(balance.asset(), Math.addExact(balance.available(), balance.locked()));
        }
        for (EngineSnapshot.RestingOrder resting : snapshot.restingOrders()) {
            MarketState state = engine.requireMarket(resting.marketId());
            Market market = state.market;
            Order order = new Order(resting.orderId(), state, engine.ledger.account(resting.userId()), resting.side(),
                    resting.type(), resting.timeInForce(), resting.price() / market.tickSize(),
                    resting.openQuantity() / market.lotSize(), BookOrder.UNLIMITED,
                    resting.expireAt() == 0 ? BookOrder.NEVER : resting.expireAt(), resting.stp(), false);
            order.restoreFilled(resting.filledQuantity() / market.lotSize());
            order.reserved = resting.reserved();
            state.book.restore(order);
            engine.openOrders.put(order.id(), order);
            if (order.expireAt() != BookOrder.NEVER) {
                engine.goodTillDate.add(order);
            }
        }
        List<EngineSnapshot.ClosableOrder> byEnd = new ArrayList<>(snapshot.closableOrders());
        byEnd.sort(Comparator.comparingLong(EngineSnapshot.ClosableOrder::endedAt)
                .thenComparingLong(EngineSnapshot.ClosableOrder::orderId));
        for (EngineSnapshot.ClosableOrder closable : byEnd) {
            MarketState state = engine.requireMarket(closable.marketId());
            Order order = new Order(closable.orderId(), state, engine.ledger.account(closable.userId()),
                    closable.side(), OrderType.LIMIT, TimeInForce.GTC, 0, 0, BookOrder.UNLIMITED, BookOrder.NEVER,
                    SelfTradePrevention.NONE, false);
            order.restoreFilled(closable.filledQuantity() / state.market.lotSize());
            order.closed = closable.closed();
            order.endedAt = closable.endedAt();
            engine.filledOrders.put(order.id(), order);
        }
        engine.nextTradeId = snapshot.nextTradeId();
        return engine;
    }

    /**
     * Checks every invariant (book structure, no negative balance, each open order's reservation covers it,
     * locked balances equal the sum of reservations) and throws {@link IllegalStateException} on the first
     * violation. For tests.
     */
    public void validate() {
        int resting = 0;
        for (MarketState state : markets) {
            if (state != null) {
                state.book.validate();
                resting += state.book.orderCount();
            }
        }
        if (resting != openOrders.size()) {
            throw new IllegalStateException(openOrders.size() + " open orders but " + resting + " resting");
        }
        Map<List<Long>, Long> reservedByBalance = new HashMap<>();
        for (Order order : openOrders.values()) {
            if (!order.isResting() || order.reserved < reservationFor(order, order.price(), order.openLots())) {
                throw new IllegalStateException("order " + order.id() + " does not hold enough funds");
            }
            reservedByBalance.merge(List.of(order.userId(), (long) order.spendAsset()), order.reserved, Long::sum);
        }
        for (Ledger.Balance balance : ledger.balances()) {
            if (balance.available() < 0 || balance.locked() < 0) {
                throw new IllegalStateException("negative balance " + balance);
            }
            long expected = reservedByBalance.getOrDefault(List.of(balance.userId(), (long) balance.asset()), 0L);
            if (balance.locked() != expected) {
                throw new IllegalStateException("locked " + balance + " but orders reserve " + expected);
            }
        }
    }

    private EngineSnapshot.RestingOrder describe(Order order) {
        Market market = order.market.market;
        return new EngineSnapshot.RestingOrder(order.id(), order.userId(), market.id(), order.side(), order.type,
                order.timeInForce, order.price() * market.tickSize(), order.openLots() * market.lotSize(),
                order.filledLots() * market.lotSize(), order.reserved,
                order.expireAt() == BookOrder.NEVER ? 0 : order.expireAt(), order.selfTradePrevention());
    }

    private MarketState marketState(int marketId) {
        return marketId >= 0 && marketId < markets.length ? markets[marketId] : null;
    }

    private MarketState requireMarket(int marketId) {
        MarketState state = marketState(marketId);
        if (state == null) {
            throw new IllegalArgumentException("unknown market " + marketId);
        }
        return state;
    }
}
