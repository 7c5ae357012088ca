package io.orderbook.adapters.persistence.marketdata;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.Jdbc;
import io.orderbook.application.marketdata.Candle;
import io.orderbook.application.marketdata.CandleInterval;
import io.orderbook.application.marketdata.MarketDataStore;
import io.orderbook.application.marketdata.MarketStats;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Candles and 24-hour statistics in PostgreSQL, computed from the {@code trades} table incrementally: a progress
 * row remembers the last trade id merged (trade ids only grow), and each run merges the trades after it into the
 * candles in chunks, one transaction each. A candle keeps its first and last trade (execution time, then id), so
 * merging more trades into it, also a trade that arrives late for its bucket, gives exactly the candle a full
 * recomputation would. The progress row is locked for the chunk, so two runs never merge the same trades.
 */
public final class PostgresMarketData implements MarketDataStore {

    /** Trade ids merged per transaction. */
    static final long CHUNK = 100_000;

    /**
     * Merges one chunk of trades into the candles of every interval in one statement. The chunk is read and grouped
     * once, into one-minute buckets; the wider buckets are made from those (a minute lies within one bucket of each
     * interval, all aligned to the epoch). First and last trades are found with {@code min} and {@code max} over each
     * trade's position, {@code [microseconds, id, price]}, so no aggregate sorts its rows: sorting every bucket's
     * trades four times per interval (ordered {@code array_agg}s) made this the heaviest statement of a loaded server.
     */
    private static final String MERGE = mergeStatement();

    private static String mergeStatement() {
        Duration minute = CandleInterval.ONE_MINUTE.width();
        StringJoiner intervals = new StringJoiner(", ");
        for (CandleInterval interval : CandleInterval.values()) {
            if (interval.width().toSeconds() % minute.toSeconds() != 0) {
                throw new IllegalStateException(interval + " is not made of whole minutes");
            }
            intervals.add("('" + interval.code() + "', interval '" + interval.width().toSeconds() + " seconds')");
        }
        return """
            insert into candles (market_id, interval, bucket_start, open, high, low, close, volume, quote_volume,
                                 trade_count, first_trade_at, first_trade_id, last_trade_at, last_trade_id)
            with chunk as (
                select market_id, executed_at, price, quantity, quote_quantity,
                       array[(extract(epoch from executed_at) * 1000000)::bigint, id, price] as position
                from trades where id > ? and id <= ?
            ), minutes as (
                select market_id, date_bin(interval '%d seconds', executed_at, timestamptz 'epoch') as minute,
                       min(position) as first, max(position) as last, min(executed_at) as first_at,
                       max(executed_at) as last_at, max(price) as high, min(price) as low, sum(quantity) as volume,
                       sum(quote_quantity) as quote_volume, count(*) as trade_count
                from chunk
                group by 1, 2
            ), buckets as (
                select market_id, i.code, date_bin(i.width, minute, timestamptz 'epoch') as bucket_start,
                       min(first) as first, max(last) as last, min(first_at) as first_at, max(last_at) as last_at,
                       max(high) as high, min(low) as low, sum(volume) as volume, sum(quote_volume) as quote_volume,
                       sum(trade_count) as trade_count
                from minutes cross join (values %s) i(code, width)
                group by 1, 2, 3
            )
            select market_id, code, bucket_start, first[3], high, low, last[3], volume, quote_volume, trade_count,
                   first_at, first[2], last_at, last[2]
            from buckets
            on conflict (market_id, interval, bucket_start) do update set
                open = case when (excluded.first_trade_at, excluded.first_trade_id)
                                 < (candles.first_trade_at, candles.first_trade_id)
                            then excluded.open else candles.open end,
                first_trade_id = case when (excluded.first_trade_at, excluded.first_trade_id)
                                 < (candles.first_trade_at, candles.first_trade_id)
                            then excluded.first_trade_id else candles.first_trade_id end,
                first_trade_at = least(candles.first_trade_at, excluded.first_trade_at),
                close = case when (excluded.last_trade_at, excluded.last_trade_id)
                                  > (candles.last_trade_at, candles.last_trade_id)
                             then excluded.close else candles.close end,
                last_trade_id = case when (excluded.last_trade_at, excluded.last_trade_id)
                                  > (candles.last_trade_at, candles.last_trade_id)
                             then excluded.last_trade_id else candles.last_trade_id end,
                last_trade_at = greatest(candles.last_trade_at, excluded.last_trade_at),
                high = greatest(candles.high, excluded.high),
                low = least(candles.low, excluded.low),
                volume = candles.volume + excluded.volume,
                quote_volume = candles.quote_volume + excluded.quote_volume,
                trade_count = candles.trade_count + excluded.trade_count""".formatted(minute.toSeconds(), intervals);
    }

