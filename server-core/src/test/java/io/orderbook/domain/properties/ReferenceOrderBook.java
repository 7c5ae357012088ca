package io.orderbook.domain.properties;

import io.orderbook.domain.book.BookListener.MakerRemoval;
import io.orderbook.domain.book.BookOrder;
import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.book.TakerOutcome;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obviously correct order book that the fast {@link OrderBook} is tested against: per side a sorted map
 * from price to a FIFO queue, and a matching loop that always looks at the oldest order of the best price.
 * Same contract as {@link OrderBook} (prices in ticks, quantities in lots, trades at the maker's price, expired
 * makers and self-trade prevention met on the way), none of its speed.
 */
final class ReferenceOrderBook {

    /** An order as the reference book keeps it. */
    static final class RefOrder {
        final long id;
        final long userId;
        final Side side;
        final long expireAt;
        final SelfTradePrevention stp;
        long price;
        long open;
        long filled;
        /** Quote value the order may still trade for, or {@link BookOrder#UNLIMITED}. */
        long budget;

        RefOrder(long id, long userId, Side side, long price, long open, long budget, long expireAt,
                 SelfTradePrevention stp) {
            this.id = id;
            this.userId = userId;
            this.side = side;
            this.price = price;
            this.open = open;
            this.budget = budget;
            this.expireAt = expireAt;
            this.stp = stp;
        }
    }

    /** Something that happened to a resting order while matching, in the vocabulary of the book's listener. */
    sealed interface Happening {
    }

    record Trade(long makerId, long takerId, long price, long lots) implements Happening {
    }

    record Removed(long makerId, MakerRemoval reason) implements Happening {
    }

    private final long unitNotional;
    private final TreeMap<Long, ArrayDeque<RefOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, ArrayDeque<RefOrder>> asks = new TreeMap<>();
    private final Map<Long, RefOrder> resting = new HashMap<>();
    /** Everything that happened so far, oldest first. */
    final List<Happening> happenings = new ArrayList<>();

    ReferenceOrderBook(long unitNotional) {
        this.unitNotional = unitNotional;
    }

    /** Matches the order against the other side, then rests what is left if it may. */
    TakerOutcome place(RefOrder taker, boolean mayRest, long now) {
        TreeMap<Long, ArrayDeque<RefOrder>> opposite = taker.side == Side.BUY ? asks : bids;
        while (taker.open > 0 && !opposite.isEmpty()) {
            long price = opposite.firstKey();
            boolean acceptable = taker.side == Side.BUY ? price <= taker.price : price >= taker.price;
            if (!acceptable) {
                break;
            }
            RefOrder maker = opposite.get(price).peekFirst();
            if (maker.expireAt <= now) {
                remove(maker);
                happenings.add(new Removed(maker.id, MakerRemoval.EXPIRED));
                continue;
            }
            if (maker.userId == taker.userId && taker.stp != SelfTradePrevention.NONE) {
                if (taker.stp == SelfTradePrevention.EXPIRE_TAKER) {
                    return TakerOutcome.SELF_TRADE;
                }
                remove(maker);
                happenings.add(new Removed(maker.id, MakerRemoval.SELF_TRADE));
                if (taker.stp == SelfTradePrevention.EXPIRE_BOTH) {
                    return TakerOutcome.SELF_TRADE;
                }
                continue;
            }
            long lots = Math.min(taker.open, maker.open);
            if (taker.budget != BookOrder.UNLIMITED) {
                long lotCost = price * unitNotional;
                lots = Math.min(lots, taker.budget / lotCost);
                if (lots == 0) {
                    break;
                }
                taker.budget -= lots * lotCost;
            }
            trade(maker, taker, price, lots);
        }
        if (taker.open == 0) {
            return TakerOutcome.FILLED;
        }
        if (mayRest) {
            rest(taker);
            return TakerOutcome.RESTING;
        }
        return TakerOutcome.UNFILLED;
    }

    /** Removes a resting order; false if there is none with this id. */
    boolean cancel(long id) {
        RefOrder order = resting.get(id);
        if (order == null) {
            return false;
        }
        remove(order);
        return true;
    }

    /** Lowers a resting order's open quantity; it keeps its place. */
    void reduce(long id, long newOpen) {
        resting.get(id).open = newOpen;
    }

    /** Takes the order out, changes it, and places it again as if new (matching, then the back of its level). */
    TakerOutcome replace(long id, long newPrice, long newOpen, long now) {
        RefOrder order = resting.get(id);
        remove(order);
        order.price = newPrice;
        order.open = newOpen;
        return place(order, true, now);
    }

    /** Trades the taker against one chosen resting order at its price; returns the lots traded. */
    long take(RefOrder taker, long makerId, long lots) {
        RefOrder maker = resting.get(makerId);
        long fill = Math.min(lots, maker.open);
        trade(maker, taker, maker.price, fill);
        return fill;
    }

    RefOrder order(long id) {
        return resting.get(id);
    }

    /** Resting order ids, bids best first then asks best first, oldest first within a price. */
    List<Long> restingIds() {
        List<Long> ids = new ArrayList<>();
        for (TreeMap<Long, ArrayDeque<RefOrder>> side : List.of(bids, asks)) {
            side.values().forEach(queue -> queue.forEach(order -> ids.add(order.id)));
        }
        return ids;
    }

    /** One line per resting order, in priority order, for comparison with the fast book. */
    List<String> describe(Side side) {
        List<String> lines = new ArrayList<>();
        (side == Side.BUY ? bids : asks).values().forEach(queue -> queue.forEach(order ->
                lines.add(line(order.id, order.userId, order.side, order.price, order.open, order.filled))));
        return lines;
    }

    /** Best price of a side, or {@link OrderBook#NO_PRICE}. */
    long bestPrice(Side side) {
        TreeMap<Long, ArrayDeque<RefOrder>> levels = side == Side.BUY ? bids : asks;
        return levels.isEmpty() ? OrderBook.NO_PRICE : levels.firstKey();
    }

    static String line(long id, long userId, Side side, long price, long open, long filled) {
        return "#" + id + " user " + userId + " " + side + " " + open + " lots @ " + price + " (filled " + filled + ")";
    }

    private void trade(RefOrder maker, RefOrder taker, long price, long lots) {
        maker.open -= lots;
        maker.filled += lots;
        taker.open -= lots;
        taker.filled += lots;
        if (maker.open == 0) {
            remove(maker);
        }
        happenings.add(new Trade(maker.id, taker.id, price, lots));
    }

    private void rest(RefOrder order) {
        (order.side == Side.BUY ? bids : asks).computeIfAbsent(order.price, p -> new ArrayDeque<>()).addLast(order);
        resting.put(order.id, order);
    }

    private void remove(RefOrder order) {
        TreeMap<Long, ArrayDeque<RefOrder>> side = order.side == Side.BUY ? bids : asks;
        ArrayDeque<RefOrder> queue = side.get(order.price);
        queue.remove(order);
        if (queue.isEmpty()) {
            side.remove(order.price);
        }
        resting.remove(order.id);
    }
}
