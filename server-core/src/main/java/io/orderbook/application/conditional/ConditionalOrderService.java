package io.orderbook.application.conditional;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.conditional.ConditionalOrderStore.Claims;
import io.orderbook.application.conditional.ConditionalOrderStore.Crossing;
import io.orderbook.application.conditional.ConditionalOrderStore.Firing;
import io.orderbook.application.orders.Balance;
import io.orderbook.application.orders.BalanceService;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.NewOrder;
import io.orderbook.application.orders.OrderFilter;
import io.orderbook.application.orders.OrderOutcome;
import io.orderbook.application.orders.OrderRecord;
import io.orderbook.application.orders.OrderService;
import io.orderbook.application.orders.Retry;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.SequencerUnavailableException;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.conditional.OrderSizing;
import io.orderbook.domain.conditional.QuantityRule;
import io.orderbook.domain.conditional.TriggerIndex;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conditional orders: users arm, list and cancel their own (administrators see all), and price events fire them.
 *
 * <p>As the {@link PriceObserver}, each price goes to the {@link TriggerIndex} of every market it applies to (a
 * market symbol applies to that market, an asset code to every market with that base asset; the price is taken in
 * the market's quote minor units, rounded half up). Only crossed orders cost a database round trip: all crossed
 * orders of a batch of ticks are claimed in one transaction ({@link ConditionalOrderStore#claim}: ARMED to
 * TRIGGERED, the one-cancels-the-other sibling cancelled), placed together through {@link OrderService#fire}
 * (so they share the sequencer's group commits and pass the same checks as a user's order, funds included) under
 * the client order id and idempotency key {@code cond-<id>}, and marked FIRED or FAILED in the sequencer's commit of
 * the placed order (or, when the sequencer did not apply one, in one more statement).
 * {@link #onPrices} returns once the claim is durable; placing and finishing run on a firing thread of their own
 * (at most {@value #MAX_FIRINGS_IN_FLIGHT} claimed batches at once), so the price consumer reads on meanwhile.
 * The claim makes each order fire at most once across redelivered events and server instances; the fixed
 * idempotency key makes a firing interrupted after its claim (a crash, the sequencer unavailable) safe to finish
 * later by {@link #resumeInterrupted()}, which gets the first answer if the order was placed. Events are not
 * deduplicated by id: a price fed again (the price watcher) fires orders armed since.
 *
 * <p>Each instance keeps its own index, built from the database at start and kept in step through
 * {@link ConditionalOrderChanges}.
 */
public final class ConditionalOrderService implements PriceObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConditionalOrderService.class);
    /** Most ARMED conditional orders one user may have. */
    public static final int MAX_ARMED_PER_USER = 1_000;

    private final ConditionalOrderStore store;
    private final OrderService orders;
    private final BalanceService balances;
    private final MarketCatalog catalog;
    private final ConditionalOrderChanges changes;
    private final Clock clock;
    private final Duration resumeLease;
    /**
     * Claimed batches being placed and finished at once; past this many {@link #onPrices} waits, so a slow sequencer
     * slows the price consumer down instead of piling up firings.
     */
    public static final int MAX_FIRINGS_IN_FLIGHT = 64;
    /**
     * Most trailing stops whose best price one transaction stores. When the price trends, tens of thousands move
     * between two saves, and one transaction for 20,000 of them kept a backend busy for hundreds of milliseconds
     * under the price-event load, its rows locked all that time.
     */
    static final int TRAILING_SAVE_CHUNK = 1_000;

    private final ExecutorService firing = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore firingSlots = new Semaphore(MAX_FIRINGS_IN_FLIGHT);
    private final ExecutorService placing = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Consumer<ConditionalOrder>> listeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private final Map<Integer, MarketSlot> slots = new HashMap<>();
    private final Map<String, List<MarketSlot>> slotsByToken = new HashMap<>();
    private final Map<Long, ConditionalOrder> armed = new HashMap<>();
    private final Map<String, BigDecimal> lastPrices = new HashMap<>();

    /**
     * A service that arms nothing until {@link #start()}.
     *
     * @param store       where conditional orders are kept
     * @param orders      the order path fired orders take
     * @param balances    for balance-percent quantities
     * @param catalog     the markets
     * @param changes     how the instances tell each other of changed orders
     * @param clock       the server's clock
     * @param resumeLease how long a claimed order may stay TRIGGERED before another attempt finishes its firing
     */
    public ConditionalOrderService(ConditionalOrderStore store, OrderService orders, BalanceService balances,
                                   MarketCatalog catalog, ConditionalOrderChanges changes, Clock clock,
                                   Duration resumeLease) {
        this.store = Objects.requireNonNull(store, "store");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.balances = Objects.requireNonNull(balances, "balances");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resumeLease = Objects.requireNonNull(resumeLease, "resumeLease");
    }

    /** Subscribes to the other instances' changes and arms every ARMED order in the database. */
    public void start() {
        changes.subscribe(this::reload, this::rebuild);
        rebuild();
    }

    /**
     * Registers a receiver of every conditional order that fired or failed, e.g. to tell its owner. It is called on
     * the thread that finished the firing.
     *
     * @param listener receives the order as it ended
     */
    public void onUpdate(Consumer<ConditionalOrder> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Arms one conditional order, or the two legs of a one-cancels-the-other pair (same user, same market).
     *
     * @param userId the owner
     * @param legs   one order or the two legs of a pair
     * @return the armed orders, in the order of the legs
     * @throws InvalidConditionalOrder if a filled-order quantity names an order that is not the user's in that
     *                                 market, or the user has too many armed
     */
    public List<ConditionalOrder> create(long userId, List<NewConditionalOrder> legs) {
        for (NewConditionalOrder leg : legs) {
            if (leg.quantity() instanceof QuantityRule.FilledPercent filled) {
                Optional<OrderRecord> order = orders.own(userId, filled.orderId());
                if (order.isEmpty() || order.get().marketId() != leg.marketId()) {
                    throw new InvalidConditionalOrder("quantity.orderId", "must be one of your orders in this market");
                }
            }
        }
        Page<ConditionalOrder> armedNow = store.list(new ConditionalFilter(userId, null, ConditionalStatus.ARMED),
                PageRequest.first(1));
        if (armedNow.total() + legs.size() > MAX_ARMED_PER_USER) {
            throw new InvalidConditionalOrder("body", "you may have at most " + MAX_ARMED_PER_USER
                    + " armed conditional orders");
        }
        List<Long> best = new ArrayList<>();
        synchronized (this) {
            for (NewConditionalOrder leg : legs) {
                best.add(latestPrice(leg.marketId()));
            }
        }
        List<ConditionalOrder> created = store.insert(userId, legs, best, clock.instant());
        synchronized (this) {
            created.forEach(this::arm);
        }
        changes.publish(created.stream().map(ConditionalOrder::id).toList());
        return created;
    }

    /**
     * The conditional order, if the actor may see it: their own, or any for an administrator.
     *
     * @param actor who asks
     * @param id    the order's id
     * @return the order, or empty if there is none the actor may see
     */
    public Optional<ConditionalOrder> find(Actor actor, long id) {
        return store.find(id).filter(order -> actor.isAdmin() || order.userId() == actor.userId());
    }

    /**
     * Conditional orders the actor may see that match the filter, newest first.
     *
     * @param actor  who asks; a trader sees only their own
     * @param filter what to match
     * @param page   which page
     * @return that page and the total matching
     */
    public Page<ConditionalOrder> list(Actor actor, ConditionalFilter filter, PageRequest page) {
        return store.list(actor.isAdmin() ? filter : filter.forUser(actor.userId()), page);
    }

    /**
     * What cancelling did.
     *
     * @param order     the order as it is now
     * @param cancelled whether this call cancelled it (false: it was no longer armed)
     */
    public record Cancellation(ConditionalOrder order, boolean cancelled) {
    }

    /**
     * Cancels an ARMED conditional order (and its pair's other leg) that the actor may touch.
     *
     * @param actor who asks
     * @param id    the order's id
     * @return what it did, or empty if the actor has no such order
     */
    public Optional<Cancellation> cancel(Actor actor, long id) {
        if (find(actor, id).isEmpty()) {
            return Optional.empty();
        }
        List<Long> cancelled = store.cancel(id, "USER", clock.instant());
        if (!cancelled.isEmpty()) {
            synchronized (this) {
                cancelled.forEach(this::disarm);
            }
            changes.publish(cancelled);
        }
        return store.find(id).map(order -> new Cancellation(order, !cancelled.isEmpty()));
    }

    /**
     * How many orders this instance has armed.
     *
     * @return how many orders this instance has armed
     */
    public synchronized int armedCount() {
        return armed.size();
    }

    /**
     * Runs the ticks through the trigger indexes and claims every order they cross, in one transaction; returns once
     * that claim is durable. The claimed orders are then placed and finished on a firing thread: a crash before that
     * leaves them TRIGGERED, and {@link #resumeInterrupted()} finishes them after the lease.
     */
    @Override
    public void onPrices(List<PriceTick> ticks) {
        List<Crossing> crossings = new ArrayList<>(0);
        Map<Long, ConditionalOrder> crossed = new HashMap<>();
        synchronized (this) {
            for (PriceTick tick : ticks) {
                lastPrices.put(tick.token(), tick.price());
                List<MarketSlot> markets = slotsByToken.get(tick.token());
                if (markets == null) {
                    continue;
                }
                for (MarketSlot slot : markets) {
                    long price = slot.minor(tick.price());
                    for (long id : slot.index.onPrice(price)) {
                        crossings.add(new Crossing(id, price, tick.eventId()));
                        crossed.put(id, armed.remove(id));
                        slot.trailing.remove(id);
                    }
                }
            }
        }
        if (crossings.isEmpty()) {
            return;
        }
        Claims claims;
        try {
            claims = store.claim(crossings, clock.instant());
        } catch (RuntimeException e) {
            // Nothing was claimed: arm them again so that the redelivered events fire them.
            synchronized (this) {
                crossed.values().forEach(this::arm);
            }
            throw e;
        }
        synchronized (this) {
            claims.cancelledSiblings().forEach(this::disarm);
        }
        List<Long> changed = new ArrayList<>(claims.cancelledSiblings());
        claims.triggered().forEach(order -> changed.add(order.id()));
        if (!changed.isEmpty()) {
            changes.publish(changed);
        }
        fireLater(claims.triggered());
    }

    /**
     * Waits until every firing started so far has placed its orders and recorded how they ended (e.g. before
     * reading what they placed).
     */
    public void awaitFirings() {
        firingSlots.acquireUninterruptibly(MAX_FIRINGS_IN_FLIGHT);
        firingSlots.release(MAX_FIRINGS_IN_FLIGHT);
    }

    /** Hands claimed orders to the firing thread, waiting for a slot when too many firings are in flight. */
    private void fireLater(List<ConditionalOrder> triggered) {
        if (triggered.isEmpty()) {
            return;
        }
        firingSlots.acquireUninterruptibly();
        try {
            firing.execute(() -> {
                try {
                    fire(triggered);
                } catch (RuntimeException e) {
                    LOG.error("Could not finish firing {} claimed conditional orders; they are resumed after the lease",
                            triggered.size(), e);
                } finally {
                    firingSlots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            firingSlots.release();
            LOG.warn("Closing: {} claimed conditional orders stay TRIGGERED and are resumed after the lease",
                    triggered.size());
        }
    }

    /**
     * Finishes firings left TRIGGERED for longer than the resume lease (an instance crashed between claim and place,
     * or the sequencer was unavailable): places each order again under its fixed idempotency key.
     *
     * @return how many were finished
     */
    public int resumeInterrupted() {
        List<ConditionalOrder> stale = store.resumeStale(resumeLease, clock.instant());
        if (!stale.isEmpty()) {
            LOG.info("Resuming {} interrupted conditional-order firings", stale.size());
            fire(stale);
        }
        return stale.size();
    }

    /**
     * Stores the best price so far of every trailing stop whose best moved since it was last stored, so that after
     * a restart (or on another instance) it trails on from there rather than from where it was armed. One market at a
     * time, at most {@value #TRAILING_SAVE_CHUNK} stops per transaction.
     *
     * @return how many were stored
     */
    public int persistTrailingBest() {
        List<MarketSlot> markets;
        synchronized (this) {
            markets = List.copyOf(slots.values());
        }
        int stored = 0;
        for (MarketSlot slot : markets) {
            // One market at a time: with tens of thousands of stops, holding the lock for all of them at once kept
            // onPrices (the price consumer) waiting.
            SortedMap<Long, Long> moved = new TreeMap<>();
            synchronized (this) {
                for (long id : slot.trailing) {
                    Long best = slot.index.trailingBest(id);
                    if (best != null && !best.equals(armed.get(id).trailingBest())) {
                        moved.put(id, best);
                    }
                }
            }
            while (!moved.isEmpty()) {
                // The next ids in order: each save holds one range of them.
                Map<Long, Long> chunk = new HashMap<>();
                Iterator<Map.Entry<Long, Long>> next = moved.entrySet().iterator();
                while (next.hasNext() && chunk.size() < TRAILING_SAVE_CHUNK) {
                    Map.Entry<Long, Long> entry = next.next();
                    chunk.put(entry.getKey(), entry.getValue());
                    next.remove();
                }
                store.updateTrailingBest(chunk, clock.instant());
                synchronized (this) {
                    chunk.forEach((id, best) -> {
                        ConditionalOrder order = armed.get(id);
                        if (order != null) {
                            armed.put(id, order.withTrailingBest(best));
                        }
                    });
                }
                stored += chunk.size();
            }
        }
        return stored;
    }

    /** Reads every ARMED order from the database and arms exactly those. */
    public void rebuild() {
        List<ConditionalOrder> all = store.armed();
        synchronized (this) {
            slots.values().forEach(MarketSlot::clear);
            armed.clear();
            all.forEach(this::arm);
        }
        LOG.info("Armed {} conditional orders", all.size());
    }

    /** Reads the given orders again and arms or disarms each as the database says. */
    void reload(Collection<Long> ids) {
        for (long id : ids) {
            Optional<ConditionalOrder> order = store.find(id);
            synchronized (this) {
                if (order.isPresent() && order.get().status() == ConditionalStatus.ARMED) {
                    if (!armed.containsKey(id)) {
                        arm(order.get());
                    }
                } else {
                    disarm(id);
                }
            }
        }
    }

    /**
     * Places the claimed orders together. An order the sequencer applies ends FIRED or FAILED in the sequencer's
     * commit, and its owner hears of it as soon as that commit is durable; the other outcomes (sized to nothing, an
     * unknown market, the first answer replayed to a resumed firing) are recorded here in one more statement.
     */
    private void fire(List<ConditionalOrder> triggered) {
        if (triggered.isEmpty()) {
            return;
        }
        List<Future<Attempt>> pending = new ArrayList<>();
        for (ConditionalOrder order : triggered) {
            pending.add(placing.submit(() -> {
                Attempt attempt = place(order);
                if (attempt != null && attempt.recorded()) {
                    announce(order, attempt.firing());
                }
                return attempt;
            }));
        }
        Map<Long, ConditionalOrder> byId = new HashMap<>();
        triggered.forEach(order -> byId.put(order.id(), order));
        List<Firing> unrecorded = new ArrayList<>();
        for (Future<Attempt> future : pending) {
            try {
                Attempt attempt = future.get();
                if (attempt != null && !attempt.recorded()) {
                    unrecorded.add(attempt.firing());
                }
            } catch (ExecutionException e) {
                LOG.error("A conditional order could not be placed; it is retried after the resume lease", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while placing conditional orders", e);
            }
        }
        store.finish(unrecorded, clock.instant());
        unrecorded.forEach(firing -> announce(byId.get(firing.id()), firing));
    }

    /** Tells the listeners how a firing ended, once that is stored. */
    private void announce(ConditionalOrder before, Firing firing) {
        ConditionalOrder after = new ConditionalOrder(before.id(), before.userId(), before.marketId(), before.kind(),
                before.side(), before.orderType(), before.limitPrice(), before.triggerPrice(),
                before.trailingOffset(), before.trailingDistance(), before.trailingBest(), before.quantity(),
                before.ocoId(), firing.placedOrderId() != null ? ConditionalStatus.FIRED : ConditionalStatus.FAILED,
                firing.reason(), before.firedPrice(), before.firedEventId(), firing.placedOrderId(),
                before.createdAt(), clock.instant(), before.triggeredAt());
        for (Consumer<ConditionalOrder> listener : listeners) {
            try {
                listener.accept(after);
            } catch (RuntimeException e) {
                LOG.error("A conditional-order listener failed", e);
            }
        }
    }

    /**
     * How placing a claimed order ended.
     *
     * @param firing   FIRED with the placed order, or FAILED with the reason
     * @param recorded whether the sequencer's commit already stored it on the conditional order
     */
    private record Attempt(Firing firing, boolean recorded) {
        static Attempt unrecorded(long id, Long placedOrderId, String reason) {
            return new Attempt(new Firing(id, placedOrderId, reason), false);
        }
    }

    /**
     * Sizes and places one claimed order; null when the outcome is unknown (sequencer unavailable), so that it stays
     * TRIGGERED and is resumed later.
     */
    private Attempt place(ConditionalOrder order) {
        Optional<TradedMarket> found = catalog.byId(order.marketId()).filter(TradedMarket::live);
        if (found.isEmpty()) {
            return Attempt.unrecorded(order.id(), null, "UNKNOWN_MARKET");
        }
        TradedMarket market = found.get();
        boolean marketOrder = order.orderType() == OrderType.MARKET;
        long price = marketOrder ? order.firedPrice() : order.limitPrice();
        long available = 0;
        long filled = 0;
        try {
            switch (order.quantity()) {
                case QuantityRule.BalancePercent p -> available = available(order.userId(),
                        order.side() == Side.BUY ? market.quote().id() : market.base().id());
                case QuantityRule.FilledPercent f -> filled = orders.own(order.userId(), f.orderId())
                        .map(OrderRecord::filledQuantity).orElse(0L);
                default -> {
                }
            }
            OrderSizing.Size size = OrderSizing.size(order.quantity(), new OrderSizing.Inputs(order.side(), marketOrder,
                    Math.max(1, price), market.market().baseScale(), market.market().lotSize(),
                    market.market().takerFeePpm(), available, filled));
            if (!size.sized()) {
                return Attempt.unrecorded(order.id(), null, size.failure());
            }
            NewOrder placed = new NewOrder(order.marketId(), order.side(), order.orderType(),
                    marketOrder ? TimeInForce.IOC : TimeInForce.GTC, marketOrder ? 0 : order.limitPrice(),
                    size.quantity(), size.quoteAmount(), 0, null);
            String clientOrderId = order.clientOrderId();
            OrderOutcome outcome = orders.fire(order.id(), order.userId(), placed, clientOrderId,
                    new Retry(clientOrderId, "conditional-order:" + order.id()));
            // Applied now: the sequencer's commit stored the outcome on the conditional order too.
            boolean recorded = outcome.status() == CommandResult.Status.APPLIED;
            if (outcome.succeeded()) {
                return new Attempt(new Firing(order.id(), outcome.orderId(), null), recorded);
            }
            if (outcome.status() == CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID) {
                // Placed before under this client order id: that order is this firing's.
                Actor owner = new Actor(order.userId(), UserRole.TRADER);
                OrderFilter filter = new OrderFilter(order.userId(), null, null, null, clientOrderId, null, null);
                return orders.list(owner, filter, PageRequest.first(1)).items().stream().findFirst()
                        .map(existing -> Attempt.unrecorded(order.id(), existing.id(), null))
                        .orElse(Attempt.unrecorded(order.id(), null, "DUPLICATE_CLIENT_ORDER_ID"));
            }
            return new Attempt(new Firing(order.id(), null, outcome.rejectReason().map(Enum::name)
                    .orElse(outcome.status().name())), recorded);
        } catch (SequencerUnavailableException e) {
            LOG.warn("Trading unavailable while firing conditional order {}; it is resumed later", order.id());
            return null;
        }
    }

    private long available(long userId, int assetId) {
        for (Balance balance : balances.balances(userId)) {
            if (balance.asset().id() == assetId) {
                return balance.available();
            }
        }
        return 0;
    }

    /** The latest price this instance saw for a market (by its symbol, else its base asset), or 0. Needs this. */
    private long latestPrice(int marketId) {
        Optional<TradedMarket> market = catalog.byId(marketId);
        if (market.isEmpty()) {
            return 0;
        }
        BigDecimal price = lastPrices.get(market.get().symbol());
        if (price == null) {
            price = lastPrices.get(market.get().base().code());
        }
        return price == null ? 0 : MarketSlot.minor(price, market.get().quote().scale());
    }

    /** Needs this. */
    private void arm(ConditionalOrder order) {
        MarketSlot slot = slots.get(order.marketId());
        if (slot == null) {
            Optional<TradedMarket> market = catalog.byId(order.marketId());
            if (market.isEmpty()) {
                LOG.warn("Conditional order {} names unknown market {}; not armed", order.id(), order.marketId());
                return;
            }
            slot = new MarketSlot(market.get());
            slots.put(order.marketId(), slot);
            slotsByToken.computeIfAbsent(market.get().symbol(), t -> new ArrayList<>()).add(slot);
            slotsByToken.computeIfAbsent(market.get().base().code(), t -> new ArrayList<>()).add(slot);
        }
        slot.index.arm(order.id(), order.triggerRule());
        armed.put(order.id(), order);
        if (order.trailingOffset() != null) {
            slot.trailing.add(order.id());
        }
    }

    /** Needs this. */
    private void disarm(long id) {
        ConditionalOrder order = armed.remove(id);
        if (order != null) {
            MarketSlot slot = slots.get(order.marketId());
            slot.index.disarm(id);
            slot.trailing.remove(id);
        }
    }

    /** Stops firing; firings in flight finish first. */
    @Override
    public void close() {
        firing.close();
        placing.close();
    }

    /** One market's trigger index, its armed trailing stops (whose best prices are saved) and how its prices convert. */
    private static final class MarketSlot {
        final int quoteScale;
        TriggerIndex index = new TriggerIndex();
        final Set<Long> trailing = new HashSet<>();

        MarketSlot(TradedMarket market) {
            this.quoteScale = market.quote().scale();
        }

        long minor(BigDecimal price) {
            return minor(price, quoteScale);
        }

        void clear() {
            index = new TriggerIndex();
            trailing.clear();
        }

        static long minor(BigDecimal price, int scale) {
            BigDecimal minor = price.movePointRight(scale).setScale(0, RoundingMode.HALF_UP);
            if (minor.compareTo(BigDecimal.ONE) < 0) {
                return 1;
            }
            return minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : minor.longValue();
        }
    }
}
