package io.orderbook.domain.book;

import io.orderbook.domain.book.BookListener.MakerRemoval;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A price-time priority limit order book for one market.
 *
 * <p>A pure state machine: it matches, keeps resting orders in queues per price, and reports trades and
 * removals to its {@link BookListener}. It knows nothing about balances, fees or validation; callers
 * pass well-formed orders. Trades always happen at the resting (maker) order's price.
 */
public final class OrderBook {
    /** Returned by {@link #bestPrice(Side)} when a side is empty. */
    public static final long NO_PRICE = -1;

    private final long unitNotional;
    private final BookListener listener;
    private final BookSide bids = new BookSide(true);
    private final BookSide asks = new BookSide(false);
    private final Long2ObjectHashMap<BookOrder> orders = new Long2ObjectHashMap<>();

    /**
     * An empty book.
     *
     * @param unitNotional quote minor units of one lot at one tick, used to spend a taker's budget
     * @param listener     receives trades and removals
     * @throws IllegalArgumentException if {@code unitNotional} is not positive
     */
    public OrderBook(long unitNotional, BookListener listener) {
        if (unitNotional <= 0) {
            throw new IllegalArgumentException("unitNotional must be positive");
        }
        this.unitNotional = unitNotional;
        this.listener = listener;
    }

    /**
     * Matches an incoming order against the opposite side, then rests what is left if {@code mayRest}.
     * Reports each trade, and each resting order expired or removed by self-trade prevention on the way.
     * The caller ensures the id is not already in the book.
     *
     * @param order   the incoming order, not in any book
     * @param mayRest whether what is left after matching may rest in the book
     * @param now     the current time; resting orders with {@code expireAt <= now} are expired, not traded
     * @return how the order ended its matching
     */
    public TakerOutcome place(BookOrder order, boolean mayRest, long now) {
        TakerOutcome outcome = match(order, now);
        if (outcome == TakerOutcome.UNFILLED && mayRest) {
            rest(order);
            return TakerOutcome.RESTING;
        }
        return outcome;
    }

    /**
     * Whether an order of this side and price would trade against the book at once.
     *
     * @param side  the order's side
     * @param price its limit price, in ticks
     * @return true if the best opposite price is at or better than {@code price}
     */
    public boolean wouldCross(Side side, long price) {
        PriceLevel best = (side == Side.BUY ? asks : bids).best();
        return best != null && (side == Side.BUY ? best.price <= price : best.price >= price);
    }

    /**
     * What {@code order} could trade right now if placed, following the same rules as matching
     * (price limit, budget, expired makers, self-trade prevention), without changing anything.
     *
     * @param order the order as it would be placed
     * @param now   the current time, to skip expired makers
     * @return the lots it could fill and their quote value
     */
    public Sweep sweep(BookOrder order, long now) {
        return sweep(order, now, null);
    }

    /**
     * Like {@link #sweep(BookOrder, long)}, as if the resting order {@code ignored} were not there.
     *
     * @param order   the order as it would be placed
     * @param now     the current time, to skip expired makers
     * @param ignored a resting order to leave out (the one being amended), or null
     * @return the lots it could fill and their quote value
     */
    public Sweep sweep(BookOrder order, long now, BookOrder ignored) {
        BookSide opposite = order.side() == Side.BUY ? asks : bids;
        long wanted = order.openLots;
        long budget = order.budget;
        long lots = 0;
        long notional = 0;
        for (PriceLevel level = opposite.best(); level != null && lots < wanted; level = opposite.next(level)) {
            if (!order.crosses(level.price)) {
                break;
            }
            long lotCost = level.price * unitNotional;
            for (BookOrder maker = level.head; maker != null && lots < wanted; maker = maker.next) {
                if (maker == ignored || maker.expireAt() <= now) {
                    continue;
                }
                if (maker.userId() == order.userId() && order.selfTradePrevention() != SelfTradePrevention.NONE) {
                    if (order.selfTradePrevention() == SelfTradePrevention.EXPIRE_MAKER) {
                        continue;
                    }
                    return new Sweep(lots, notional);
                }
                long fill = Math.min(wanted - lots, maker.openLots);
                if (budget != BookOrder.UNLIMITED) {
                    fill = Math.min(fill, budget / lotCost);
                    if (fill == 0) {
                        return new Sweep(lots, notional);
                    }
                    budget -= fill * lotCost;
                }
                lots += fill;
                // Saturate: a total beyond any balance only has to be recognisably unaffordable.
                notional = Math.min(Long.MAX_VALUE - fill * lotCost, notional) + fill * lotCost;
            }
        }
        return new Sweep(lots, notional);
    }

    /**
     * Removes a resting order. Reports nothing to the listener.
     *
     * @param orderId the order's id
     * @return the removed order, or null if the id is not in the book (then nothing happens)
     */
    public BookOrder cancel(long orderId) {
        BookOrder order = orders.get(orderId);
        if (order != null) {
            unlink(order);
        }
        return order;
    }

