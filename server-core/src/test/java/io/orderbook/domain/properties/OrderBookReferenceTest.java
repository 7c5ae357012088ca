package io.orderbook.domain.properties;

import io.orderbook.domain.book.BookListener;
import io.orderbook.domain.book.BookOrder;
import io.orderbook.domain.book.DepthLevel;
import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.book.Sweep;
import io.orderbook.domain.book.TakerOutcome;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.properties.ReferenceOrderBook.Happening;
import io.orderbook.domain.properties.ReferenceOrderBook.RefOrder;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

import static io.orderbook.domain.properties.StreamProperties.forAll;

/**
 * The fast {@link OrderBook} against {@link ReferenceOrderBook}, an obviously correct one, on random operation
 * sequences ({@link BookScenario}): after every operation both must have reported the same trades and removals
 * in the same order, returned the same outcome, and hold the same orders in the same priority order with the
 * same quantities. And {@link OrderBook#sweep}, which the engine trusts to size fill-or-kill checks and market
 * buy reservations, must predict exactly what the following match trades.
 */
class OrderBookReferenceTest {
    private static final Gen<BookScenario> SCENARIOS = BookScenario.scenarios(10, 300);
    private static final int EXAMPLES = 1_000;
    private static final long MID = 1_000;
    private static final List<SelfTradePrevention> STP = List.of(SelfTradePrevention.values());

    @Test
    void theFastBookTradesAndQueuesExactlyLikeTheReferenceBook() {
        forAll(SCENARIOS, EXAMPLES, scenario -> new Comparison(scenario, false).run());
    }

    @Test
    void sweepPredictsExactlyWhatMatchingTrades() {
        forAll(SCENARIOS, EXAMPLES, scenario -> new Comparison(scenario, true).run());
    }

    /** Runs one scenario on both books side by side. */
    private static final class Comparison {
        private final BookScenario scenario;
        private final boolean checkSweeps;
        private final ReferenceOrderBook reference;
        private final List<Happening> fastHappenings = new ArrayList<>();
        private final OrderBook fast;
        private final List<String> done = new ArrayList<>();
        private long now;
        private long nextId = 1;

        Comparison(BookScenario scenario, boolean checkSweeps) {
            this.scenario = scenario;
            this.checkSweeps = checkSweeps;
            this.reference = new ReferenceOrderBook(scenario.unitNotional());
            this.fast = new OrderBook(scenario.unitNotional(), new BookListener() {
                @Override
                public void trade(BookOrder maker, BookOrder taker, long priceTicks, long lots) {
                    fastHappenings.add(new ReferenceOrderBook.Trade(maker.id(), taker.id(), priceTicks, lots));
                }

                @Override
                public void makerRemoved(BookOrder maker, MakerRemoval reason) {
                    fastHappenings.add(new ReferenceOrderBook.Removed(maker.id(), reason));
                }
            });
        }

        void run() {
            for (int i = 0; i < scenario.steps().size(); i++) {
                BookScenario.Step step = scenario.steps().get(i);
                try {
                    apply(step);
                    compareBooks();
                } catch (PropertyViolation violation) {
                    throw new PropertyViolation(violation.kind(), "at step " + i + " " + step + "\n  operations:\n"
                            + String.join("\n", done.subList(Math.max(0, done.size() - 40), done.size()))
                            + "\n  " + violation.detail(), i, null);
                } catch (RuntimeException unexpected) {
                    throw new PropertyViolation("book threw " + unexpected.getClass().getSimpleName(),
                            "at step " + i + " " + step + "\n  operations:\n" + String.join("\n", done)
                                    + "\n  " + unexpected, i, unexpected);
                }
            }
        }

