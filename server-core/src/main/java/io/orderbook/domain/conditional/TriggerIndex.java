package io.orderbook.domain.conditional;

import io.orderbook.domain.model.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The armed conditional orders of one market by trigger price, so that a price finds the orders it fires in
 * O(log n + k) without looking at the others. Fixed triggers sit in two sorted maps, "fires at or below P" and
 * "fires at or above P"; trailing stops in four {@code TrailingBook}s (sell or buy, by amount or by percentage),
 * whose triggers follow the price without being visited one by one. Not thread-safe: one owner at a time.
 *
 * <p>Prices are quote minor units per whole base unit of the market. An order fires at most once: {@link #onPrice}
 * removes what it returns.
 */
public final class TriggerIndex {
    private final TreeMap<Long, LinkedHashSet<Long>> atOrBelow = new TreeMap<>();
    private final TreeMap<Long, LinkedHashSet<Long>> atOrAbove = new TreeMap<>();
    private final Map<Long, TriggerRule.Fixed> fixed = new HashMap<>();
    private final Map<Long, TrailingBook> trailingOf = new HashMap<>();
    private final TrailingBook sellByAmount = new TrailingBook(Side.SELL, TrailingOffset.AMOUNT);
    private final TrailingBook sellByPercent = new TrailingBook(Side.SELL, TrailingOffset.PERCENT);
    private final TrailingBook buyByAmount = new TrailingBook(Side.BUY, TrailingOffset.AMOUNT);
    private final TrailingBook buyByPercent = new TrailingBook(Side.BUY, TrailingOffset.PERCENT);

    /** An empty index. */
    public TriggerIndex() {
    }

    /**
     * Arms an order. Arming an id that is armed already replaces its rule.
     *
     * @param id   the conditional order's id
     * @param rule when it fires
     */
    public void arm(long id, TriggerRule rule) {
        disarm(id);
        switch (rule) {
            case TriggerRule.Fixed f -> {
                sideOf(f.direction()).computeIfAbsent(f.price(), p -> new LinkedHashSet<>()).add(id);
                fixed.put(id, f);
            }
            case TriggerRule.Trailing t -> {
                TrailingBook book = book(t.side(), t.offset());
                long oriented = t.best() == 0 ? TrailingBook.UNKNOWN : t.side() == Side.SELL ? t.best() : -t.best();
                book.add(id, t.distance(), oriented);
                trailingOf.put(id, book);
            }
        }
    }

    /**
     * Disarms an order.
     *
     * @param id the conditional order's id
     * @return false if it was not armed here
     */
    public boolean disarm(long id) {
        TriggerRule.Fixed f = fixed.remove(id);
        if (f != null) {
            NavigableMap<Long, LinkedHashSet<Long>> map = sideOf(f.direction());
            LinkedHashSet<Long> ids = map.get(f.price());
            ids.remove(id);
            if (ids.isEmpty()) {
                map.remove(f.price());
            }
            return true;
        }
        TrailingBook book = trailingOf.remove(id);
        return book != null && book.remove(id);
    }

    /**
     * Whether an order is armed here.
     *
     * @param id the conditional order's id
     * @return true if it is
     */
    public boolean contains(long id) {
        return fixed.containsKey(id) || trailingOf.containsKey(id);
    }

    /**
     * How many orders are armed.
     *
     * @return the count
     */
    public int size() {
        return fixed.size() + trailingOf.size();
    }

    /**
     * The price at which an armed order fires now: its fixed trigger, or a trailing stop's current one (null while
     * a trailing stop has seen no price yet, or if the order is not armed here).
     *
     * @param id the conditional order's id
     * @return the trigger price, quote minor units, or null
     */
    public Long currentTrigger(long id) {
        TriggerRule.Fixed f = fixed.get(id);
        if (f != null) {
            return f.price();
        }
        TrailingBook book = trailingOf.get(id);
        return book == null ? null : book.trigger(id);
    }

    /**
     * A trailing stop's best price so far.
     *
     * @param id the conditional order's id
     * @return quote minor units, or null if it has seen none or is not a trailing stop armed here
     */
    public Long trailingBest(long id) {
        TrailingBook book = trailingOf.get(id);
        return book == null ? null : book.best(id);
    }

    /**
     * Applies a price: trailing stops follow it, and every order it fires is disarmed and returned.
     *
     * @param price quote minor units per whole base unit, positive
     * @return the fired orders' ids in ascending order (oldest first); empty if none
     */
    public List<Long> onPrice(long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive");
        }
        List<Long> fired = new ArrayList<>(0);
        take(atOrBelow.tailMap(price, true), fired);
        take(atOrAbove.headMap(price, true), fired);
        int fixedFired = fired.size();
        for (int i = 0; i < fixedFired; i++) {
            fixed.remove(fired.get(i));
        }
        if (!trailingOf.isEmpty()) {
            int before = fired.size();
            sellByAmount.onPrice(price, fired);
            sellByPercent.onPrice(price, fired);
            buyByAmount.onPrice(-price, fired);
            buyByPercent.onPrice(-price, fired);
            for (int i = before; i < fired.size(); i++) {
                trailingOf.remove(fired.get(i));
            }
        }
        if (fired.size() > 1) {
            Collections.sort(fired);
        }
        return fired;
    }

    private static void take(NavigableMap<Long, LinkedHashSet<Long>> crossed, List<Long> fired) {
        if (crossed.isEmpty()) {
            return;
        }
        for (LinkedHashSet<Long> ids : crossed.values()) {
            fired.addAll(ids);
        }
        crossed.clear();
    }

    private TreeMap<Long, LinkedHashSet<Long>> sideOf(TriggerDirection direction) {
        return direction == TriggerDirection.AT_OR_BELOW ? atOrBelow : atOrAbove;
    }

    private TrailingBook book(Side side, TrailingOffset offset) {
        if (side == Side.SELL) {
            return offset == TrailingOffset.AMOUNT ? sellByAmount : sellByPercent;
        }
        return offset == TrailingOffset.AMOUNT ? buyByAmount : buyByPercent;
    }
}
