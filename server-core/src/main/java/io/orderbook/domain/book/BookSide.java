package io.orderbook.domain.book;

import java.util.Arrays;

/**
 * One side's price levels, best first.
 *
 * <p>Most levels live in a window of consecutive prices indexed directly by price (a ladder), with a bitmap
 * of occupied prices: finding, adding and removing a level is O(1) and moves nothing, and the next level
 * is a bit scan away. Prices outside the window go to a sorted array of far levels (best at the end). When
 * a price falls outside the window and the window's levels plus that price span at most half of
 * {@link #MAX_WINDOW} prices, the window is rebuilt around them (growing as needed) and takes in the far
 * levels it now covers; otherwise, e.g. for an outlier far from the rest of the book, the level is kept
 * in the far array. Levels are recycled.
 */
final class BookSide {
    /** Largest window, in prices (ticks): bounds the window's memory to a few hundred KB per side. */
    static final int MAX_WINDOW = 1 << 16;
    private static final int INITIAL_WINDOW = 256;
    /** Windows are only placed over non-negative prices far from overflow, which any real price is. */
    private static final long MAX_WINDOW_PRICE = Long.MAX_VALUE - 4L * MAX_WINDOW;

    private final boolean bids;

    // The window: slots[i] is the level at price base + i, or null; bit i of occupied is set when it is not.
    private PriceLevel[] slots = new PriceLevel[INITIAL_WINDOW];
    private long[] occupied = new long[INITIAL_WINDOW / 64];
    private long base;
    private int windowCount;
    private int lowSlot = -1;
    private int highSlot = -1;

    // Far levels, outside the window. Sort keys ascending; the key is the price for bids and the negated
    // price for asks, so the best is last.
    private long[] farKeys = new long[16];
    private PriceLevel[] farLevels = new PriceLevel[16];
    private int farCount;

    private PriceLevel[] spare = new PriceLevel[64];
    private int spareCount;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    int size() {
        return windowCount + farCount;
    }

    /** The best level, or null when the side is empty. */
    PriceLevel best() {
        PriceLevel inWindow = windowCount == 0 ? null : slots[bids ? highSlot : lowSlot];
        if (farCount == 0) {
            return inWindow;
        }
        PriceLevel far = farLevels[farCount - 1];
        return inWindow == null || isBetter(far.price, inWindow.price) ? far : inWindow;
    }

    /** The level after {@code level} in priority order (the next worse price), or null. */
    PriceLevel next(PriceLevel level) {
        PriceLevel inWindow = nextInWindow(level.price);
        PriceLevel far = nextFar(level.price);
        if (inWindow == null) {
            return far;
        }
        return far == null || isBetter(inWindow.price, far.price) ? inWindow : far;
    }

    PriceLevel find(long price) {
        if (inWindow(price)) {
            return slots[(int) (price - base)];
        }
        int index = farIndexOf(key(price));
        return index >= 0 ? farLevels[index] : null;
    }

    PriceLevel findOrCreate(long price) {
        if (inWindow(price) || rebuildWindowFor(price)) {
            int slot = (int) (price - base);
            PriceLevel level = slots[slot];
            if (level == null) {
                level = newLevel(price);
                putInWindow(level, slot);
            }
            return level;
        }
        return findOrCreateFar(price);
    }

    void remove(PriceLevel level) {
        if (level.slot >= 0) {
            removeFromWindow(level.slot);
        } else {
            removeFar(level);
        }
        level.totalLots = 0;
        level.count = 0;
        level.head = null;
        level.tail = null;
        if (spareCount == spare.length) {
            spare = Arrays.copyOf(spare, spareCount * 2);
        }
        spare[spareCount++] = level;
    }

    /** Checks the window, its bitmap and the far levels against each other. For tests, via {@link OrderBook#validate()}. */
    void validate() {
        int counted = 0;
        int low = -1;
        int high = -1;
        for (int slot = 0; slot < slots.length; slot++) {
            PriceLevel level = slots[slot];
            boolean bit = (occupied[slot >>> 6] & (1L << slot)) != 0;
            if ((level != null) != bit || level != null && (level.slot != slot || level.price != base + slot)) {
                throw new IllegalStateException("window slot " + slot + " is inconsistent");
            }
            if (level != null) {
                counted++;
                low = low < 0 ? slot : low;
                high = slot;
            }
        }
        if (counted != windowCount || low != lowSlot || high != highSlot) {
            throw new IllegalStateException("window counts are inconsistent");
        }
        for (int i = 0; i < farCount; i++) {
            PriceLevel level = farLevels[i];
            if (level.slot != -1 || farKeys[i] != key(level.price) || inWindow(level.price)
                    || i > 0 && farKeys[i - 1] >= farKeys[i]) {
                throw new IllegalStateException("far level " + level.price + " is inconsistent");
            }
        }
    }

    // ---- the window ----

    private boolean inWindow(long price) {
        return price >= base && price - base < slots.length;
    }

    private void putInWindow(PriceLevel level, int slot) {
        level.slot = slot;
        slots[slot] = level;
        occupied[slot >>> 6] |= 1L << slot;
        if (windowCount++ == 0) {
            lowSlot = slot;
            highSlot = slot;
        } else if (slot < lowSlot) {
            lowSlot = slot;
        } else if (slot > highSlot) {
            highSlot = slot;
        }
    }

