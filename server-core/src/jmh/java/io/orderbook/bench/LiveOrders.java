package io.orderbook.bench;

import io.orderbook.domain.model.Side;

import java.util.SplittableRandom;

/**
 * The open GTC orders the generator may cancel, move or reduce, kept in placement order (order ids are
 * sequential). Like exchange-core's generator it picks among the oldest {@value #PICK_WINDOW} open orders;
 * a Fenwick tree over order ids finds the k-th oldest in O(log n).
 */
final class LiveOrders {
    static final int PICK_WINDOW = 512;

    private final int[] tree;
    private final long[] users;
    private final boolean[] bidsById;
    private int size;
    private int bids;
    private int asks;

    /** @param maxOrderId the highest order id that will be added */
    LiveOrders(int maxOrderId) {
        int length = Integer.highestOneBit(maxOrderId) * 2;
        tree = new int[length];
        users = new long[length];
        bidsById = new boolean[length];
    }

    void add(long orderId, long userId, Side side) {
        int id = Math.toIntExact(orderId);
        users[id] = userId;
        bidsById[id] = side == Side.BUY;
        update(id, 1);
        size++;
        if (side == Side.BUY) {
            bids++;
        } else {
            asks++;
        }
    }

    void remove(long orderId) {
        int id = (int) orderId;
        if (id >= tree.length || users[id] == 0) {
            return;
        }
        users[id] = 0;
        update(id, -1);
        size--;
        if (bidsById[id]) {
            bids--;
        } else {
            asks--;
        }
    }

    int count(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    int size() {
        return size;
    }

    /** The id of an order chosen uniformly among the oldest {@value #PICK_WINDOW} open ones. */
    long pick(SplittableRandom random) {
        int k = 1 + random.nextInt(Math.min(size, PICK_WINDOW));
        // Descend the Fenwick tree to the smallest id whose prefix count reaches k.
        int position = 0;
        for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
            int next = position + step;
            if (next < tree.length && tree[next] < k) {
                position = next;
                k -= tree[next];
            }
        }
        return position + 1;
    }

    long userId(long orderId) {
        return users[(int) orderId];
    }

    private void update(int id, int delta) {
        for (int i = id; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }
}
