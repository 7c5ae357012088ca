package io.orderbook.application.jobs;

import io.orderbook.domain.engine.BookLevel;
import java.time.Instant;
import java.util.List;

/** Where the periodic order book snapshots are kept (PostgreSQL). */
public interface BookSnapshots {

    /** One market's top levels, best first. */
    record Snapshot(int marketId, List<BookLevel> bids, List<BookLevel> asks) {
    }

    /** The ids of the markets that are listed (not deleted). */
    List<Integer> liveMarkets();

    /** Stores the snapshots taken at {@code takenAt}. */
    void store(Instant takenAt, List<Snapshot> snapshots);

    /** Deletes snapshots taken before {@code cutoff}; returns how many. */
    long deleteTakenBefore(Instant cutoff);
}
