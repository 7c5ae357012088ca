package io.orderbook.domain.engine;

import java.time.Duration;

/**
 * How long, and how many, ended orders with fills the engine keeps so that they can still be closed
 * ({@link Command.CloseOrder}). Without a bound the engine would remember every order that ever filled. An order
 * can be closed until {@code period} after it ended (after its close, for a closed order, which a second close then
 * refuses as closed already); beyond {@code maxOrders} such orders the oldest are forgotten early. A forgotten
 * order is refused as {@link io.orderbook.domain.model.RejectReason#UNKNOWN_ORDER}: it stays in the order history,
 * but there is no position left to close.
 *
 * @param period    how long after it ended an order can be closed; counted in command time, so replaying the same
 *                  commands forgets the same orders
 * @param maxOrders most ended orders with fills kept at once
 */
public record CloseRetention(Duration period, int maxOrders) {

    /** One day, at most a million orders (roughly 150 MB at most). */
    public static final CloseRetention DEFAULT = new CloseRetention(Duration.ofDays(1), 1_000_000);

    /**
     * Checks both bounds.
     *
     * @throws IllegalArgumentException if {@code period} is null, zero or negative, or {@code maxOrders} is below 1
     */
    public CloseRetention {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        if (maxOrders < 1) {
            throw new IllegalArgumentException("maxOrders must be positive");
        }
    }

    /** Whether an order that ended at {@code endedAt} can no longer be closed at {@code now} (epoch milliseconds). */
    boolean isPast(long endedAt, long now) {
        return now - endedAt >= period.toMillis();
    }
}