        private void apply(BookScenario.Step s) {
            if (s.e() % 4 == 0) {
                now++;
            }
            List<Long> resting = reference.restingIds();
            switch (s.operation()) {
                case LIMIT -> {
                    long expireAt = s.d() % 4 == 0 ? now + 1 + s.d() / 4 % 10 : BookOrder.NEVER;
                    long price = MID + s.c() % 11 - 5;
                    Side side = side(s.b());
                    boolean mayRest = s.b() / 2 % 5 != 0;
                    PropertyViolation.check(fast.wouldCross(side, price) == wouldCrossByReference(side, price),
                            "wouldCross", "wouldCross(" + side + ", " + price + ") disagrees with the reference");
                    place(nextId++, user(s.a()), side, price, 1 + s.e() % 10, BookOrder.UNLIMITED, expireAt,
                            STP.get(s.a() / 3 % STP.size()), mayRest);
                }
                case MARKET -> {
                    Side side = side(s.b());
                    long budget = side == Side.BUY && s.d() % 3 == 0
                            ? (1 + s.d() % 50) * MID * scenario.unitNotional() / 5 + s.d() % 7 : BookOrder.UNLIMITED;
                    place(nextId++, user(s.a()), side, side == Side.BUY ? BookOrder.MARKET_BUY_PRICE
                                    : BookOrder.MARKET_SELL_PRICE, 1 + s.e() % 30, budget, BookOrder.NEVER,
                            STP.get(s.a() / 3 % STP.size()), false);
                }
                case CANCEL -> {
                    long id = resting.isEmpty() || s.c() % 10 == 0 ? nextId + 1_000 : pick(resting, s.a());
                    BookOrder cancelled = fast.cancel(id);
                    boolean referenceHad = reference.cancel(id);
                    done.add("    cancel #" + id);
                    PropertyViolation.check((cancelled != null) == referenceHad
                                    && (cancelled == null || cancelled.id() == id), "reference book",
                            "cancel #" + id + " returned " + cancelled + ", reference had it: " + referenceHad);
                }
                case REDUCE -> {
                    if (resting.isEmpty()) {
                        return;
                    }
                    long id = pick(resting, s.a());
                    long newOpen = 1 + s.c() % reference.order(id).open;
                    done.add("    reduce #" + id + " to " + newOpen + " lots");
                    fast.reduce(fast.order(id), newOpen);
                    reference.reduce(id, newOpen);
                }
                case REPLACE -> {
                    if (resting.isEmpty()) {
                        return;
                    }
                    long id = pick(resting, s.a());
                    long price = MID + s.c() % 11 - 5;
                    long lots = 1 + s.e() % 10;
                    done.add("    replace #" + id + " with " + lots + " lots @ " + price + " at time " + now);
                    int before = fastHappenings.size();
                    TakerOutcome fastOutcome = fast.replace(fast.order(id), price, lots, now);
                    TakerOutcome referenceOutcome = reference.replace(id, price, lots, now);
                    compareHappenings(before, fastOutcome, referenceOutcome);
                }
                case TAKE -> {
                    if (resting.isEmpty()) {
                        return;
                    }
                    long makerId = pick(resting, s.a());
                    RefOrder target = reference.order(makerId);
                    long user = 1 + (target.userId + s.b() % 2) % 3;   // any user but the maker's
                    long lots = 1 + s.e() % 10;
                    long id = nextId++;
                    done.add("    take #" + makerId + " for " + lots + " lots as #" + id + " (user " + user + ")");
                    Side side = target.side.opposite();
                    int before = fastHappenings.size();
                    long fastLots = fast.take(new BookOrder(id, user, side, target.price, lots, BookOrder.UNLIMITED,
                            BookOrder.NEVER, SelfTradePrevention.NONE), fast.order(makerId), lots);
                    long referenceLots = reference.take(new RefOrder(id, user, side, target.price, lots,
                            BookOrder.UNLIMITED, BookOrder.NEVER, SelfTradePrevention.NONE), makerId, lots);
                    PropertyViolation.check(fastLots == referenceLots, "reference book",
                            "take traded " + fastLots + " lots, the reference " + referenceLots);
                    compareHappenings(before, null, null);
                }
                case WAIT -> {
                    now += 1 + s.a() % 5;
                    done.add("    time is now " + now);
                }
            }
        }

