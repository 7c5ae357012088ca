package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.Command;
import io.orderbook.adapters.signing.MarketKeyring;
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
import io.orderbook.domain.engine.EngineSnapshot.RestingOrder;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random request streams for the durable path, after the idea of the engine's property generator
 * ({@code domain/properties/CommandStreams}): a few users trading on three markets that share assets, with
 * every command (limit orders with every time in force, post-only, market orders by base quantity and by quote
 * amount, amends that move or resize, cancels, takes, closes, expiry with advancing time, halts and resumes,
 * balance credits and debits including the fee account, invalid commands, markets listed at run time (BTC-ETH,
 * traded like the others, delisted and listed again under a new id) and rule changes of every market), plus
 * the contexts the journal stores:
 * client order ids (fresh, and now and then one the user already has), idempotency keys with retries (same and
 * different fingerprint), the audit data of balance adjustments, and the key pairs of new markets.
 *
 * <p>Order ids are unique as the id allocator guarantees, except deliberate duplicates of orders that are open,
 * which the engine refuses. A {@link ReferenceRun} plays each request as it is generated, so the generator aims
 * amends, cancels and takes at orders that are really open, and the stream carries the expected answers.
 */
final class TradingStreams {
    static final int BTC = 1;
    static final int ETH = 2;
    static final int USDT = 3;
    static final int BTC_USDT = 1;
    static final int ETH_USDT = 2;
    static final int ETH_BTC = 3;
    /** The symbol of the markets listed at run time, with ids from 4 on. */
    static final String BTC_ETH = "BTC-ETH";
    /** Seals the run-time markets' keys; the fixtures' master key, so journals can unseal them. */
    private static final MarketKeyring KEYRING = TradingFixtures.keyring();
    /** The administrator who adjusts balances and halts markets. */
    static final long ADMIN = 999;
    /** Around the start of 2026, in epoch milliseconds. */
    static final long START = 1_767_225_600_000L;

    private static final int[] FEES_PPM = {0, 1, 777, 1_000, 2_500, 10_000, Market.MAX_FEE_PPM};
    private static final int RECENT = 40;

    private TradingStreams() {
    }

    /** The three markets with fees and default self-trade prevention drawn from the seed. */
    static List<Market> markets(long seed) {
        Random random = new Random(seed);
        return List.of(
                // tick 0.01 USDT, lot 0.0001 BTC, at least 5 USDT
                market(BTC_USDT, "BTC-USDT", BTC, USDT, 8, 10_000, 10_000, 5_000_000, random),
                // tick 0.001 USDT, lot 0.001 ETH, at least 1 USDT
                market(ETH_USDT, "ETH-USDT", ETH, USDT, 9, 1_000, 1_000_000, 1_000_000, random),
                // tick 0.000001 BTC, lot 0.1 ETH, at least 0.01 BTC
                market(ETH_BTC, "ETH-BTC", ETH, BTC, 9, 100, 100_000_000, 1_000_000, random));
    }

    private static Market market(int id, String symbol, int base, int quote, int scale, long tick, long lot,
                                 long minNotional, Random random) {
        SelfTradePrevention stp = SelfTradePrevention.values()[random.nextInt(SelfTradePrevention.values().length)];
        return new Market(id, symbol, base, quote, scale, tick, lot, minNotional,
                FEES_PPM[random.nextInt(FEES_PPM.length)], FEES_PPM[random.nextInt(FEES_PPM.length)], stp);
    }

    /** A stream of deposits followed by {@code steps} requests. */
    static TradingStream generate(long seed, int steps) {
        List<Market> markets = markets(seed);
        Builder builder = new Builder(markets, new Random(seed * 31 + 7));
        builder.deposits();
        for (int i = 0; i < steps; i++) {
            builder.step();
        }
        return new TradingStream(markets, builder.steps, builder.expected, builder.reference.engine().stateHash());
    }

    /** An order the stream placed, with the price and size it last asked for. */
    private record Issued(long id, long userId, Market market, Side side, long priceTicks, long lots) {
    }

    /** A request sent with an idempotency key, which a retry can repeat. */
    private record Keyed(long userId, String key, String fingerprint) {
    }

    private static final class Builder {
        final List<Market> markets;
        final Random random;
        final int users;
        final ReferenceRun reference;
        final List<TradingStream.Step> steps = new ArrayList<>();
        final List<CommandResult> expected = new ArrayList<>();
        final List<Issued> placed = new ArrayList<>();
        final List<Issued> restingKind = new ArrayList<>();
        final List<Keyed> keyed = new ArrayList<>();
        final List<String[]> clientIds = new ArrayList<>();
        final boolean[] halted = new boolean[4];
        /** Every listed market's current rules, by id, as the reference engine has them. */
        final Map<Integer, Market> listed = new LinkedHashMap<>();
        int nextMarketId = 4;
        long now = START;
        long nextOrderId = 1;
        int nextKey = 1;
        int nextClientId = 1;

