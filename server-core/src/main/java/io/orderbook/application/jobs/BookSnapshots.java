package io.orderbook.application.jobs;

import io.orderbook.domain.engine.BookLevel;
import java.time.Instant;
import java.util.List;

/** Where the periodic order book snapshots are kept (PostgreSQL). */
public interface BookSnapshots {

    /**
     * One market's top levels, best first.
     *
     * @param marketId the market's engine id
     * @param bids     the buy levels, highest price first
     * @param asks     the sell levels, lowest price first
     */
    record Snapshot(int marketId, List<BookLevel> bids, List<BookLevel> asks) {
    }

    /**
     * The ids of the markets that are listed (not deleted).
     *
     * @return the engine ids of the listed markets
     */
    List<Integer> liveMarkets();

    /**
     * Stores the snapshots taken at {@code takenAt}.
     *
     * @param takenAt   when they were read
     * @param snapshots one per market; may be empty
     */
    void store(Instant takenAt, List<Snapshot> snapshots);

    /**
     * Deletes snapshots taken before {@code cutoff}.
     *
     * @param cutoff the oldest time kept
     * @return how many market snapshots were deleted
     */
    long deleteTakenBefore(Instant cutoff);
}