    /**
     * Lowers a resting order's open quantity; it keeps its place in the queue.
     *
     * @param order       a resting order of this book
     * @param newOpenLots the new open quantity, in lots
     * @throws IllegalArgumentException unless {@code 0 < newOpenLots <= openLots}
     */
    public void reduce(BookOrder order, long newOpenLots) {
        if (!order.isResting() || newOpenLots <= 0 || newOpenLots > order.openLots) {
            throw new IllegalArgumentException("reduce needs a resting order and a smaller positive quantity");
        }
        order.level.totalLots -= order.openLots - newOpenLots;
        order.openLots = newOpenLots;
    }

    /**
     * Moves a resting order to a new price and/or quantity with a new time priority: it leaves its queue,
     * matches at the new price like an incoming order, and rests what is left at the back of its level.
     *
     * @param order       a resting order of this book
     * @param newPrice    the new limit price, in ticks
     * @param newOpenLots the new open quantity, in lots; positive
     * @param now         the current time; resting orders with {@code expireAt <= now} are expired, not traded
     * @return how the order ended its matching
     * @throws IllegalArgumentException if the order is not resting or {@code newOpenLots} is not positive
     */
    public TakerOutcome replace(BookOrder order, long newPrice, long newOpenLots, long now) {
        if (!order.isResting() || newOpenLots <= 0) {
            throw new IllegalArgumentException("replace needs a resting order and a positive quantity");
        }
        // The order keeps its entry in the id index while it moves: it is only taken out of its level,
        // and leaves the index only if it does not rest again. Saves a hash removal and insertion per move.
        unlinkFromLevel(order);
        order.price = newPrice;
        order.openLots = newOpenLots;
        TakerOutcome outcome = match(order, now);
        if (outcome == TakerOutcome.UNFILLED) {
            sideOf(order).findOrCreate(order.price).append(order);
            return TakerOutcome.RESTING;
        }
        orders.remove(order.id());
        return outcome;
    }

    /**
     * Trades {@code taker} against one chosen resting order at that order's price, for
     * {@code min(lots, maker's open lots)}. Reports the trade.
     *
     * @param taker the incoming order; it does not rest
     * @param maker a resting order of the opposite side
     * @param lots  most lots to trade; positive
     * @return the lots traded
     * @throws IllegalArgumentException if {@code maker} is not resting, is of the taker's side, or {@code lots} is
     *                                  not positive
     */
    public long take(BookOrder taker, BookOrder maker, long lots) {
        if (!maker.isResting() || maker.side() == taker.side() || lots <= 0) {
            throw new IllegalArgumentException("take needs a resting order of the opposite side");
        }
        long fill = Math.min(lots, maker.openLots);
        fill(maker, taker, maker.price, fill);
        return fill;
    }

    /**
     * The resting order with this id.
     *
     * @param orderId the order's id
     * @return the order, or null if it is not in the book
     */
    public BookOrder order(long orderId) {
        return orders.get(orderId);
    }

    /**
     * Number of resting orders.
     *
     * @return the count, both sides together
     */
    public int orderCount() {
        return orders.size();
    }

    /**
     * Best price of a side: highest bid or lowest ask.
     *
     * @param side {@code BUY} for bids, {@code SELL} for asks
     * @return the price in ticks, or {@link #NO_PRICE} if the side is empty
     */
    public long bestPrice(Side side) {
        PriceLevel best = (side == Side.BUY ? bids : asks).best();
        return best == null ? NO_PRICE : best.price;
    }

    /**
     * Up to {@code maxLevels} aggregated levels of a side, best first.
     *
     * @param side      {@code BUY} for bids, {@code SELL} for asks
     * @param maxLevels most levels to return
     * @return a new list, empty if the side is
     */
    public List<DepthLevel> depth(Side side, int maxLevels) {
        BookSide bookSide = side == Side.BUY ? bids : asks;
        int count = Math.min(maxLevels, bookSide.size());
        List<DepthLevel> result = new ArrayList<>(count);
        for (PriceLevel level = bookSide.best(); result.size() < count; level = bookSide.next(level)) {
            result.add(new DepthLevel(level.price, level.totalLots, level.count));
        }
        return result;
    }

    /**
     * Visits a side's resting orders in priority order: best price first, oldest first within a price.
     *
     * @param side    {@code BUY} for bids, {@code SELL} for asks
     * @param visitor called once per order; must not change the book
     */
    public void forEachOrder(Side side, Consumer<BookOrder> visitor) {
        BookSide bookSide = side == Side.BUY ? bids : asks;
        for (PriceLevel level = bookSide.best(); level != null; level = bookSide.next(level)) {
            for (BookOrder order = level.head; order != null; order = order.next) {
                visitor.accept(order);
            }
        }
    }

    /**
     * Puts an order at the back of its price level without matching; used to rebuild a book from a snapshot.
     *
     * @param order an order not yet in the book, with open lots
     * @throws IllegalArgumentException if its id is in the book or it has no open lots
     */
    public void restore(BookOrder order) {
        if (orders.containsKey(order.id()) || order.openLots <= 0) {
            throw new IllegalArgumentException("cannot restore order " + order.id());
        }
        rest(order);
    }

