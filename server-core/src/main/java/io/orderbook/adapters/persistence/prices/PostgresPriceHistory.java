package io.orderbook.adapters.persistence.prices;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.prices.PriceTick;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;

/**
 * Every price event kept in PostgreSQL ({@code price_history}, migrations V11 and V15) for charts and audits. A batch
 * is streamed with {@code COPY} into a temporary staging table of the session (no WAL, no index), then moved into
 * the history in one {@code insert ... select ... on conflict (token, observed_at, event_id) do nothing}, in one
 * transaction: an event already stored (or that comes twice in the batch) is stored once, so redelivered events,
 * which come back unchanged, are stored once. That one key is also the index of {@link #history}.
 */
public final class PostgresPriceHistory {

    // Lives as long as the pooled connection; emptied at every commit, so a failed batch leaves nothing behind.
    private static final String STAGING = """
            create temporary table if not exists price_history_staging (
                event_id varchar(128), token varchar(33), price numeric, observed_at timestamptz, source varchar(64)
            ) on commit delete rows""";
    private static final String COPY = """
            copy price_history_staging (event_id, token, price, observed_at, source) from stdin with (format csv)""";
    private static final String MOVE = """
            insert into price_history (event_id, token, price, observed_at, source)
            select event_id, token, price, observed_at, source from price_history_staging
            on conflict (token, observed_at, event_id) do nothing""";

    private final Database database;

    /**
     * The history in this database.
     *
     * @param database the database migrated to V15 or later
     */
    public PostgresPriceHistory(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Stores the events not stored yet, in one transaction.
     *
     * @param ticks the events, in any order
     * @return how many were new
     */
    public int append(List<PriceTick> ticks) {
        if (ticks.isEmpty()) {
            return 0;
        }
        StringBuilder csv = new StringBuilder(ticks.size() * 96);
        for (PriceTick tick : ticks) {
            quoted(csv, tick.eventId()).append(',');
            quoted(csv, tick.token()).append(',');
            csv.append(tick.price().toPlainString()).append(',').append(tick.timestamp()).append(',');
            quoted(csv, tick.source()).append('\n');
        }
        try (Connection connection = database.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(STAGING);
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
                int stored = statement.executeUpdate(MOVE);
                connection.commit();
                return stored;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot store " + ticks.size() + " price events", e);
        }
    }

    /** A CSV field in quotes (an empty text stays empty, not NULL), its quotes doubled. */
    private static StringBuilder quoted(StringBuilder csv, String text) {
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        return csv.append('"');
    }

    /**
     * The stored prices of one token from a time on, oldest first.
     *
     * @param token an asset code or market symbol
     * @param from  the earliest observation time wanted
     * @param limit most events returned
     * @return the events, by time then event id
     */
    public List<PriceTick> history(String token, Instant from, int limit) {
        String sql = """
                select event_id, token, price, observed_at, source from price_history
                where token = ? and observed_at >= ? order by observed_at, event_id limit ?
                """;
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, token);
            select.setTimestamp(2, Timestamp.from(from));
            select.setInt(3, limit);
            List<PriceTick> ticks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    BigDecimal price = rows.getBigDecimal(3);
                    ticks.add(new PriceTick(rows.getString(1), rows.getString(2), price,
                            rows.getTimestamp(4).toInstant(), rows.getString(5)));
                }
            }
            return ticks;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the price history of " + token, e);
        }
    }
}