        private void place(long id, long user, Side side, long price, long lots, long budget, long expireAt,
                           SelfTradePrevention stp, boolean mayRest) {
            done.add("    place #" + id + " user " + user + " " + side + " " + lots + " lots @ " + price
                    + (budget == BookOrder.UNLIMITED ? "" : " budget " + budget)
                    + (expireAt == BookOrder.NEVER ? "" : " expires " + expireAt) + " stp " + stp
                    + (mayRest ? " GTC" : " IOC") + " at time " + now);
            BookOrder order = new BookOrder(id, user, side, price, lots, budget, expireAt, stp);
            Sweep predicted = fast.sweep(order, now);
            int before = fastHappenings.size();
            TakerOutcome fastOutcome = fast.place(order, mayRest, now);
            TakerOutcome referenceOutcome = reference.place(new RefOrder(id, user, side, price, lots, budget,
                    expireAt, stp), mayRest, now);
            compareHappenings(before, fastOutcome, referenceOutcome);
            PropertyViolation.check(order.filledLots() + order.openLots() == lots, "reference book",
                    "order #" + id + " filled " + order.filledLots() + " and has " + order.openLots()
                            + " open of " + lots);
            if (checkSweeps) {
                long tradedLots = 0;
                long tradedValue = 0;
                for (Happening happening : fastHappenings.subList(before, fastHappenings.size())) {
                    if (happening instanceof ReferenceOrderBook.Trade trade) {
                        tradedLots += trade.lots();
                        tradedValue += trade.lots() * trade.price() * scenario.unitNotional();
                    }
                }
                PropertyViolation.check(predicted.lots() == tradedLots && predicted.notional() == tradedValue,
                        "sweep predicts matching", "sweep predicted " + predicted + " but matching traded "
                                + tradedLots + " lots worth " + tradedValue);
            }
        }

        private void compareHappenings(int before, TakerOutcome fastOutcome, TakerOutcome referenceOutcome) {
            List<Happening> fastNew = fastHappenings.subList(before, fastHappenings.size());
            List<Happening> referenceNew = reference.happenings.subList(before, reference.happenings.size());
            PropertyViolation.check(fastNew.equals(referenceNew) && fastOutcome == referenceOutcome, "reference book",
                    "the fast book reported " + fastNew + " -> " + fastOutcome + "\n  the reference "
                            + referenceNew + " -> " + referenceOutcome);
        }

        private void compareBooks() {
            try {
                fast.validate();
            } catch (IllegalStateException broken) {
                throw new PropertyViolation("book structure", broken.getMessage());
            }
            for (Side side : Side.values()) {
                List<String> fastOrders = new ArrayList<>();
                fast.forEachOrder(side, o -> fastOrders.add(ReferenceOrderBook.line(o.id(), o.userId(), o.side(),
                        o.price(), o.openLots(), o.filledLots())));
                List<String> referenceOrders = reference.describe(side);
                PropertyViolation.check(fastOrders.equals(referenceOrders), "reference book", side
                        + " side differs\n    fast:      " + fastOrders + "\n    reference: " + referenceOrders);
                PropertyViolation.check(fast.bestPrice(side) == reference.bestPrice(side), "reference book",
                        "best " + side + " price differs");
                long lots = fast.depth(side, Integer.MAX_VALUE).stream().mapToLong(DepthLevel::lots).sum();
                long orders = fast.depth(side, Integer.MAX_VALUE).stream().mapToLong(DepthLevel::orders).sum();
                PropertyViolation.check(orders == referenceOrders.size(), "reference book",
                        side + " depth counts " + orders + " orders");
                long[] referenceLots = {0};
                fast.forEachOrder(side, o -> referenceLots[0] += o.openLots());
                PropertyViolation.check(lots == referenceLots[0], "reference book", side + " depth lots differ");
            }
            PropertyViolation.check(fast.orderCount() == reference.restingIds().size(), "reference book",
                    "order count " + fast.orderCount() + " vs " + reference.restingIds().size());
        }

        private boolean wouldCrossByReference(Side side, long price) {
            long best = reference.bestPrice(side.opposite());
            return best != OrderBook.NO_PRICE && (side == Side.BUY ? best <= price : best >= price);
        }

        private static long pick(List<Long> ids, int draw) {
            return ids.get(draw % ids.size());
        }

        private static Side side(int draw) {
            return draw % 2 == 0 ? Side.BUY : Side.SELL;
        }

        private static long user(int draw) {
            return 1 + draw % 3;
        }
    }
}
