package io.orderbook.adapters.persistence.prices;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.prices.PriceTick;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every price event kept in PostgreSQL ({@code price_history}, migration V11) for charts and audits. A batch is one
 * statement; an event whose id is already stored is skipped, so redelivered events are stored once.
 */
public final class PostgresPriceHistory {

    private static final String INSERT = """
            insert into price_history (event_id, token, price, observed_at, source)
            select * from unnest(?::varchar[], ?::varchar[], ?::numeric[], ?::timestamptz[], ?::varchar[])
            on conflict (event_id) do nothing
            """;

    private final Database database;

    public PostgresPriceHistory(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Stores the events not stored yet; returns how many were new. */
    public int append(List<PriceTick> ticks) {
        if (ticks.isEmpty()) {
            return 0;
        }
        int n = ticks.size();
        String[] ids = new String[n];
        String[] tokens = new String[n];
        String[] prices = new String[n];
        String[] times = new String[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            PriceTick tick = ticks.get(i);
            ids[i] = tick.eventId();
            tokens[i] = tick.token();
            prices[i] = tick.price().toPlainString();
            times[i] = tick.timestamp().toString();
            sources[i] = tick.source();
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(true);
            insert.setArray(1, connection.createArrayOf("varchar", ids));
            insert.setArray(2, connection.createArrayOf("varchar", tokens));
            insert.setArray(3, connection.createArrayOf("varchar", prices));
            insert.setArray(4, connection.createArrayOf("varchar", times));
            insert.setArray(5, connection.createArrayOf("varchar", sources));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + n + " price events", e);
        }
    }

    /** The stored prices of one token from {@code from} on, oldest first, at most {@code limit}. */
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
