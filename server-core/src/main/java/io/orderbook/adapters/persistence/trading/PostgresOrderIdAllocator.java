package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.trading.OrderIdAllocator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;

/**
 * Order ids in blocks reserved from the database sequence {@code order_ids}: each {@code nextval} reserves
 * the block {@code [value, value + increment - 1]} (the sequence's increment, 1,000), which this allocator then
 * hands out from memory. Ids are therefore unique across restarts and across servers sharing the database;
 * a restart skips the rest of its last block. Safe for many threads: only the thread that finds the block
 * used up goes to the database, once per block.
 */
public final class PostgresOrderIdAllocator implements OrderIdAllocator {

    private final Database database;
    private final long blockSize;
    private long next;
    private long end;

    /**
     * An allocator on the database's sequence; it reserves its first block when the first id is asked for.
     *
     * @param database the database holding the {@code order_ids} sequence
     * @throws IllegalStateException if the sequence does not increase
     */
    public PostgresOrderIdAllocator(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        // The block size is the sequence's own increment, so allocators can never overlap, whatever their version.
        this.blockSize = query("select increment_by from pg_sequences where sequencename = 'order_ids'");
        if (blockSize < 1) {
            throw new IllegalStateException("sequence order_ids must increase; its increment is " + blockSize);
        }
    }

    @Override
    public synchronized long nextOrderId() {
        if (next == end) {
            next = query("select nextval('order_ids')");
            end = next + blockSize;
        }
        return next++;
    }

    /** How many ids each block reserves. */
    long blockSize() {
        return blockSize;
    }

    private long query(String sql) {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no answer to: " + sql);
                }
                return rows.getLong(1);
            }
        }));
    }
}
