package io.orderbook.testsupport;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-minute rate-limit windows are fixed minutes of the Redis server's clock (the same machine's clock in
 * tests). A test that counts requests against a limit must not straddle a window's end, or the count
 * starts again halfway; it waits for the next minute when the current one is nearly over.
 */
public final class RateLimitWindows {

    private RateLimitWindows() {
    }

    /** Returns when at least {@code needed} remains of the current minute, sleeping into the next one if not. */
    public static void awaitRoomInCurrentMinute(Duration needed) {
        long millisIntoMinute = Instant.now().toEpochMilli() % 60_000;
        long left = 60_000 - millisIntoMinute;
        if (left < needed.toMillis()) {
            try {
                Thread.sleep(left + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
