package io.orderbook.application.jobs;

import java.time.Instant;

/** Deletes the stored answers of old {@code Idempotency-Key} requests (PostgreSQL). */
@FunctionalInterface
public interface IdempotencyKeyPurge {

    /**
     * Deletes keys created before {@code cutoff}.
     *
     * @param cutoff the oldest creation time kept
     * @return how many keys were deleted
     */
    long deleteCreatedBefore(Instant cutoff);
}
