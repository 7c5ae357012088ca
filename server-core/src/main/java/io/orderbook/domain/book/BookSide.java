package io.orderbook.domain.book;

import java.util.Arrays;

/**
 * One side's price levels in a sorted array with the best price at the end.
 *
 * <p>Activity clusters at the top of the book, which sits at the end of the array, so adding and
 * removing levels there moves few elements; lookups are a binary search. Levels are recycled.
 */
final class BookSide {
    private final boolean bids;
    // Sort keys ascending; the key is the price for bids and the negated price for asks, so the best is last.
    private long[] keys = new long[64];
    private PriceLevel[] levels = new PriceLevel[64];
    private int size;
    private PriceLevel[] spare = new PriceLevel[64];
    private int spareCount;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return size;
    }

    /** The best level, or null when the side is empty. */
    PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** The level {@code depth} places behind the best (0 is the best). */
    PriceLevel fromBest(int depth) {
        return levels[size - 1 - depth];
    }

    PriceLevel find(long price) {
        int index = indexOf(key(price));
        return index >= 0 ? levels[index] : null;
    }

    PriceLevel findOrCreate(long price) {
        long key = key(price);
        int index = indexOf(key);
        if (index >= 0) {
            return levels[index];
        }
        int insertAt = -index - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(keys, insertAt, keys, insertAt + 1, size - insertAt);
        System.arraycopy(levels, insertAt, levels, insertAt + 1, size - insertAt);
        PriceLevel level = spareCount > 0 ? spare[--spareCount] : new PriceLevel();
        level.price = price;
        keys[insertAt] = key;
        levels[insertAt] = level;
        size++;
        return level;
    }

    void remove(PriceLevel level) {
        int index = size > 0 && levels[size - 1] == level ? size - 1 : indexOf(key(level.price));
        System.arraycopy(keys, index + 1, keys, index, size - index - 1);
        System.arraycopy(levels, index + 1, levels, index, size - index - 1);
        size--;
        levels[size] = null;
        level.totalLots = 0;
        level.count = 0;
        level.head = null;
        level.tail = null;
        if (spareCount == spare.length) {
            spare = Arrays.copyOf(spare, spareCount * 2);
        }
        spare[spareCount++] = level;
    }

    private long key(long price) {
        return bids ? price : -price;
    }

    private int indexOf(long key) {
        // Search from the top of the book: most lookups land near the best price.
        if (size > 0 && keys[size - 1] == key) {
            return size - 1;
        }
        return Arrays.binarySearch(keys, 0, size, key);
    }
}