    private void removeFromWindow(int slot) {
        slots[slot] = null;
        occupied[slot >>> 6] &= ~(1L << slot);
        if (--windowCount == 0) {
            lowSlot = -1;
            highSlot = -1;
        } else if (slot == lowSlot) {
            lowSlot = occupiedAtOrAbove(slot + 1);
        } else if (slot == highSlot) {
            highSlot = occupiedAtOrBelow(slot - 1);
        }
    }

    /** The level in the window at the next worse price than {@code price}, or null. */
    private PriceLevel nextInWindow(long price) {
        if (windowCount == 0) {
            return null;
        }
        int slot;
        if (bids) {
            if (price <= base + lowSlot) {
                return null;
            }
            slot = price - base > highSlot ? highSlot : occupiedAtOrBelow((int) (price - base) - 1);
        } else {
            if (price >= base + highSlot) {
                return null;
            }
            slot = price < base + lowSlot ? lowSlot : occupiedAtOrAbove((int) (price - base) + 1);
        }
        return slots[slot];
    }

    /** The lowest occupied slot at or above {@code from}; the caller knows there is one. */
    private int occupiedAtOrAbove(int from) {
        int word = from >>> 6;
        long bits = occupied[word] & (-1L << from);
        while (bits == 0) {
            bits = occupied[++word];
        }
        return (word << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** The highest occupied slot at or below {@code from}; the caller knows there is one. */
    private int occupiedAtOrBelow(int from) {
        int word = from >>> 6;
        long bits = occupied[word] & (-1L >>> (63 - (from & 63)));
        while (bits == 0) {
            bits = occupied[--word];
        }
        return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }

    /**
     * Moves (and if needed grows) the window so that it holds its levels and {@code price} with room to spare,
     * and takes in the far levels it then covers. Returns false, changing nothing, if they span too much.
     */
    private boolean rebuildWindowFor(long price) {
        if (price < 0 || price > MAX_WINDOW_PRICE) {
            return false;
        }
        long low = windowCount == 0 ? price : Math.min(price, base + lowSlot);
        long high = windowCount == 0 ? price : Math.max(price, base + highSlot);
        long span = high - low + 1;
        if (span > MAX_WINDOW / 2) {
            return false;
        }
        int size = slots.length;
        while (size < 2 * span) {
            size *= 2;
        }
        long newBase = Math.max(0, low - (size - span) / 2);
        PriceLevel[] oldSlots = slots;
        slots = new PriceLevel[size];
        occupied = new long[size / 64];
        base = newBase;
        windowCount = 0;
        lowSlot = -1;
        highSlot = -1;
        for (PriceLevel level : oldSlots) {
            if (level != null) {
                putInWindow(level, (int) (level.price - newBase));
            }
        }
        int kept = 0;
        for (int i = 0; i < farCount; i++) {
            PriceLevel level = farLevels[i];
            if (inWindow(level.price)) {
                putInWindow(level, (int) (level.price - newBase));
            } else {
                farKeys[kept] = farKeys[i];
                farLevels[kept++] = level;
            }
        }
        Arrays.fill(farLevels, kept, farCount, null);
        farCount = kept;
        return true;
    }

    // ---- far levels ----

    private PriceLevel findOrCreateFar(long price) {
        long key = key(price);
        int index = farIndexOf(key);
        if (index >= 0) {
            return farLevels[index];
        }
        int insertAt = -index - 1;
        if (farCount == farKeys.length) {
            farKeys = Arrays.copyOf(farKeys, farCount * 2);
            farLevels = Arrays.copyOf(farLevels, farCount * 2);
        }
        System.arraycopy(farKeys, insertAt, farKeys, insertAt + 1, farCount - insertAt);
        System.arraycopy(farLevels, insertAt, farLevels, insertAt + 1, farCount - insertAt);
        PriceLevel level = newLevel(price);
        level.slot = -1;
        farKeys[insertAt] = key;
        farLevels[insertAt] = level;
        farCount++;
        return level;
    }

    private void removeFar(PriceLevel level) {
        int index = farIndexOf(key(level.price));
        System.arraycopy(farKeys, index + 1, farKeys, index, farCount - index - 1);
        System.arraycopy(farLevels, index + 1, farLevels, index, farCount - index - 1);
        farLevels[--farCount] = null;
    }

    /** The far level at the next worse price than {@code price}, or null. */
    private PriceLevel nextFar(long price) {
        int index = farIndexOf(key(price));
        int worse = index >= 0 ? index - 1 : -index - 2;
        return worse >= 0 ? farLevels[worse] : null;
    }

    private int farIndexOf(long key) {
        return Arrays.binarySearch(farKeys, 0, farCount, key);
    }

    // ---- helpers ----

    private PriceLevel newLevel(long price) {
        PriceLevel level = spareCount > 0 ? spare[--spareCount] : new PriceLevel();
        level.price = price;
        return level;
    }

    private long key(long price) {
        return bids ? price : -price;
    }

    private boolean isBetter(long price, long than) {
        return bids ? price > than : price < than;
    }
}