    /**
     * Checks every structural invariant (sorted levels, queue links, level totals, the id index, an
     * uncrossed book) and throws {@link IllegalStateException} on the first violation. For tests.
     */
    public void validate() {
        int counted = validateSide(bids, Side.BUY) + validateSide(asks, Side.SELL);
        if (counted != orders.size()) {
            throw new IllegalStateException("index holds " + orders.size() + " orders, levels hold " + counted);
        }
        PriceLevel bestBid = bids.best();
        PriceLevel bestAsk = asks.best();
        if (bestBid != null && bestAsk != null && bestBid.price >= bestAsk.price) {
            throw new IllegalStateException("crossed book: bid " + bestBid.price + " >= ask " + bestAsk.price);
        }
    }

    private int validateSide(BookSide side, Side expected) {
        side.validate();
        int total = 0;
        int levels = 0;
        long previous = 0;
        for (PriceLevel level = side.best(); level != null; level = side.next(level)) {
            if (++levels > side.size()) {
                throw new IllegalStateException("more levels reachable from the best than the side holds");
            }
            if (levels > 1 && (expected == Side.BUY ? level.price >= previous : level.price <= previous)) {
                throw new IllegalStateException("levels out of order at " + level.price);
            }
            previous = level.price;
            long lots = 0;
            int count = 0;
            BookOrder prev = null;
            for (BookOrder order = level.head; order != null; order = order.next) {
                if (order.level != level || order.prev != prev || order.side() != expected
                        || order.price != level.price || order.openLots <= 0 || orders.get(order.id()) != order) {
                    throw new IllegalStateException("order " + order.id() + " is inconsistent with its level");
                }
                lots += order.openLots;
                count++;
                prev = order;
            }
            if (count == 0 || lots != level.totalLots || count != level.count || prev != level.tail) {
                throw new IllegalStateException("level " + level.price + " totals are inconsistent");
            }
            total += count;
        }
        if (levels != side.size()) {
            throw new IllegalStateException(side.size() + " levels but " + levels + " reachable from the best");
        }
        return total;
    }

    private TakerOutcome match(BookOrder taker, long now) {
        BookSide opposite = taker.side() == Side.BUY ? asks : bids;
        while (taker.openLots > 0) {
            PriceLevel level = opposite.best();
            if (level == null || !taker.crosses(level.price)) {
                return TakerOutcome.UNFILLED;
            }
            long lotCost = level.price * unitNotional;
            BookOrder maker = level.head;
            while (maker != null) {
                BookOrder next = maker.next;
                if (maker.expireAt() <= now) {
                    unlink(maker);
                    listener.makerRemoved(maker, MakerRemoval.EXPIRED);
                } else if (maker.userId() == taker.userId()
                        && taker.selfTradePrevention() != SelfTradePrevention.NONE) {
                    SelfTradePrevention stp = taker.selfTradePrevention();
                    if (stp == SelfTradePrevention.EXPIRE_TAKER) {
                        return TakerOutcome.SELF_TRADE;
                    }
                    unlink(maker);
                    listener.makerRemoved(maker, MakerRemoval.SELF_TRADE);
                    if (stp == SelfTradePrevention.EXPIRE_BOTH) {
                        return TakerOutcome.SELF_TRADE;
                    }
                } else {
                    long lots = Math.min(taker.openLots, maker.openLots);
                    if (taker.budget != BookOrder.UNLIMITED) {
                        lots = Math.min(lots, taker.budget / lotCost);
                        if (lots == 0) {
                            return TakerOutcome.UNFILLED;
                        }
                        taker.budget -= lots * lotCost;
                    }
                    fill(maker, taker, level.price, lots);
                    if (taker.openLots == 0) {
                        return TakerOutcome.FILLED;
                    }
                    if (maker.openLots > 0) {
                        // Only the budget stops a fill short of both orders: the taker can afford nothing more,
                        // and must not go on to expire or self-trade-cancel the makers behind this one.
                        return TakerOutcome.UNFILLED;
                    }
                }
                maker = next;
            }
        }
        return TakerOutcome.FILLED;
    }

    private void fill(BookOrder maker, BookOrder taker, long price, long lots) {
        maker.openLots -= lots;
        maker.filledLots += lots;
        taker.openLots -= lots;
        taker.filledLots += lots;
        maker.level.totalLots -= lots;
        if (maker.openLots == 0) {
            unlink(maker);
        }
        listener.trade(maker, taker, price, lots);
    }

    private void rest(BookOrder order) {
        BookSide side = order.side() == Side.BUY ? bids : asks;
        side.findOrCreate(order.price).append(order);
        orders.put(order.id(), order);
    }

    private void unlink(BookOrder order) {
        unlinkFromLevel(order);
        orders.remove(order.id());
    }

    /** Takes an order out of its price level (dropping the level if it empties), not out of the id index. */
    private void unlinkFromLevel(BookOrder order) {
        PriceLevel level = order.level;
        level.unlink(order);
        if (level.isEmpty()) {
            sideOf(order).remove(level);
        }
    }

    private BookSide sideOf(BookOrder order) {
        return order.side() == Side.BUY ? bids : asks;
    }
}