        Builder(List<Market> markets, Random random) {
            this.markets = markets;
            this.random = random;
            this.users = 4 + random.nextInt(9);
            this.reference = new ReferenceRun(markets);
            markets.forEach(market -> listed.put(market.id(), market));
        }

        void emit(Command command, CommandContext context) {
            steps.add(new TradingStream.Step(command, context));
            expected.add(reference.submit(command, context));
        }

        /** Every order-creating request: a client order id more often than not, sometimes an idempotency key. */
        void emitOrder(Command command, long userId) {
            CommandContext context = CommandContext.NONE;
            if (random.nextInt(10) < 6) {
                String id = "c-" + nextClientId++;
                clientIds.add(new String[] {Long.toString(userId), id});
                context = context.withClientOrderId(id);
            }
            emit(command, withMaybeKey(context, userId));
        }

        CommandContext withMaybeKey(CommandContext context, long userId) {
            if (random.nextInt(10) < 3) {
                Keyed key = new Keyed(userId, "k-" + nextKey, "f-" + nextKey);
                nextKey++;
                keyed.add(key);
                return context.withIdempotency(key.userId, key.key, key.fingerprint);
            }
            return context;
        }

        void deposits() {
            for (long user = 1; user <= users; user++) {
                for (int asset : List.of(BTC, ETH, USDT)) {
                    int d = random.nextInt(10);
                    long amount = d == 0 ? 0 : d == 1 ? 1 + random.nextInt(97) : (1 + random.nextInt(100)) * scale(asset) * 10;
                    if (amount > 0) {
                        emit(new AdjustBalance(now, user, asset, amount),
                                CommandContext.NONE.withAudit("opening deposit", ADMIN));
                    }
                }
            }
        }

        private static long scale(int asset) {
            return switch (asset) {
                case USDT -> 1_000_000_000L;   // 1,000 USDT
                case BTC -> 10_000_000L;       // 0.1 BTC
                default -> 1_000_000_000L;     // 1 ETH
            };
        }

        void step() {
            if (random.nextInt(10) >= 7) {
                now += 1 + random.nextInt(3);
            }
            int kind = random.nextInt(100);
            if (kind < 30) {
                limit();
            } else if (kind < 37) {
                marketOrder();
            } else if (kind < 42) {
                postOnly();
            } else if (kind < 55) {
                amend();
            } else if (kind < 61) {
                cancel();
            } else if (kind < 67) {
                take();
            } else if (kind < 71) {
                close();
            } else if (kind < 75) {
                now += 1 + random.nextInt(20);
                emit(new ExpireOrders(now), CommandContext.NONE);
            } else if (kind < 77) {
                haltOrResume();
            } else if (kind < 82) {
                adjust();
            } else if (kind < 87) {
                invalid();
            } else if (kind < 89) {
                changeMarkets();
            } else if (kind < 95) {
                retry();
            } else {
                reuseClientOrderId();
            }
        }

        private void limit() {
            Market market = anyMarket();
            Side side = anySide();
            long ticks = priceTicks(market, side);
            long lots = lots();
            int tifDraw = random.nextInt(10);
            TimeInForce tif = tifDraw < 6 ? TimeInForce.GTC
                    : tifDraw == 6 ? TimeInForce.IOC : tifDraw == 7 ? TimeInForce.FOK : TimeInForce.GTD;
            long expireAt = tif == TimeInForce.GTD ? now + 1 + random.nextInt(40) : 0;
            place(new PlaceOrder(now, nextOrderId, user(), market.id(), side, OrderType.LIMIT, tif,
                    ticks * market.tickSize(), lots * market.lotSize(), 0, expireAt, stp()), ticks, lots);
        }

        private void postOnly() {
            Market market = anyMarket();
            Side side = anySide();
            long ticks = priceTicks(market, side);
            long lots = lots();
            boolean gtd = random.nextInt(3) == 0;
            place(new PlaceOrder(now, nextOrderId, user(), market.id(), side, OrderType.LIMIT_MAKER,
                    gtd ? TimeInForce.GTD : TimeInForce.GTC, ticks * market.tickSize(), lots * market.lotSize(), 0,
                    gtd ? now + 1 + random.nextInt(30) : 0, stp()), ticks, lots);
        }

