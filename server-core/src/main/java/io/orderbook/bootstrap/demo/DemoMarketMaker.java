package io.orderbook.bootstrap.demo;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.persistence.trading.MarketRepository.TradeRow;
import io.orderbook.application.markets.MarketService;
import io.orderbook.application.markets.MarketView;
import io.orderbook.application.orders.NewOrder;
import io.orderbook.application.orders.OrderOutcome;
import io.orderbook.application.orders.OrderService;
import io.orderbook.application.orders.OrderStatus;
import io.orderbook.application.orders.OwnTrade;
import io.orderbook.application.prices.LatestPrices;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo markets alive: the market maker user rests a ladder of post-only bids and asks around a reference
 * price in each market and moves it when the price moves, and now and then a second user (the flow) takes the best
 * bid or ask with a small immediate-or-cancel order, so trades happen and the chart moves. Both act through
 * {@link OrderService} like any user: the engine checks their funds, ticks, lots and the market's halt.
 *
 * <p>The reference price is the latest price event of the market's symbol or of its base asset
 * ({@link LatestPrices}); without one, the market's last trade; without any trade yet, the market's start price.
 * Without price events the price so wanders one half-spread per trade.
 *
 * <p>{@link #start()} first cancels what the maker left resting in an earlier run; {@link #close()} stops quoting and
 * cancels the maker's orders, so a server that stops leaves no maker quotes behind.
 */
final class DemoMarketMaker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMarketMaker.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How the maker quotes.
     *
     * @param refresh          time between two re-quotes of every market
     * @param levels           price levels per side
     * @param halfSpreadBps    distance of the best bid and ask from the reference price, in basis points
     * @param levelStepBps     distance between two levels, in basis points
     * @param crossProbability chance per re-quote and market that the flow user trades
     */
    public record Settings(Duration refresh, int levels, int halfSpreadBps, int levelStepBps, double crossProbability) {

        public Settings {
            Objects.requireNonNull(refresh, "refresh");
            if (refresh.isNegative() || refresh.isZero() || levels < 1 || halfSpreadBps < 1 || levelStepBps < 1
                    || crossProbability < 0 || crossProbability > 1) {
                throw new IllegalArgumentException("invalid market maker settings: " + refresh + ", " + levels
                        + ", " + halfSpreadBps + ", " + levelStepBps + ", " + crossProbability);
            }
        }

        /** Five levels a side, 5 bps from the reference and apart, a trade every other re-quote on average. */
        public static Settings every(Duration refresh) {
            return new Settings(refresh, 5, 5, 5, 0.5);
        }
    }

    private final OrderService orders;
    private final MarketService markets;
    private final LatestPrices prices;
    private final long makerId;
    private final long flowId;
    private final List<Quotes> quoted;
    private final Settings settings;
    private final SplittableRandom random = new SplittableRandom();
    private ScheduledExecutorService schedule;
    private volatile boolean running;

    /**
     * @param prices  the latest price events; without one for a market the maker follows its own trades
     * @param makerId the user who rests the ladder
     * @param flowId  the user who trades against it now and then
     * @param quoted  the markets to quote; those not listed are skipped
     */
    public DemoMarketMaker(OrderService orders, MarketService markets, LatestPrices prices, long makerId, long flowId,
                           List<DemoMarket> quoted, Settings settings) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.markets = Objects.requireNonNull(markets, "markets");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.makerId = makerId;
        this.flowId = flowId;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quoted = quoted.stream().map(market -> new Quotes(market, settings.levels())).toList();
    }

    /** Starts quoting on a thread of its own; returns at once. */
    public synchronized DemoMarketMaker start() {
        if (schedule != null) {
            throw new IllegalStateException("the market maker starts once");
        }
        running = true;
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("demo-market-maker").factory());
        schedule.execute(this::cancelLeftovers);
        schedule.scheduleWithFixedDelay(this::requoteAll, 0, settings.refresh().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Demo market maker quoting {} every {} ms", quoted.stream().map(q -> q.market.symbol()).toList(),
                settings.refresh().toMillis());
        return this;
    }

    /** Stops quoting, waits for the re-quote in progress, and cancels the maker's resting orders; idempotent. */
    @Override
    public synchronized void close() {
        if (schedule == null || !running) {
            running = false;
            return;
        }
        running = false;
        schedule.shutdown();
        try {
            if (!schedule.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                schedule.shutdownNow();
                LOG.warn("The demo market maker did not stop within {}", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            schedule.shutdownNow();
        }
        cancelLeftovers();
        LOG.info("Demo market maker stopped");
    }

    private void cancelLeftovers() {
        for (Quotes q : quoted) {
            try {
                Optional<MarketView> market = listed(q);
                if (market.isPresent()) {
                    orders.cancelAll(makerId, market.get().id());
                }
            } catch (RuntimeException e) {
                LOG.warn("Demo market maker: cannot cancel its orders in {}: {}", q.market.symbol(), e.toString());
            }
            q.forget();
        }
    }

    private void requoteAll() {
        for (Quotes q : quoted) {
            if (!running) {
                return;
            }
            try {
                listed(q).filter(market -> !market.halted()).ifPresent(market -> requote(q, market));
            } catch (RuntimeException e) {
                // Thrown out of a scheduled task it would cancel every later run; the next re-quote tries again.
                LOG.warn("Demo market maker: re-quoting {} failed: {}", q.market.symbol(), e.toString());
            }
        }
    }

    private Optional<MarketView> listed(Quotes q) {
        try {
            return Optional.of(markets.lookup(q.market.symbol()));
        } catch (ApiProblem notListed) {
            return Optional.empty();
        }
    }

    private void requote(Quotes q, MarketView market) {
        int quoteScale = market.quote().scale();
        long reference = reference(q, market);
        long quoteSize = DemoLadder.inLots(q.market.quoteSize(), market.base().scale(), market.lotSize());
        DemoLadder ladder = DemoLadder.around(reference, market.tickSize(), market.lotSize(), quoteSize,
                settings.levels(), settings.halfSpreadBps(), settings.levelStepBps(), random);
        // Move the side the price moves towards first, so the maker's own bids and asks never cross each other.
        if (reference >= q.reference) {
            requoteSide(q, market, Side.SELL, ladder.askPrices(), ladder.quantities());
            requoteSide(q, market, Side.BUY, ladder.bidPrices(), ladder.quantities());
        } else {
            requoteSide(q, market, Side.BUY, ladder.bidPrices(), ladder.quantities());
            requoteSide(q, market, Side.SELL, ladder.askPrices(), ladder.quantities());
        }
        q.reference = reference;
        if (running && random.nextDouble() < settings.crossProbability()) {
            cross(q, market, ladder);
        }
        LOG.trace("Demo market maker quoted {} around {} (scale {})", market.symbol(), reference, quoteScale);
    }

    private long reference(Quotes q, MarketView market) {
        Optional<PriceTick> event = prices.latest(market.symbol()).or(() -> prices.latest(market.base().code()));
        if (event.isPresent()) {
            try {
                return DemoLadder.onTickGrid(event.get().price(), market.quote().scale(), market.tickSize());
            } catch (ArithmeticException outOfRange) {
                LOG.debug("Demo market maker: price event {} out of range for {}", event.get(), market.symbol());
            }
        }
        if (q.lastTrade == 0) {
            List<TradeRow> last = markets.recentTrades(market.symbol(), 1).trades();
            q.lastTrade = last.isEmpty()
                    ? DemoLadder.onTickGrid(q.market.startPrice(), market.quote().scale(), market.tickSize())
                    : last.getFirst().price();
        }
        return q.lastTrade;
    }

    private void requoteSide(Quotes q, MarketView market, Side side, long[] prices, long[] quantities) {
        long[] ids = side == Side.BUY ? q.bidIds : q.askIds;
        long[] quotedPrices = side == Side.BUY ? q.bidPrices : q.askPrices;
        for (int level = 0; level < ids.length && running; level++) {
            long price = prices[level];
            if (ids[level] != 0 && quotedPrices[level] == price) {
                continue;
            }
            if (ids[level] != 0) {
                if (price > 0 && orders.amend(makerId, ids[level], price, quantities[level], null).succeeded()) {
                    quotedPrices[level] = price;
                    continue;
                }
                // Filled, or no level at this price: drop it and place anew.
                orders.cancel(makerId, ids[level], null);
                ids[level] = 0;
            }
            if (price <= 0) {
                continue;
            }
            OrderOutcome placed = orders.place(makerId, new NewOrder(market.id(), side, OrderType.LIMIT_MAKER,
                    TimeInForce.GTC, price, quantities[level], 0, 0, null), null, null);
            if (placed.succeeded() && placed.order().map(o -> o.status() == OrderStatus.OPEN).orElse(false)) {
                ids[level] = placed.orderId();
                quotedPrices[level] = price;
            } else if (placed.rejectReason().isPresent()) {
                LOG.debug("Demo market maker: {} {} at {} refused: {}", market.symbol(), side, price,
                        placed.rejectReason().get());
            }
        }
    }

    /** The flow user takes the maker's best bid or ask (or better) with a small immediate-or-cancel order. */
    private void cross(Quotes q, MarketView market, DemoLadder ladder) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = side == Side.BUY ? ladder.askPrices()[0] : ladder.bidPrices()[0];
        if (price <= 0) {
            return;
        }
        long size = ladder.quantities()[0] * (20 + random.nextInt(41)) / 100;
        long quantity = Math.max(market.lotSize(), size / market.lotSize() * market.lotSize());
        OrderOutcome taken = orders.place(flowId, new NewOrder(market.id(), side, OrderType.LIMIT, TimeInForce.IOC,
                price, quantity, 0, 0, null), null, null);
        List<OwnTrade> fills = taken.fills();
        if (!fills.isEmpty()) {
            q.lastTrade = fills.getLast().price();
        }
    }

    /** What the maker has resting in one market; touched only by the maker's thread (and by close after it ended). */
    private static final class Quotes {
        final DemoMarket market;
        final long[] bidIds;
        final long[] askIds;
        final long[] bidPrices;
        final long[] askPrices;
        /** The last trade price seen, quote minor units; 0 until read. */
        long lastTrade;
        /** The reference of the last re-quote. */
        long reference;

        Quotes(DemoMarket market, int levels) {
            this.market = market;
            this.bidIds = new long[levels];
            this.askIds = new long[levels];
            this.bidPrices = new long[levels];
            this.askPrices = new long[levels];
        }

        void forget() {
            java.util.Arrays.fill(bidIds, 0);
            java.util.Arrays.fill(askIds, 0);
        }
    }
}
