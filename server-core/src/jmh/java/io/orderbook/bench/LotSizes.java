package io.orderbook.bench;

import java.util.SplittableRandom;

/** How the workload draws order sizes. */
public enum LotSizes {
    /** {@code 1 + r^3} lots, {@code r} uniform in 0..6: the definition (mean 64 lots). */
    CUBE,
    /** {@code 1 + r1*r2*r3} lots, each uniform in 0..5: exchange-core's generator (mean 16.6, 42% of size 1). */
    PRODUCT;

    long next(SplittableRandom random) {
        if (this == CUBE) {
            long r = random.nextInt(7);
            return 1 + r * r * r;
        }
        return 1 + (long) random.nextInt(6) * random.nextInt(6) * random.nextInt(6);
    }
}
