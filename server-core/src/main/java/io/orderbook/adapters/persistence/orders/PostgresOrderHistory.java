package io.orderbook.adapters.persistence.orders;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.Jdbc;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.application.orders.BalanceAdjustmentRecord;
import io.orderbook.application.orders.Liquidity;
import io.orderbook.application.orders.OrderFilter;
import io.orderbook.application.orders.OrderHistory;
import io.orderbook.application.orders.OrderRecord;
import io.orderbook.application.orders.OrderStatus;
import io.orderbook.application.orders.OwnTrade;
import io.orderbook.application.orders.TradeFilter;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link OrderHistory} on the trading tables of {@code V10__trading.sql}, read with plain JDBC like the journal
 * that writes them. Lists are offset pages in a stable order (newest first, ties by id), with the total count.
 */
public final class PostgresOrderHistory implements OrderHistory {

    private static final String ORDER_COLUMNS = """
            id, user_id, market_id, client_order_id, side, type, time_in_force, price, quantity, quote_amount,
            expire_at, stp, status, end_reason, filled_quantity, open_quantity, closed, closing_order_id,
            created_at, updated_at""";

    private final Database database;

    /**
     * Order history read from {@code database}.
     *
     * @param database the server's database, already migrated
     */
    public PostgresOrderHistory(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<OrderRecord> order(long orderId) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + ORDER_COLUMNS + " from orders where id = ?")) {
                select.setLong(1, orderId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(order(rows)) : Optional.<OrderRecord>empty();
                }
            }
        });
    }

    @Override
    public Page<OrderRecord> orders(OrderFilter filter, PageRequest page) {
        Where where = new Where();
        if (filter.userId() != null) {
            where.add("user_id = ?", filter.userId());
        }
        if (filter.marketId() != null) {
            where.add("market_id = ?", filter.marketId());
        }
        if (filter.status() != null) {
            where.add("status = ?", filter.status().name());
        }
        if (filter.side() != null) {
            where.add("side = ?", filter.side().name());
        }
        if (filter.clientOrderId() != null) {
            where.add("client_order_id = ?", filter.clientOrderId());
        }
        if (filter.from() != null) {
            where.add("created_at >= ?", utc(filter.from()));
        }
        if (filter.to() != null) {
            where.add("created_at < ?", utc(filter.to()));
        }
        return read(connection -> {
            long total = count(connection, "select count(*) from orders" + where.sql(), where);
            List<OrderRecord> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + ORDER_COLUMNS + " from orders"
                    + where.sql() + " order by created_at desc, id desc limit ? offset ?")) {
                int next = where.bind(select, 1);
                select.setInt(next, page.limit());
                select.setLong(next + 1, page.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(order(rows));
                    }
                }
            }
            return new Page<>(items, total, page);
        });
    }

    @Override
    public Page<OwnTrade> trades(long userId, TradeFilter filter, PageRequest page) {
        // One branch per side the user can be on, so each uses its own index; a self-trade appears in both.
        Where maker = tradeWhere("maker_user_id", "maker_order_id", userId, filter);
        Where taker = tradeWhere("taker_user_id", "taker_order_id", userId, filter);
        String union = """
                select id, market_id, maker_order_id as order_id,
                       case taker_side when 'BUY' then 'SELL' else 'BUY' end as side, 'MAKER' as liquidity,
                       price, quantity, quote_quantity, maker_fee as fee, executed_at, signature
                from trades""" + maker.sql() + """

                union all
                select id, market_id, taker_order_id, taker_side, 'TAKER', price, quantity, quote_quantity,
                       taker_fee, executed_at, signature
                from trades""" + taker.sql();
        return read(connection -> {
            long total;
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*) from (" + union + ") t")) {
                taker.bind(select, maker.bind(select, 1));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<OwnTrade> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select * from (" + union + ") t order by id desc, liquidity limit ? offset ?")) {
                int next = taker.bind(select, maker.bind(select, 1));
                select.setInt(next, page.limit());
                select.setLong(next + 1, page.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(new OwnTrade(rows.getLong(1), rows.getInt(2), rows.getLong(3),
                                Side.valueOf(rows.getString(4)), Liquidity.valueOf(rows.getString(5)), rows.getLong(6),
                                rows.getLong(7), rows.getLong(8), rows.getLong(9), instant(rows, 10),
                                rows.getBytes(11)));
                    }
                }
            }
            return new Page<>(items, total, page);
        });
    }

    private static Where tradeWhere(String userColumn, String orderColumn, long userId, TradeFilter filter) {
        Where where = new Where();
        where.add(userColumn + " = ?", userId);
        if (filter.marketId() != null) {
            where.add("market_id = ?", filter.marketId());
        }
        if (filter.orderId() != null) {
            where.add(orderColumn + " = ?", filter.orderId());
        }
        if (filter.from() != null) {
            where.add("executed_at >= ?", utc(filter.from()));
        }
        if (filter.to() != null) {
            where.add("executed_at < ?", utc(filter.to()));
        }
        return where;
    }

    @Override
    public Page<BalanceAdjustmentRecord> adjustments(Long userId, PageRequest page) {
        Where where = new Where();
        if (userId != null) {
            where.add("user_id = ?", userId);
        }
        return read(connection -> {
            long total = count(connection, "select count(*) from balance_adjustments" + where.sql(), where);
            List<BalanceAdjustmentRecord> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, user_id, asset_id, amount, available_after, reason, actor_user_id, created_at
                    from balance_adjustments""" + where.sql() + " order by id desc limit ? offset ?")) {
                int next = where.bind(select, 1);
                select.setInt(next, page.limit());
                select.setLong(next + 1, page.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long actor = rows.getLong(7);
                        Long actorUserId = rows.wasNull() ? null : actor;
                        items.add(new BalanceAdjustmentRecord(rows.getLong(1), rows.getLong(2), rows.getInt(3),
                                rows.getLong(4), rows.getLong(5), rows.getString(6), actorUserId, instant(rows, 8)));
                    }
                }
            }
            return new Page<>(items, total, page);
        });
    }

    @Override
    public boolean userExists(long userId) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select 1 from users where id = ?")) {
                select.setLong(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    private static OrderRecord order(ResultSet rows) throws SQLException {
        long expireAt = rows.getLong(11);
        Long expire = rows.wasNull() ? null : expireAt;
        long closingOrderId = rows.getLong(18);
        Long closing = rows.wasNull() ? null : closingOrderId;
        return new OrderRecord(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getString(4),
                Side.valueOf(rows.getString(5)), OrderType.valueOf(rows.getString(6)),
                TimeInForce.valueOf(rows.getString(7)), rows.getLong(8), rows.getLong(9), rows.getLong(10), expire,
                SelfTradePrevention.valueOf(rows.getString(12)), OrderStatus.valueOf(rows.getString(13)),
                rows.getString(14), rows.getLong(15), rows.getLong(16), rows.getBoolean(17), closing,
                instant(rows, 19), instant(rows, 20));
    }

    private static long count(Connection connection, String sql, Where where) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            where.bind(select, 1);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Runs a read in auto-commit mode: under READ COMMITTED a transaction around these reads would give them no
     * common snapshot, only a round trip for its COMMIT (and a Hibernate session) on every call.
     */
    private <T> T read(Jdbc.Work<T> work) {
        return Jdbc.query(database, work);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Conditions joined by {@code and}, with their parameters in order. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        void add(String condition, Object parameter) {
            conditions.add(condition);
            parameters.add(parameter);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        /** Binds the parameters from {@code index} on; returns the next free index. */
        int bind(PreparedStatement statement, int index) throws SQLException {
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
            return index;
        }
    }
}
