package io.orderbook.application.jobs;

import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.model.Side;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Stores the top levels of every listed market's book, read on the engine in one consistent pass, and deletes
 * snapshots older than the retention.
 */
final class BookSnapshotJob implements JobTask {

    private final Sequencer sequencer;
    private final BookSnapshots snapshots;
    private final int depth;
    private final Duration retention;
    private final Clock clock;

    /**
     * A job that reads the books on the engine and stores them in {@code snapshots}.
     *
     * @param sequencer the node's sequencer, on whose thread the books are read
     * @param snapshots where snapshots are stored and deleted
     * @param depth     price levels per side
     * @param retention how long snapshots are kept
     * @param clock     the time a snapshot is taken at
     */
    public BookSnapshotJob(Sequencer sequencer, BookSnapshots snapshots, int depth, Duration retention, Clock clock) {
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive");
        }
        this.depth = depth;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String run(Instant fireTime) throws Exception {
        List<Integer> markets = snapshots.liveMarkets();
        List<BookSnapshots.Snapshot> taken = sequencer.read(engine -> {
            List<BookSnapshots.Snapshot> books = new ArrayList<>(markets.size());
            for (int market : markets) {
                if (engine.market(market).isPresent()) {
                    books.add(new BookSnapshots.Snapshot(market, engine.depth(market, Side.BUY, depth),
                            engine.depth(market, Side.SELL, depth)));
                }
            }
            return books;
        }).get(30, TimeUnit.SECONDS);
        Instant now = clock.instant();
        snapshots.store(now, taken);
        long deleted = snapshots.deleteTakenBefore(now.minus(retention));
        return "stored " + taken.size() + " books, deleted " + deleted + " old snapshots";
    }
}
