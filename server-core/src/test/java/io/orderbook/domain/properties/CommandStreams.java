package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.AmendOrder;
import io.orderbook.domain.engine.Command.CancelOrder;
import io.orderbook.domain.engine.Command.CloseOrder;
import io.orderbook.domain.engine.Command.ExpireOrders;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.Command.SetMarketHalted;
import io.orderbook.domain.engine.Command.TakeOrder;
import io.orderbook.domain.engine.Command.UpdateMarket;
import io.orderbook.domain.engine.EngineSnapshot.RestingOrder;
import io.orderbook.domain.engine.EventSink;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Random command streams for the matching engine: 5..30 users trading on three markets that share assets
 * (BTC-USDT, ETH-USDT, ETH-BTC, each with its own scale, tick, lot, minimum notional, fees and default
 * self-trade prevention).
 *
 * <p>A stream starts with deposits, then mixes every command: limit, market (by base quantity and by quote
 * amount) and post-only orders with every time in force, amends that move prices and change quantities,
 * cancels, takes and closes of earlier order ids, expiry with advancing time, halts and resumes, changes of a
 * market's fees, minimum notional and default self-trade prevention, balance adjustments, and invalid commands (bad ticks and lots, zero quantities, unknown markets and ids, other users'
 * orders, duplicate ids, contradictory order options). Prices cluster a few ticks around each market's mid so
 * books cross often. Timestamps never decrease.
 *
 * <p>Every step consumes the same number of random draws whatever command it becomes, so QuickTheories can
 * shrink one step (towards a GTC limit order) without reshuffling the rest of the stream.
 *
 * <p>To aim amends, cancels and takes at orders that are still open (blind picks mostly hit orders that have
 * long filled), the generator feeds its commands to a private shadow engine and asks it, through the public
 * {@link MatchingEngine#openOrder} query, which recent orders still rest. A fifth of the picks stay blind so
 * unknown and finished ids keep coming. The stream itself is a plain list of commands: the properties replay
 * it on engines of their own.
 */
final class CommandStreams {
    static final int BTC = 1;
    static final int ETH = 2;
    static final int USDT = 3;
    static final List<Integer> ASSETS = List.of(BTC, ETH, USDT);
    static final int BTC_USDT = 1;
    static final int ETH_USDT = 2;
    static final int ETH_BTC = 3;
    static final int UNKNOWN_MARKET = 9;

    private static final int DRAWS_PER_STEP = 8;
    private static final int DRAW_MAX = 9_999;
    private static final int[] FEES_PPM = {1_000, 0, 2_500, 1, 777, 10_000, Market.MAX_FEE_PPM};
    private static final List<SelfTradePrevention> STP = List.of(SelfTradePrevention.values());
    /** How many of the most recent orders amends, cancels and takes aim at. */
    private static final int RECENT = 40;

    private CommandStreams() {
    }

    /** Streams with {@code minSteps..maxSteps} commands after the opening deposits. */
    static Gen<CommandStream> streams(int minSteps, int maxSteps) {
        Gen<Integer> users = Generate.range(5, 30);
        Gen<Integer> steps = Generate.range(minSteps, maxSteps);
        Gen<Integer> draw = Generate.range(0, DRAW_MAX);
        Gen<CommandStream> gen = in -> {
            List<Market> markets = List.of(
                    // tick 0.01 USDT, lot 0.0001 BTC, at least 5 USDT
                    market(BTC_USDT, "BTC-USDT", BTC, USDT, 10_000, 10_000, 5_000_000, draw, in),
                    // tick 0.001 USDT, lot 0.001 ETH, at least 1 USDT
                    market(ETH_USDT, "ETH-USDT", ETH, USDT, 1_000, 1_000_000, 1_000_000, draw, in),
                    // tick 0.000001 BTC, lot 0.1 ETH (one lot at one tick is 10 satoshis), at least 0.01 BTC
                    market(ETH_BTC, "ETH-BTC", ETH, BTC, 100, 100_000_000, 1_000_000, draw, in));
            // One stream in six is played by whales: huge balances and orders up to the largest allowed probe
            // overflow. Their deposits keep each asset's total within MAX_NOTIONAL, which no balance can then
            // exceed (beyond that, a seller's proceeds can overflow its balance: a known open issue).
            boolean whales = draw.generate(in) % 6 == 5;
            StreamBuilder builder = new StreamBuilder(markets, users.generate(in), whales);
            for (int user = 1; user <= builder.users; user++) {
                for (int asset : ASSETS) {
                    builder.deposit(user, asset, draw.generate(in));
                }
            }
            int count = steps.generate(in);
            int[] d = new int[DRAWS_PER_STEP];
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < DRAWS_PER_STEP; k++) {
                    d[k] = draw.generate(in);
                }
                builder.step(d);
            }
            return new CommandStream(markets, builder.commands);
        };
        return gen.describedAs(CommandStream::summary);
    }

    /**
     * A market with drawn fees and default STP. Asset scales: BTC 8 decimals, ETH 9, USDT 6 (a quote scale is
     * implicit in the tick size).
     */
    private static Market market(int id, String symbol, int base, int quote, long tick, long lot, long minNotional,
                                 Gen<Integer> draw, RandomnessSource in) {
        int maker = FEES_PPM[draw.generate(in) % FEES_PPM.length];
        int taker = FEES_PPM[draw.generate(in) % FEES_PPM.length];
        SelfTradePrevention stp = STP.get(draw.generate(in) % STP.size());
        return new Market(id, symbol, base, quote, base == BTC ? 8 : 9, tick, lot, minNotional, maker, taker, stp);
    }

    /** Mid price in ticks: 50,000 USDT per BTC, 3,000 USDT per ETH, 0.06 BTC per ETH. */
    private static long midTicks(int marketId) {
        return switch (marketId) {
            case BTC_USDT -> 5_000_000;
            case ETH_USDT -> 3_000_000;
            default -> 60_000;
        };
    }

    /** An order the stream placed, with the price and size the generator last asked for. */
    private static final class Issued {
        final long id;
        final long userId;
        final Market market;
        final Side side;
        long priceTicks;
        long lots;

        Issued(long id, long userId, Market market, Side side, long priceTicks, long lots) {
            this.id = id;
            this.userId = userId;
            this.market = market;
            this.side = side;
            this.priceTicks = priceTicks;
            this.lots = lots;
        }
    }

    /** Turns draws into commands, remembering order ids so later commands can refer to them. */
    private static final class StreamBuilder {
        final List<Market> markets;
        final int users;
        final boolean whales;
        final List<Command> commands = new ArrayList<>();
        final List<Issued> placed = new ArrayList<>();
        final List<Issued> restingKind = new ArrayList<>();
        final boolean[] halted = new boolean[4];
        final MatchingEngine shadow = new MatchingEngine(EventSink.NONE);
        boolean shadowBroken;
        Issued lastClosed;
        long now = 1_000;
        long nextOrderId = 1;

        StreamBuilder(List<Market> markets, int users, boolean whales) {
            this.markets = markets;
            this.users = users;
            this.whales = whales;
            markets.forEach(shadow::addMarket);
        }

        void emit(Command command) {
            commands.add(command);
            if (!shadowBroken) {
                try {
                    shadow.apply(command);
                } catch (RuntimeException engineFailure) {
                    // The properties' own replay will report it; keep generating without the shadow.
                    shadowBroken = true;
                }
            }
        }

        /** The order's state in the shadow engine, if it is open there. */
        Optional<RestingOrder> open(Issued order) {
            return shadowBroken ? Optional.empty() : shadow.openOrder(order.id);
        }

        void deposit(long user, int asset, int d) {
            // Most accounts can trade for a while; a few hold nothing or dust and get refused.
            long amount = switch (d % 10) {
                case 0 -> 0;
                case 1 -> 1 + d % 97;
                case 2 -> (1 + d % 100) * scale(asset) / 100;
                default -> whales ? MatchingEngine.MAX_NOTIONAL / (2L * users) / (1 + d % 4)
                        : (1 + d % 100) * scale(asset) * 10;
            };
            if (amount > 0) {
                emit(new AdjustBalance(now, user, asset, amount));
            }
        }

        /** One whole unit of an asset in minor units, scaled to what an ordinary account holds. */
        private static long scale(int asset) {
            return switch (asset) {
                case USDT -> 1_000_000_000L;   // 1,000 USDT
                case BTC -> 10_000_000L;       // 0.1 BTC
                default -> 1_000_000_000L;     // 1 ETH
            };
        }

        void step(int[] d) {
            if (d[7] % 10 >= 7) {
                now += 1 + d[7] % 3;
            }
            int kind = d[0] % 100;
            if (kind < 33) {
                limit(d);
            } else if (kind < 40) {
                marketOrder(d);
            } else if (kind < 45) {
                postOnly(d);
            } else if (kind < 59) {
                amend(d);
            } else if (kind < 65) {
                cancel(d);
            } else if (kind < 71) {
                take(d);
            } else if (kind < 75) {
                close(d);
            } else if (kind < 79) {
                now += 1 + d[1] % 20;
                emit(new ExpireOrders(now));
            } else if (kind < 81) {
                haltOrResume(d);
            } else if (kind < 85) {
                adjust(d);
            } else if (kind < 86) {
                changeRules(d);
            } else {
                invalid(d);
            }
        }

        private void limit(int[] d) {
            Market market = market(d[2]);
            Side side = side(d[2] / 3);
            long ticks = priceTicks(market, side, d[3]);
            long lots = lots(market, ticks, d[4]);
            int tifDraw = d[5] % 10;
            TimeInForce tif = tifDraw < 6 ? TimeInForce.GTC
                    : tifDraw == 6 ? TimeInForce.IOC : tifDraw == 7 ? TimeInForce.FOK : TimeInForce.GTD;
            long expireAt = tif == TimeInForce.GTD ? now + 1 + (d[5] / 10) % 40 : 0;
            place(new PlaceOrder(now, nextOrderId, user(d[1]), market.id(), side, OrderType.LIMIT, tif,
                    ticks * market.tickSize(), lots * market.lotSize(), 0, expireAt, stp(d[6])), ticks, lots);
        }

        private void postOnly(int[] d) {
            Market market = market(d[2]);
            Side side = side(d[2] / 3);
            long ticks = priceTicks(market, side, d[3]);
            long lots = lots(market, ticks, d[4]);
            boolean gtd = d[5] % 3 == 0;
            place(new PlaceOrder(now, nextOrderId, user(d[1]), market.id(), side, OrderType.LIMIT_MAKER,
                    gtd ? TimeInForce.GTD : TimeInForce.GTC, ticks * market.tickSize(), lots * market.lotSize(), 0,
                    gtd ? now + 1 + d[5] % 30 : 0, stp(d[6])), ticks, lots);
        }

        private void marketOrder(int[] d) {
            Market market = market(d[2]);
            long user = user(d[1]);
            // Larger than resting orders, so that market orders sweep queues and levels (whales: whole books).
            long quantity = lots(market, midTicks(market.id()), d[4]) * (1 + d[4] / 100 % 4) * (whales ? 2 : 1)
                    * market.lotSize();
            PlaceOrder order = switch (d[5] % 6) {
                case 0, 1 -> PlaceOrder.market(now, nextOrderId, user, market.id(), Side.BUY, quantity);
                case 2, 3 -> PlaceOrder.market(now, nextOrderId, user, market.id(), Side.SELL, quantity);
                case 4 -> PlaceOrder.market(now, nextOrderId, user, market.id(), side(d[3]), quantity)
                        .withTimeInForce(TimeInForce.FOK, 0);
                default -> {
                    // Spend about what a few lots cost at the mid, give or take half.
                    long lotValue = midTicks(market.id()) * market.unitNotional();
                    long sized = lots(market, midTicks(market.id()), d[4]);
                    long quote = sized > Long.MAX_VALUE / 200 / lotValue ? Long.MAX_VALUE - d[3] % 7
                            : sized * lotValue * (50 + d[3] % 100) / 100 + d[3] % 7;
                    yield PlaceOrder.marketBuyForQuote(now, nextOrderId, user, market.id(), quote);
                }
            };
            place(order.withStp(stp(d[6])), 0, 0);
        }

        private void amend(int[] d) {
            Issued target = pick(restingKind, d[1], d[6], order -> true);
            if (target == null) {
                limit(d);
                return;
            }
            Market market = target.market;
            Optional<RestingOrder> open = open(target);
            long ticks = open.map(o -> o.price() / market.tickSize()).orElse(target.priceTicks);
            long lots = open.map(o -> (o.openQuantity() + o.filledQuantity()) / market.lotSize())
                    .orElse(target.lots);
            int variant = d[2] % 10;
            long move = (1 + d[3] % 3) * (d[3] / 3 % 2 == 0 ? 1 : -1);
            // Towards and often through the other side of the book, so the amended order trades.
            long aggressive = (2 + d[3] % 8) * (target.side == Side.BUY ? 1 : -1);
            switch (variant) {
                case 0, 1 -> ticks += move;
                case 2 -> ticks += aggressive;
                case 3, 4 -> lots = Math.max(1, lots - 1 - d[3] % Math.max(1,
                        open.map(o -> o.openQuantity() / market.lotSize()).orElse(lots) - 1));
                case 5, 6 -> lots += 1 + d[3] % 5;
                case 7 -> {
                    ticks += move;
                    lots = lots(market, ticks, d[4]);
                }
                case 8 -> { }   // unchanged: a no-op amend
                default -> {
                    invalidAmend(d, target);
                    return;
                }
            }
            target.priceTicks = ticks;
            target.lots = lots;
            emit(new AmendOrder(now, target.id, target.userId, ticks * market.tickSize(),
                    lots * market.lotSize()));
        }

        private void invalidAmend(int[] d, Issued target) {
            Market market = target.market;
            long price = target.priceTicks * market.tickSize();
            long quantity = target.lots * market.lotSize();
            emit(switch (d[3] % 5) {
                case 0 -> new AmendOrder(now, target.id, otherUser(target.userId, d[4]), price, quantity);
                case 1 -> new AmendOrder(now, nextOrderId + 1_000_000, target.userId, price, quantity);
                case 2 -> new AmendOrder(now, target.id, target.userId, price + 1, quantity);
                case 3 -> new AmendOrder(now, target.id, target.userId, price, 0);
                default -> new AmendOrder(now, target.id, target.userId, price, quantity + 1);
            });
        }

        private void cancel(int[] d) {
            Issued target = pick(d[2] % 4 == 0 ? placed : restingKind, d[1], d[6], order -> true);
            if (target == null || d[3] % 10 == 9) {
                emit(new CancelOrder(now, target == null ? 424_242 : target.id,
                        target == null ? user(d[4]) : otherUser(target.userId, d[4])));
                return;
            }
            emit(new CancelOrder(now, target.id, target.userId));
        }

        private void take(int[] d) {
            long taker = user(d[3]);
            Issued target = pick(restingKind, d[1], d[6], order -> order.userId != taker);
            long targetId = target == null || d[2] % 20 == 19 ? 434_343 : target.id;
            long user = target == null ? taker
                    : d[2] % 20 == 18 ? target.userId : target.userId == taker ? otherUser(taker, d[3]) : taker;
            long quantity = target == null || d[4] % 3 == 0 ? 0
                    : lots(target.market, target.priceTicks, d[5]) * target.market.lotSize();
            emit(new TakeOrder(now, nextOrderId++, user, targetId, quantity));
        }

        private void close(int[] d) {
            Issued target = d[4] % 4 == 0 && lastClosed != null ? lastClosed : recent(placed, d[1]);
            lastClosed = target;
            if (target == null) {
                emit(new CloseOrder(now, 454_545, user(d[3]), nextOrderId++));
                return;
            }
            long user = d[2] % 10 == 9 ? otherUser(target.userId, d[3]) : target.userId;
            emit(new CloseOrder(now, target.id, user, nextOrderId++));
        }

        private void haltOrResume(int[] d) {
            int marketId = 1 + d[1] % 3;
            for (int id = 1; id < halted.length; id++) {
                if (halted[id]) {
                    marketId = id;   // a halted market is resumed before another is halted
                }
            }
            boolean halt = !halted[marketId] && d[2] % 8 == 0;
            halted[marketId] = halt;
            emit(new SetMarketHalted(now, d[3] % 50 == 0 ? UNKNOWN_MARKET : marketId, halt));
        }

        /**
         * New fees, minimum notional and default self-trade prevention for a market (its tick and lot stay, so
         * the stream's prices stay on the grid); a fee rise is refused while bids rest.
         */
        private void changeRules(int[] d) {
            Market market = market(d[2]);
            Market changed = new Market(market.id(), market.symbol(), market.baseAsset(), market.quoteAsset(),
                    market.baseScale(), market.tickSize(), market.lotSize(), market.minNotional() * (1 + d[3] % 2),
                    FEES_PPM[d[4] % FEES_PPM.length], FEES_PPM[d[5] % FEES_PPM.length], STP.get(d[6] % STP.size()));
            emit(new UpdateMarket(now, changed));
        }

        private void adjust(int[] d) {
            int asset = ASSETS.get(d[2] % ASSETS.size());
            long user = d[1] % 20 == 0 ? 0 : user(d[1]);   // now and then, the fee account pays out
            long amount = (1 + d[3] % 100) * scale(asset) / 10;
            emit(new AdjustBalance(now, user, asset, d[4] % 3 == 0 || user == 0 ? -amount : amount));
        }

        private void invalid(int[] d) {
            Market market = market(d[2]);
            long user = user(d[3]);
            Side side = side(d[6]);
            long ticks = priceTicks(market, side, d[4]);
            long price = ticks * market.tickSize();
            long quantity = lots(market, ticks, d[5]) * market.lotSize();
            PlaceOrder limit = PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price, quantity);
            PlaceOrder marketOrder = PlaceOrder.market(now, nextOrderId, user, market.id(), side, quantity);
            Command command = switch (d[1] % 17) {
                case 0 -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price + 1, quantity);
                case 1 -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price, 0);
                case 2 -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, price, quantity + 1);
                case 3 -> PlaceOrder.limit(now, nextOrderId, user, UNKNOWN_MARKET, side, price, quantity);
                case 4 -> new PlaceOrder(now, nextOrderId, user, market.id(), side, OrderType.MARKET,
                        TimeInForce.IOC, price, quantity, 0, 0, null);
                case 5 -> limit.withTimeInForce(TimeInForce.GTD, 0);
                case 6 -> limit.withTimeInForce(TimeInForce.GTD, now);
                case 7 -> limit.withType(OrderType.LIMIT_MAKER).withTimeInForce(TimeInForce.IOC, 0);
                case 8 -> new PlaceOrder(now, nextOrderId, user, market.id(), Side.SELL, OrderType.MARKET,
                        TimeInForce.IOC, 0, 0, quantity, 0, null);
                case 9 -> new PlaceOrder(now, nextOrderId, user, market.id(), side, OrderType.LIMIT,
                        TimeInForce.GTC, price, quantity, 1_000, 0, null);
                case 10 -> {
                    Issued earlier = recent(placed, d[7]);
                    yield PlaceOrder.limit(now, earlier == null ? 1 : earlier.id, user, market.id(), side, price,
                            quantity);
                }
                case 11 -> PlaceOrder.limit(now, nextOrderId, 0, market.id(), side, price, quantity);
                case 12 -> PlaceOrder.limit(now, nextOrderId, user, market.id(), side, -price, quantity);
                case 13 -> limit.withTimeInForce(TimeInForce.GTC, now + 10);
                case 14 -> PlaceOrder.marketBuyForQuote(now, nextOrderId, user, market.id(), quantity)
                        .withTimeInForce(TimeInForce.FOK, 0);
                case 15 -> marketOrder.withTimeInForce(TimeInForce.GTC, 0);
                default -> new AdjustBalance(now, user, ASSETS.get(d[7] % 3), 0);
            };
            emit(command);
            if (command instanceof PlaceOrder p && p.orderId() == nextOrderId) {
                nextOrderId++;
            }
        }

        private void place(PlaceOrder order, long ticks, long lots) {
            emit(order);
            nextOrderId++;
            Issued issued = new Issued(order.orderId(), order.userId(), marketById(order.marketId()), order.side(),
                    ticks, lots);
            placed.add(issued);
            if (order.type() != OrderType.MARKET && order.timeInForce().rests()) {
                restingKind.add(issued);
            }
        }

        private Market marketById(int id) {
            return markets.get(id - 1);
        }

        private Market market(int d) {
            return markets.get(d % markets.size());
        }

        private long user(int d) {
            return 1 + d % users;
        }

        private long otherUser(long user, int d) {
            return 1 + (user + d % (users - 1)) % users;
        }

        private static Side side(int d) {
            return d % 2 == 0 ? Side.BUY : Side.SELL;
        }

        /**
         * Mostly one to four ticks behind the mid on the order's own side, so queues of several orders build up
         * on few levels; otherwise anywhere within four (now and then eight) ticks of the mid, which crosses the
         * book often.
         */
        private static long priceTicks(Market market, Side side, int d) {
            long mid = midTicks(market.id());
            return switch (d % 8) {
                case 0, 1, 2, 3, 4 -> side == Side.BUY ? mid - 1 - d / 8 % 4 : mid + 1 + d / 8 % 4;
                case 5, 6 -> mid + d / 8 % 9 - 4;
                default -> mid + d / 8 % 17 - 8;
            };
        }

        /**
         * Mostly a few lots, sometimes twenty, now and then a hundred that sweeps several levels. Whales also
         * trade close to the largest order value allowed at that price, just over it, or many powers of ten more.
         */
        private long lots(Market market, long ticks, int d) {
            int r = d % 100;
            long lots = r < 60 ? 1 + r % 5 : r < 92 ? 1 + r % 20 : 20 + d % 100;
            if (!whales) {
                return lots;
            }
            long largest = Math.min(MatchingEngine.MAX_NOTIONAL / (Math.max(1, ticks) * market.unitNotional()),
                    Long.MAX_VALUE / 16 / market.lotSize());
            return switch (d / 100 % 8) {
                case 0, 1 -> lots;
                case 2, 3, 4 -> largest - d % 3;
                case 5 -> largest / (2 + d % 3);
                case 6 -> largest + 1 + d % 5;
                default -> Math.min(largest * 2, lots * (long) Math.pow(10, d / 800 % 12));
            };
        }

        private static SelfTradePrevention stp(int d) {
            return d % 6 < 4 ? null : STP.get(d / 6 % STP.size());
        }

        /**
         * Four times in five, one of the recent orders that are open in the shadow engine and match the filter;
         * otherwise (or if there is none) any recent order, which may well be finished.
         */
        private Issued pick(List<Issued> orders, int d, int blind, Predicate<Issued> filter) {
            if (blind % 5 != 4) {
                List<Issued> live = new ArrayList<>();
                for (int i = Math.max(0, orders.size() - 4 * RECENT); i < orders.size(); i++) {
                    Issued order = orders.get(i);
                    if (filter.test(order) && open(order).isPresent()) {
                        live.add(order);
                    }
                }
                if (!live.isEmpty()) {
                    return live.get(live.size() - 1 - d % live.size());
                }
            }
            return recent(orders, d);
        }

        private static Issued recent(List<Issued> orders, int d) {
            if (orders.isEmpty()) {
                return null;
            }
            return orders.get(orders.size() - 1 - d % Math.min(orders.size(), RECENT));
        }
    }
}
