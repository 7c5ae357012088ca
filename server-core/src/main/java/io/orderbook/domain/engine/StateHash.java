package io.orderbook.domain.engine;

/** An order-sensitive 64-bit hash of a sequence of longs, the same on every JVM. */
final class StateHash {
    private long value = 0x6A09E667F3BCC908L;

    StateHash add(long element) {
        value = Long.rotateLeft(value ^ mix(element), 29) * 0x9E3779B97F4A7C15L;
        return this;
    }

    long value() {
        return value;
    }

    // SplitMix64's finaliser: spreads every input bit over the whole word.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