        private void marketOrder() {
            Market market = anyMarket();
            long user = user();
            long quantity = lots() * (1 + random.nextInt(4)) * market.lotSize();
            PlaceOrder order = switch (random.nextInt(6)) {
                case 0, 1 -> PlaceOrder.market(now, nextOrderId, user, market.id(), Side.BUY, quantity);
                case 2, 3 -> PlaceOrder.market(now, nextOrderId, user, market.id(), Side.SELL, quantity);
                case 4 -> PlaceOrder.market(now, nextOrderId, user, market.id(), anySide(), quantity)
                        .withTimeInForce(TimeInForce.FOK, 0);
                default -> PlaceOrder.marketBuyForQuote(now, nextOrderId, user, market.id(),
                        lots() * midTicks(market) * market.unitNotional() * (50 + random.nextInt(100)) / 100
                                + random.nextInt(7));
            };
            place(order.withStp(stp()), 0, 0);
        }

        private void amend() {
            Issued target = pickOpen(restingKind, order -> true);
            if (target == null) {
                limit();
                return;
            }
            Market market = target.market;
            Optional<RestingOrder> open = reference.engine().openOrder(target.id);
            long ticks = open.map(o -> o.price() / market.tickSize()).orElse(target.priceTicks);
            long lots = open.map(o -> (o.openQuantity() + o.filledQuantity()) / market.lotSize()).orElse(target.lots);
            long user = target.userId;
            switch (random.nextInt(10)) {
                case 0, 1 -> ticks += (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
                case 2 -> ticks += (2 + random.nextInt(8)) * (target.side == Side.BUY ? 1 : -1);
                case 3, 4 -> lots = Math.max(1, lots - 1 - random.nextInt(3));
                case 5, 6 -> lots += 1 + random.nextInt(5);
                case 7 -> { }
                case 8 -> user = otherUser(user);
                default -> lots = 0;
            }
            emit(new AmendOrder(now, target.id, user, ticks * market.tickSize(), lots * market.lotSize()),
                    withMaybeKey(CommandContext.NONE, user));
        }

        private void cancel() {
            Issued target = random.nextInt(4) == 0 ? recent(placed) : pickOpen(restingKind, order -> true);
            if (target == null) {
                emit(new CancelOrder(now, 424_242, user()), CommandContext.NONE);
                return;
            }
            long user = random.nextInt(10) == 9 ? otherUser(target.userId) : target.userId;
            emit(new CancelOrder(now, target.id, user), withMaybeKey(CommandContext.NONE, user));
        }

        private void take() {
            long taker = user();
            Issued target = pickOpen(restingKind, order -> order.userId != taker);
            long targetId = target == null || random.nextInt(20) == 0 ? 434_343 : target.id;
            long quantity = target == null || random.nextInt(3) == 0 ? 0 : lots() * target.market.lotSize();
            emitOrder(new TakeOrder(now, nextOrderId++, taker, targetId, quantity), taker);
        }

        private void close() {
            Issued target = recent(placed);
            if (target == null) {
                long user = user();
                emitOrder(new CloseOrder(now, 454_545, user, nextOrderId++), user);
                return;
            }
            long user = random.nextInt(10) == 9 ? otherUser(target.userId) : target.userId;
            emitOrder(new CloseOrder(now, target.id, user, nextOrderId++), user);
        }

        private void haltOrResume() {
            int marketId = 1 + random.nextInt(3);
            for (int id = 1; id < halted.length; id++) {
                if (halted[id]) {
                    marketId = id;   // a halted market is resumed before another is halted
                }
            }
            boolean halt = !halted[marketId] && random.nextInt(4) == 0;
            halted[marketId] = halt;
            emit(new SetMarketHalted(now, marketId, halt), withMaybeKey(CommandContext.NONE, ADMIN));
        }

        /** Lists BTC-ETH (or tries to list a taken symbol), changes any market's rules, or delists BTC-ETH. */
        private void changeMarkets() {
            int draw = random.nextInt(10);
            Market extra = listed.get(extraId());
            if (draw < 3 || extra == null && draw < 6) {
                int id = nextMarketId++;
                String symbol = random.nextInt(5) == 0 ? anyMarket().symbol() : BTC_ETH;
                // tick 0.001 ETH, lot 0.001 BTC, at least 0.001 ETH
                Market market = new Market(id, symbol, BTC, ETH, 8, 1_000_000, 100_000, 1_000_000,
                        FEES_PPM[random.nextInt(FEES_PPM.length)], FEES_PPM[random.nextInt(FEES_PPM.length)],
                        SelfTradePrevention.NONE);
                emit(new AddMarket(now, market), CommandContext.NONE.withMarketKeys(KEYRING.generate(id)));
            } else if (draw < 7 || extra == null) {
                Market market = random.nextInt(3) == 0 && extra != null ? extra : anyMarket();
                boolean finer = random.nextInt(4) == 0 && market.tickSize() >= 100;
                long tick = finer ? market.tickSize() / 10 : market.tickSize();
                long lot = finer ? market.lotSize() * 10 : market.lotSize();
                SelfTradePrevention stp = SelfTradePrevention.values()[random.nextInt(4)];
                long minNotional = minNotional(market) * (1 + random.nextInt(2));
                emit(new UpdateMarket(now, new Market(market.id(), market.symbol(), market.baseAsset(),
                        market.quoteAsset(), market.baseScale(), tick, lot, minNotional,
                        FEES_PPM[random.nextInt(FEES_PPM.length)], FEES_PPM[random.nextInt(FEES_PPM.length)], stp)),
                        withMaybeKey(CommandContext.NONE, ADMIN));
            } else {
                int marketId = random.nextInt(8) == 0 ? 99 : extra.id();
                emit(new RemoveMarket(now, marketId), withMaybeKey(CommandContext.NONE, ADMIN));
            }
            // What the engine accepted is what later requests see.
            listed.keySet().removeIf(id -> reference.engine().market(id).isEmpty());
            for (int id = 1; id < nextMarketId; id++) {
                int marketId = id;
                reference.engine().market(id).ifPresent(market -> listed.put(marketId, market));
            }
        }

        /** The market's minimum notional when the stream began (BTC-ETH: as listed). */
        private long minNotional(Market market) {
            return markets.stream().filter(m -> m.id() == market.id()).findFirst().map(Market::minNotional)
                    .orElse(1_000_000L);
        }

        /** The id of the listed BTC-ETH market, or -1. */
        private int extraId() {
            for (Market market : listed.values()) {
                if (market.symbol().equals(BTC_ETH)) {
                    return market.id();
                }
            }
            return -1;
        }

        private void adjust() {
            int asset = 1 + random.nextInt(3);
            long user = random.nextInt(20) == 0 ? 0 : user();   // now and then, the fee account pays out
            long amount = (1 + random.nextInt(100)) * scale(asset) / 10;
            boolean debit = random.nextInt(3) == 0 || user == 0;
            CommandContext context = random.nextBoolean()
                    ? CommandContext.NONE.withAudit(debit ? "withdrawal" : "deposit", ADMIN) : CommandContext.NONE;
            emit(new AdjustBalance(now, user, asset, debit ? -amount : amount), withMaybeKey(context, ADMIN));
        }

        private void invalid() {
            Market market = anyMarket();
            long user = user();
            Side side = anySide();
            long ticks = priceTicks(market, side);
            long price = ticks * market.tickSize();
            long quantity = lots() * market.lotSize();
            PlaceOrder limit = PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price, quantity);
            PlaceOrder command = switch (random.nextInt(9)) {
                case 0 -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price + 1, quantity);
                case 1 -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price, 0);
                case 2 -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price, quantity + 1);
                case 3 -> PlaceOrder.limit(now, nextOrderId, user, 9, side, price, quantity);
                case 4 -> limit.withTimeInForce(TimeInForce.GTD, now);
                case 5 -> limit.withType(OrderType.LIMIT_MAKER).withTimeInForce(TimeInForce.IOC, 0);
                case 6 -> {
                    // The id of an order that is open: the engine refuses it as a duplicate.
                    Issued open = pickOpen(placed, order -> true);
                    boolean isOpen = open != null && reference.engine().openOrder(open.id).isPresent();
                    yield !isOpen ? limit.withTimeInForce(TimeInForce.GTC, now + 10)
                            : PlaceOrder.limit(now, open.id, user, market.id(), side, price, quantity);
                }
                case 7 -> PlaceOrder.limit(now, nextOrderId, 0, market.id(), side, price, quantity);
                default -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price, quantity * 1_000_000);
            };
            if (command.orderId() == nextOrderId) {
                nextOrderId++;
            }
            emitOrder(command, Math.max(1, command.userId()));
        }

        /** A retry of an earlier keyed request: the same fingerprint four times in five, else another request. */
        private void retry() {
            if (keyed.isEmpty()) {
                limit();
                return;
            }
            Keyed key = keyed.get(keyed.size() - 1 - random.nextInt(Math.min(keyed.size(), RECENT)));
            String fingerprint = random.nextInt(5) == 4 ? key.fingerprint + "-changed" : key.fingerprint;
            Market market = anyMarket();
            Side side = anySide();
            long ticks = priceTicks(market, side);
            long orderUser = key.userId == ADMIN ? 1 : key.userId;
            PlaceOrder again = PlaceOrder.limit(now, nextOrderId++, orderUser, market.id(), side,
                    ticks * market.tickSize(), lots() * market.lotSize());
            emit(again, CommandContext.NONE.withIdempotency(key.userId, key.key, fingerprint));
        }

        /** An order with a client order id its user used before: refused if that order was accepted. */
        private void reuseClientOrderId() {
            if (clientIds.isEmpty()) {
                limit();
                return;
            }
            String[] used = clientIds.get(clientIds.size() - 1 - random.nextInt(Math.min(clientIds.size(), RECENT)));
            long user = Long.parseLong(used[0]);
            Market market = anyMarket();
            Side side = anySide();
            long ticks = priceTicks(market, side);
            long lots = lots();
            PlaceOrder order = PlaceOrder.limit(now, nextOrderId, user, market.id(), side, ticks * market.tickSize(),
                    lots * market.lotSize());
            steps.add(new TradingStream.Step(order, CommandContext.NONE.withClientOrderId(used[1])));
            expected.add(reference.submit(order, steps.getLast().context()));
            nextOrderId++;
            Issued issued = new Issued(order.orderId(), user, market, side, ticks, lots);
            placed.add(issued);
            restingKind.add(issued);
        }

        private void place(PlaceOrder order, long ticks, long lots) {
            emitOrder(order, order.userId());
            nextOrderId++;
            Issued issued = new Issued(order.orderId(), order.userId(), listed.get(order.marketId()),
                    order.side(), ticks, lots);
            placed.add(issued);
            if (order.type() != OrderType.MARKET && order.timeInForce().rests()) {
                restingKind.add(issued);
            }
        }

        /** One of the three markets of the start, or now and then BTC-ETH while it is listed. */
        private Market anyMarket() {
            Market extra = listed.get(extraId());
            if (extra != null && random.nextInt(8) == 0) {
                return extra;
            }
            return listed.get(markets.get(random.nextInt(markets.size())).id());
        }

        private Side anySide() {
            return random.nextBoolean() ? Side.BUY : Side.SELL;
        }

        private long user() {
            return 1 + random.nextInt(users);
        }

        private long otherUser(long user) {
            return 1 + (user + random.nextInt(users - 1)) % users;
        }

        private SelfTradePrevention stp() {
            return random.nextInt(6) < 4 ? null
                    : SelfTradePrevention.values()[random.nextInt(SelfTradePrevention.values().length)];
        }

        /** The middle of the market's book, in its ticks. */
        private static long midTicks(Market market) {
            long price = switch (market.symbol()) {
                case "BTC-USDT" -> 50_000_000_000L;   // 50,000 USDT per BTC
                case "ETH-USDT" -> 3_000_000_000L;    // 3,000 USDT per ETH
                case "ETH-BTC" -> 6_000_000L;         // 0.06 BTC per ETH
                default -> 16_000_000_000L;           // 16 ETH per BTC
            };
            return price / market.tickSize();
        }

        /** Mostly a few ticks behind the mid on the order's own side; otherwise across it, so books cross often. */
        private long priceTicks(Market market, Side side) {
            long mid = midTicks(market);
            int d = random.nextInt(8);
            return d < 5 ? (side == Side.BUY ? mid - 1 - random.nextInt(4) : mid + 1 + random.nextInt(4))
                    : mid + random.nextInt(9) - 4;
        }

        /** Mostly a few lots, sometimes twenty, now and then a hundred that sweeps levels. */
        private long lots() {
            int r = random.nextInt(100);
            return r < 60 ? 1 + random.nextInt(5) : r < 92 ? 1 + random.nextInt(20) : 20 + random.nextInt(100);
        }

        /** Four times in five one of the recent orders that are open and match; otherwise any recent order. */
        private Issued pickOpen(List<Issued> orders, java.util.function.Predicate<Issued> filter) {
            if (random.nextInt(5) != 4) {
                List<Issued> live = new ArrayList<>();
                for (int i = Math.max(0, orders.size() - 4 * RECENT); i < orders.size(); i++) {
                    Issued order = orders.get(i);
                    if (filter.test(order) && reference.engine().openOrder(order.id).isPresent()) {
                        live.add(order);
                    }
                }
                if (!live.isEmpty()) {
                    return live.get(live.size() - 1 - random.nextInt(live.size()));
                }
            }
            return recent(orders);
        }

        private Issued recent(List<Issued> orders) {
            if (orders.isEmpty()) {
                return null;
            }
            return orders.get(orders.size() - 1 - random.nextInt(Math.min(orders.size(), RECENT)));
        }
    }
}
