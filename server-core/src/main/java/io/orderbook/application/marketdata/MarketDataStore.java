package io.orderbook.application.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where candles and 24-hour statistics are computed from the trades and kept (PostgreSQL). */
public interface MarketDataStore {

    /** The 24 hours the statistics cover. */
    Duration STATS_WINDOW = Duration.ofHours(24);

    /**
     * Merges the trades stored since the last call into the candles of every interval (a trade that arrives late for
     * an older bucket corrects that bucket), then recomputes every live market's statistics as of {@code now}.
     *
     * @param now the time the statistics are computed as of
     * @return how many new trades were merged
     */
    long update(Instant now);

    /**
     * A market's candles with an open time in {@code [from, to)}, oldest first; the newest {@code limit} if more.
     *
     * @param marketId the market's engine id
     * @param interval the candle width
     * @param from     the earliest open time (inclusive)
     * @param to       the latest open time (exclusive)
     * @param limit    the most candles to return
     * @return the candles; buckets without trades are absent
     */
    List<Candle> candles(int marketId, CandleInterval interval, Instant from, Instant to, int limit);

    /**
     * A market's statistics as last computed, if ever.
     *
     * @param marketId the market's engine id
     * @return the statistics, or empty if they were never computed for it
     */
    Optional<MarketStats> stats(int marketId);

    /**
     * The statistics of every live market that has them.
     *
     * @return one entry per market
     */
    List<MarketStats> allStats();
}
