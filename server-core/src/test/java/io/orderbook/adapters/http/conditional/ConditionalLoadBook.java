package io.orderbook.adapters.http.conditional;

import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The armed conditional orders of the load runs: {@value #ORDERS} over {@value #MARKETS} markets (the separate
 * books of {@link TradingTestServer}, priced around {@value #START_PRICE_USDT} USDT), written straight into
 * PostgreSQL. Per market, a fifth each of stop-losses 4% to 20% below, take-profits 4% to 20% above, trailing sells
 * by 1,500 to 3,500 USDT, trailing sells by 3% to 7% and trailing buys by 3% to 7%; out of that, 1% of all orders
 * (50 per market) are stop-losses 0.2% to 0.8% below (49,600 to 49,900), the only ones a price within 1% of the
 * start reaches. {@link #insertWarmupOrders} adds {@value #WARMUP_ORDERS} take-profits (50 per market) 0.2% to 0.8%
 * above the start (50,100 to 50,400), for a warm-up that fires orders, so that the firing path is compiled before it
 * is measured. Their owners (5,000 users) have no funds: a fired order goes through the sequencer and ends FAILED.
 */
final class ConditionalLoadBook {
    static final int ORDERS = 100_000;
    /** Near take-profits for the warm-up, on top of {@link #ORDERS}. */
    static final int WARMUP_ORDERS = 1_000;
    static final int MARKETS = 20;
    static final long START_PRICE_USDT = 50_000;
    /** The nearest stop-loss trigger lies this far below the start (USDT); the farthest near one 300 more. */
    static final long NEAR_STOPS_FROM_USDT = 100;
    static final long NEAR_STOPS_SPAN_USDT = 300;

    private static final long MICRO = 1_000_000L;

    private ConditionalLoadBook() {
    }

    /** The market symbols, BTC1-USDT ... BTC20-USDT, in market order. */
    static List<String> symbols() {
        List<String> symbols = new ArrayList<>(MARKETS);
        for (int i = 1; i <= MARKETS; i++) {
            symbols.add(TradingTestServer.separateBook(i).symbol());
        }
        return symbols;
    }

    /** Installs the markets; call before the trading server starts. */
    static void installMarkets(Database database) {
        TradingTestServer.installMarkets(database, MARKETS);
    }

    /** Writes the {@value #ORDERS} orders ARMED, in batches of 5,000 in one transaction. */
    static void insertOrders(Database database) throws SQLException {
        SplittableRandom random = new SplittableRandom(7);
        insert(database, ORDERS, (insert, i) -> {
            long price = START_PRICE_USDT * MICRO;
            // Every hundredth round over the markets: one near stop-loss in each market.
            if ((i / MARKETS) % 100 == 0) {
                fixed(insert, "STOP_LOSS", price - NEAR_STOPS_FROM_USDT * MICRO
                        - random.nextLong(NEAR_STOPS_SPAN_USDT * MICRO));
            } else switch ((i / MARKETS) % 5) {
                case 0 -> fixed(insert, "STOP_LOSS", price - 2_000 * MICRO - random.nextLong(8_000 * MICRO));
                case 1 -> fixed(insert, "TAKE_PROFIT", price + 2_000 * MICRO + random.nextLong(8_000 * MICRO));
                case 2 -> trailing(insert, "SELL", "AMOUNT", 1_500 * MICRO + random.nextLong(2_000 * MICRO), price);
                case 3 -> trailing(insert, "SELL", "PERCENT", 30_000 + random.nextLong(40_000), price);
                default -> trailing(insert, "BUY", "PERCENT", 30_000 + random.nextLong(40_000), price);
            }
        });
    }

    /** Writes the {@value #WARMUP_ORDERS} near take-profits ARMED. */
    static void insertWarmupOrders(Database database) throws SQLException {
        SplittableRandom random = new SplittableRandom(8);
        insert(database, WARMUP_ORDERS, (insert, i) -> fixed(insert, "TAKE_PROFIT",
                (START_PRICE_USDT + NEAR_STOPS_FROM_USDT) * MICRO + random.nextLong(NEAR_STOPS_SPAN_USDT * MICRO)));
    }

    /** Sets the kind, side and trigger columns (3 to 8) of order {@code i}. */
    @FunctionalInterface
    private interface Row {
        void fill(PreparedStatement insert, int i) throws SQLException;
    }

    private static void insert(Database database, int orders, Row row) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into conditional_orders (user_id, market_id, kind, side, order_type, trigger_price,
                        trailing_offset, trailing_distance, trailing_best, quantity_rule, quantity_value, status,
                        created_at, updated_at)
                    values (?, ?, ?, ?, 'MARKET', ?, ?, ?, ?, 'BASE', 10000, 'ARMED', ?, ?)""")) {
                for (int i = 0; i < orders; i++) {
                    insert.setLong(1, 1_000 + i % 5_000);
                    insert.setInt(2, TradingTestServer.separateBook(1 + i % MARKETS).id());
                    row.fill(insert, i);
                    insert.setTimestamp(9, now);
                    insert.setTimestamp(10, now);
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            // What the store does when it arms a trailing stop: its saved best price starts as the one at arming.
            try (PreparedStatement bests = connection.prepareStatement("""
                    insert into trailing_stop_bests (conditional_order_id, best, saved_at)
                    select id, trailing_best, updated_at from conditional_orders where kind = 'TRAILING_STOP'
                    on conflict do nothing""")) {
                bests.executeUpdate();
            }
            connection.commit();
        }
    }

    private static void fixed(PreparedStatement insert, String kind, long trigger) throws SQLException {
        insert.setString(3, kind);
        insert.setString(4, "SELL");
        insert.setLong(5, trigger);
        insert.setNull(6, java.sql.Types.VARCHAR);
        insert.setNull(7, java.sql.Types.BIGINT);
        insert.setNull(8, java.sql.Types.BIGINT);
    }

    private static void trailing(PreparedStatement insert, String side, String offset, long distance, long best)
            throws SQLException {
        insert.setString(3, "TRAILING_STOP");
        insert.setString(4, side);
        insert.setNull(5, java.sql.Types.BIGINT);
        insert.setString(6, offset);
        insert.setLong(7, distance);
        insert.setLong(8, best);
    }
}