    private static final String STATS = """
            insert into market_stats (market_id, window_start, open, high, low, last, volume, quote_volume,
                                      trade_count, computed_at)
            select m.id, ?, w.open, w.high, w.low, coalesce(w.last, latest.close), coalesce(w.volume, 0),
                   coalesce(w.quote_volume, 0), coalesce(w.trade_count, 0), ?
            from markets m
            left join lateral (
                select (array_agg(open order by bucket_start))[1] as open, max(high) as high, min(low) as low,
                       (array_agg(close order by bucket_start desc))[1] as last, sum(volume) as volume,
                       sum(quote_volume) as quote_volume, sum(trade_count) as trade_count
                from candles c where c.market_id = m.id and c.interval = '1m' and c.bucket_start >= ?
                having count(*) > 0) w on true
            left join lateral (
                select close from candles c where c.market_id = m.id and c.interval = '1m'
                order by bucket_start desc limit 1) latest on true
            where m.deleted_at is null
            on conflict (market_id) do update set window_start = excluded.window_start, open = excluded.open,
                high = excluded.high, low = excluded.low, last = excluded.last, volume = excluded.volume,
                quote_volume = excluded.quote_volume, trade_count = excluded.trade_count,
                computed_at = excluded.computed_at""";

    private static final String STATS_COLUMNS = "s.market_id, s.window_start, s.open, s.high, s.low, s.last,"
            + " s.volume, s.quote_volume, s.trade_count, s.computed_at";

    private final Database database;

    /**
     * Market data stored in {@code database}.
     *
     * @param database the server's database, already migrated
     */
    public PostgresMarketData(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public long update(Instant now) {
        long merged = 0;
        long chunk;
        while ((chunk = mergeChunk()) > 0) {
            merged += chunk;
        }
        Instant windowStart = now.truncatedTo(ChronoUnit.MINUTES).minus(STATS_WINDOW);
        run(connection -> {
            try (PreparedStatement stats = connection.prepareStatement(STATS)) {
                stats.setTimestamp(1, Timestamp.from(windowStart));
                stats.setTimestamp(2, Timestamp.from(now));
                stats.setTimestamp(3, Timestamp.from(windowStart));
                stats.executeUpdate();
            }
            return null;
        }, false);
        return merged;
    }

    /** Merges the next chunk of trades in one transaction; returns how many trades it held. */
    private long mergeChunk() {
        return run(connection -> {
            long from;
            try (PreparedStatement progress = connection.prepareStatement(
                    "select last_trade_id from candle_progress where id = 1 for update");
                 ResultSet rows = progress.executeQuery()) {
                rows.next();
                from = rows.getLong(1);
            }
            long to;
            long count;
            try (PreparedStatement next = connection.prepareStatement(
                    "select max(id), count(*) from (select id from trades where id > ? order by id limit ?) chunk")) {
                next.setLong(1, from);
                next.setLong(2, CHUNK);
                try (ResultSet rows = next.executeQuery()) {
                    rows.next();
                    to = rows.getLong(1);
                    count = rows.getLong(2);
                }
            }
            if (count == 0) {
                return 0L;
            }
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                merge.setLong(1, from);
                merge.setLong(2, to);
                merge.executeUpdate();
            }
            try (PreparedStatement progress = connection.prepareStatement(
                    "update candle_progress set last_trade_id = ? where id = 1")) {
                progress.setLong(1, to);
                progress.executeUpdate();
            }
            return count;
        }, true);
    }

    @Override
    public List<Candle> candles(int marketId, CandleInterval interval, Instant from, Instant to, int limit) {
        return run(connection -> {
            List<Candle> candles = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select bucket_start, open, high, low, close,"
                    + " volume, quote_volume, trade_count from candles where market_id = ? and interval = ?"
                    + " and bucket_start >= ? and bucket_start < ? order by bucket_start desc limit ?")) {
                select.setInt(1, marketId);
                select.setString(2, interval.code());
                select.setTimestamp(3, Timestamp.from(from));
                select.setTimestamp(4, Timestamp.from(to));
                select.setInt(5, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        candles.add(new Candle(marketId, interval, rows.getTimestamp(1).toInstant(), rows.getLong(2),
                                rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7),
                                rows.getLong(8)));
                    }
                }
            }
            Collections.reverse(candles);
            return candles;
        }, false);
    }

    @Override
    public Optional<MarketStats> stats(int marketId) {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + STATS_COLUMNS + " from market_stats s where s.market_id = ?")) {
                select.setInt(1, marketId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(stats(rows)) : Optional.<MarketStats>empty();
                }
            }
        }, false);
    }

    @Override
    public List<MarketStats> allStats() {
        return run(connection -> {
            List<MarketStats> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + STATS_COLUMNS
                    + " from market_stats s join markets m on m.id = s.market_id where m.deleted_at is null"
                    + " order by m.symbol");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(stats(rows));
                }
            }
            return all;
        }, false);
    }

    private static MarketStats stats(ResultSet rows) throws SQLException {
        return new MarketStats(rows.getInt("market_id"), rows.getTimestamp("window_start").toInstant(),
                optional(rows, "open"), optional(rows, "high"), optional(rows, "low"), optional(rows, "last"),
                rows.getLong("volume"), rows.getLong("quote_volume"), rows.getLong("trade_count"),
                rows.getTimestamp("computed_at").toInstant());
    }

    private static OptionalLong optional(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private <T> T run(Jdbc.Work<T> work, boolean transaction) {
        return transaction ? Jdbc.inTransaction(database, work) : Jdbc.query(database, work);
    }
}
