package io.orderbook.domain.conditional;

import io.orderbook.domain.model.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The trailing stops of one market, side and offset kind, in oriented prices (see
 * {@link TrailingOffset#oriented}): every stop here follows the highest oriented price since it was armed and fires
 * when the oriented price falls to its trigger.
 *
 * <p>Why it is fast: a price {@code q} raises the best price of every stop whose best is below {@code q} to exactly
 * {@code q}, so after it those stops share one best price. Stops are therefore kept in groups of equal best price
 * ({@link #byBest}); a price merges all groups below it into one (smaller groups moved into the largest, so each
 * stop moves O(log n) times overall) instead of touching each stop. Within a group the stops are sorted by
 * distance, so the group's highest trigger is that of its smallest distance; groups are sorted by that trigger
 * ({@link #byTop}), and a price visits only the groups and stops it fires. A price costs O(log n + k) for k fired
 * stops plus the amortised merging.
 */
final class TrailingBook {
    /** The best price of stops armed before any price was known: below every price, so the first one sets it. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private final Side side;
    private final TrailingOffset offset;
    private final TreeMap<Long, Group> byBest = new TreeMap<>();
    private final TreeSet<Group> byTop = new TreeSet<>(
            Comparator.comparingLong((Group g) -> g.top).thenComparingLong(g -> g.seq));
    private final Map<Long, Member> members = new HashMap<>();
    private long nextSeq;

    TrailingBook(Side side, TrailingOffset offset) {
        this.side = side;
        this.offset = offset;
    }

    int size() {
        return members.size();
    }

    /** Adds a stop with this oriented best price ({@link #UNKNOWN} if none yet). */
    void add(long id, long distance, long orientedBest) {
        Group group = byBest.get(orientedBest);
        if (group == null) {
            group = new Group(nextSeq++, orientedBest);
            byBest.put(orientedBest, group);
        } else {
            byTop.remove(group);
        }
        group.add(id, distance);
        members.put(id, new Member(group, distance));
        rank(group);
    }

    /** Removes a stop; false if it is not here. */
    boolean remove(long id) {
        Member member = members.remove(id);
        if (member == null) {
            return false;
        }
        Group group = member.group;
        byTop.remove(group);
        group.remove(id, member.distance);
        if (group.size == 0) {
            byBest.remove(group.best);
        } else {
            rank(group);
        }
        return true;
    }

    /** The best price of a stop so far in real (not oriented) price, if it is here and has seen a price. */
    Long best(long id) {
        Member member = members.get(id);
        if (member == null || member.group.best == UNKNOWN) {
            return null;
        }
        return side == Side.SELL ? member.group.best : -member.group.best;
    }

    /** The current trigger of a stop in real (not oriented) price, if it is here and has a best price. */
    Long trigger(long id) {
        Member member = members.get(id);
        if (member == null || member.group.best == UNKNOWN) {
            return null;
        }
        long oriented = offset.oriented(side, member.group.best, member.distance);
        return side == Side.SELL ? oriented : -oriented;
    }

    /** Moves best prices up to {@code q}, then removes the stops that {@code q} fires and adds their ids to {@code fired}. */
    void onPrice(long q, List<Long> fired) {
        if (!byBest.isEmpty() && byBest.firstKey() < q) {
            raise(q);
        }
        while (!byTop.isEmpty() && byTop.last().top >= q) {
            Group group = byTop.pollLast();
            while (group.size > 0) {
                Map.Entry<Long, LinkedHashSet<Long>> first = group.byDistance.firstEntry();
                if (offset.oriented(side, group.best, first.getKey()) < q) {
                    break;
                }
                group.byDistance.pollFirstEntry();
                group.size -= first.getValue().size();
                for (Long id : first.getValue()) {
                    members.remove(id);
                    fired.add(id);
                }
            }
            if (group.size == 0) {
                byBest.remove(group.best);
            } else {
                rank(group);
            }
        }
    }

    /** Merges every group whose best price is at or below {@code q} into one whose best price is {@code q}. */
    private void raise(long q) {
        NavigableMap<Long, Group> low = byBest.headMap(q, true);
        Group target = null;
        for (Group group : low.values()) {
            byTop.remove(group);
            if (target == null || group.size > target.size) {
                target = group;
            }
        }
        for (Group group : new ArrayList<>(low.values())) {
            if (group != target) {
                for (Map.Entry<Long, LinkedHashSet<Long>> bucket : group.byDistance.entrySet()) {
                    for (Long id : bucket.getValue()) {
                        members.get(id).group = target;
                    }
                    target.byDistance.computeIfAbsent(bucket.getKey(), d -> new LinkedHashSet<>())
                            .addAll(bucket.getValue());
                }
                target.size += group.size;
            }
        }
        low.clear();
        target.best = q;
        byBest.put(q, target);
        rank(target);
    }

    /** Recomputes a group's highest trigger and files it under that; the group must not be in {@link #byTop}. */
    private void rank(Group group) {
        if (group.best == UNKNOWN) {
            return;
        }
        group.top = offset.oriented(side, group.best, group.byDistance.firstKey());
        byTop.add(group);
    }

    /** Stops sharing one best price, by distance. */
    private static final class Group {
        final long seq;
        long best;
        long top;
        int size;
        final TreeMap<Long, LinkedHashSet<Long>> byDistance = new TreeMap<>();

        Group(long seq, long best) {
            this.seq = seq;
            this.best = best;
        }

        void add(long id, long distance) {
            byDistance.computeIfAbsent(distance, d -> new LinkedHashSet<>()).add(id);
            size++;
        }

        void remove(long id, long distance) {
            LinkedHashSet<Long> ids = byDistance.get(distance);
            ids.remove(id);
            if (ids.isEmpty()) {
                byDistance.remove(distance);
            }
            size--;
        }
    }

    private static final class Member {
        Group group;
        final long distance;

        Member(Group group, long distance) {
            this.group = group;
            this.distance = distance;
        }
    }
}
