package io.orderbook.adapters.persistence.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.Jdbc;
import io.orderbook.application.jobs.ApiKeyExpiries;
import io.orderbook.application.jobs.BookSnapshots;
import io.orderbook.application.jobs.ExpiredApiKey;
import io.orderbook.application.jobs.IdempotencyKeyPurge;
import io.orderbook.domain.engine.BookLevel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The housekeeping jobs' statements in PostgreSQL: marking expired API keys, purging old idempotency keys, and
 * storing and pruning order book snapshots. Deletes go in chunks, each committed on its own, so a large purge never
 * holds locks for long.
 */
public final class PostgresHousekeeping implements ApiKeyExpiries, IdempotencyKeyPurge, BookSnapshots {

    /** Rows per DELETE. */
    static final int DELETE_CHUNK = 10_000;

    private final Database database;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Housekeeping statements on {@code database}.
     *
     * @param database the server's database, already migrated
     */
    public PostgresHousekeeping(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<ExpiredApiKey> markExpired(Instant now) {
        return Jdbc.query(database, connection -> {
            List<ExpiredApiKey> expired = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement("""
                    update api_keys set expiry_announced_for = expires_at
                    where expires_at <= ? and revoked_at is null
                      and expiry_announced_for is distinct from expires_at
                    returning id, user_id, name, prefix, expires_at""")) {
                update.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        expired.add(new ExpiredApiKey(rows.getLong(1), rows.getLong(2), rows.getString(3),
                                rows.getString(4), rows.getTimestamp(5).toInstant()));
                    }
                }
            }
            return expired;
        });
    }

    @Override
    public long deleteCreatedBefore(Instant cutoff) {
        return deleteInChunks("delete from idempotency_keys where ctid in (select ctid from idempotency_keys"
                + " where created_at < ? limit " + DELETE_CHUNK + ")", cutoff);
    }

    @Override
    public List<Integer> liveMarkets() {
        return Jdbc.query(database, connection -> {
            List<Integer> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id from markets where deleted_at is null order by id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getInt(1));
                }
            }
            return ids;
        });
    }

    @Override
    public void store(Instant takenAt, List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(database, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into order_book_snapshots"
                    + " (market_id, taken_at, bids, asks) values (?, ?, ?::jsonb, ?::jsonb)")) {
                for (Snapshot snapshot : snapshots) {
                    insert.setInt(1, snapshot.marketId());
                    insert.setTimestamp(2, Timestamp.from(takenAt));
                    insert.setString(3, levels(snapshot.bids()));
                    insert.setString(4, levels(snapshot.asks()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long deleteTakenBefore(Instant cutoff) {
        return deleteInChunks("delete from order_book_snapshots where id in (select id from order_book_snapshots"
                + " where taken_at < ? limit " + DELETE_CHUNK + ")", cutoff);
    }

    private long deleteInChunks(String sql, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = Jdbc.query(database, connection -> {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setTimestamp(1, Timestamp.from(cutoff));
                    return delete.executeUpdate();
                }
            });
            total += deleted;
        } while (deleted == DELETE_CHUNK);
        return total;
    }

    /** Levels as {@code [[price, quantity, orders], ...]} in minor units. */
    private String levels(List<BookLevel> levels) {
        List<long[]> rows = new ArrayList<>(levels.size());
        for (BookLevel level : levels) {
            rows.add(new long[] {level.price(), level.quantity(), level.orders()});
        }
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write book levels", e);
        }
    }
}
