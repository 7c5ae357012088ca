package io.orderbook.adapters.persistence.prices;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.prices.PriceBar;
import io.orderbook.application.prices.PriceTick;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The price history in PostgreSQL ({@code price_bars}, migration V16): one {@link PriceBar} per token and second.
 * A batch of events becomes its bars in memory, then one statement merges them into the stored ones (an
 * {@code insert ... on conflict do update} that keeps the earlier open, the higher high, the lower low and the
 * later close), so redelivered events, which come back unchanged, change nothing.
 */
public final class PostgresPriceHistory {

    // Arrays of text cast in SQL: timestamps and prices reach the database exactly as written (ISO-8601 with Z,
    // plain decimals with their scale), whatever the JVM's or the session's time zone.
    private static final String MERGE = """
            insert into price_bars as b (token, bucket_start, open, high, low, close, open_at, open_event_id,
                                         close_at, close_event_id)
            select * from unnest(?::text[], ?::text[]::timestamptz[], ?::text[]::numeric[], ?::text[]::numeric[],
                                 ?::text[]::numeric[], ?::text[]::numeric[], ?::text[]::timestamptz[], ?::text[],
                                 ?::text[]::timestamptz[], ?::text[])
            on conflict (token, bucket_start) do update set
                open = case when (excluded.open_at, excluded.open_event_id) < (b.open_at, b.open_event_id)
                            then excluded.open else b.open end,
                open_event_id = case when (excluded.open_at, excluded.open_event_id) < (b.open_at, b.open_event_id)
                                     then excluded.open_event_id else b.open_event_id end,
                open_at = least(excluded.open_at, b.open_at),
                high = case when excluded.high > b.high then excluded.high else b.high end,
                low = case when excluded.low < b.low then excluded.low else b.low end,
                close = case when (excluded.close_at, excluded.close_event_id) > (b.close_at, b.close_event_id)
                             then excluded.close else b.close end,
                close_event_id = case when (excluded.close_at, excluded.close_event_id) > (b.close_at, b.close_event_id)
                                      then excluded.close_event_id else b.close_event_id end,
                close_at = greatest(excluded.close_at, b.close_at)
            where (excluded.open_at, excluded.open_event_id) < (b.open_at, b.open_event_id)
               or (excluded.close_at, excluded.close_event_id) > (b.close_at, b.close_event_id)
               or excluded.high > b.high or excluded.low < b.low""";

    private final Database database;

    /**
     * The history in this database.
     *
     * @param database the database migrated to V16 or later
     */
    public PostgresPriceHistory(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Merges events into the stored bars, in one statement.
     *
     * @param ticks the events, in any order
     * @return how many bars were created or changed (0 when every event was stored before)
     */
    public int append(List<PriceTick> ticks) {
        if (ticks.isEmpty()) {
            return 0;
        }
        Collection<PriceBar> bars = PriceBar.bySecond(ticks);
        String[][] columns = new String[10][bars.size()];
        int row = 0;
        for (PriceBar bar : bars) {
            columns[0][row] = bar.token();
            columns[1][row] = bar.second().toString();
            columns[2][row] = bar.open().price().toPlainString();
            columns[3][row] = bar.high().toPlainString();
            columns[4][row] = bar.low().toPlainString();
            columns[5][row] = bar.close().price().toPlainString();
            columns[6][row] = bar.open().at().toString();
            columns[7][row] = bar.open().eventId();
            columns[8][row] = bar.close().at().toString();
            columns[9][row] = bar.close().eventId();
            row++;
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement merge = connection.prepareStatement(MERGE)) {
            for (int column = 0; column < columns.length; column++) {
                merge.setArray(column + 1, connection.createArrayOf("text", columns[column]));
            }
            return merge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + ticks.size() + " price events", e);
        }
    }

    /**
     * The stored bars of one token from a second on, oldest first.
     *
     * @param token an asset code or market symbol
     * @param from  the earliest time wanted; the bar of its second is included
     * @param limit most bars returned
     * @return the bars, by second
     */
    public List<PriceBar> bars(String token, Instant from, int limit) {
        String sql = """
                select bucket_start, open, high, low, close, open_at, open_event_id, close_at, close_event_id
                from price_bars where token = ? and bucket_start >= ? order by bucket_start limit ?
                """;
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, token);
            select.setTimestamp(2, Timestamp.from(from.truncatedTo(ChronoUnit.SECONDS)));
            select.setInt(3, limit);
            List<PriceBar> bars = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bars.add(new PriceBar(token, rows.getTimestamp(1).toInstant(),
                            new PriceBar.Point(rows.getBigDecimal(2), rows.getTimestamp(6).toInstant(), rows.getString(7)),
                            rows.getBigDecimal(3), rows.getBigDecimal(4),
                            new PriceBar.Point(rows.getBigDecimal(5), rows.getTimestamp(8).toInstant(), rows.getString(9))));
                }
            }
            return bars;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the price history of " + token, e);
        }
    }
}
