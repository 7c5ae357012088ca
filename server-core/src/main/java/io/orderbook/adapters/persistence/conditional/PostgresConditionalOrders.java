package io.orderbook.adapters.persistence.conditional;

import io.orderbook.adapters.persistence.Jdbc;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.application.conditional.ConditionalFilter;
import io.orderbook.application.conditional.ConditionalOrder;
import io.orderbook.application.conditional.ConditionalOrderStore;
import io.orderbook.application.conditional.ConditionalStatus;
import io.orderbook.application.conditional.NewConditionalOrder;
import io.orderbook.domain.conditional.ConditionalKind;
import io.orderbook.domain.conditional.QuantityRule;
import io.orderbook.domain.conditional.TrailingOffset;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link ConditionalOrderStore} on the {@code conditional_orders} table of {@code V12__conditional_orders.sql} and the
 * trailing stops' saved best prices in {@code trailing_stop_bests} ({@code V20}), in plain JDBC.
 */
public final class PostgresConditionalOrders implements ConditionalOrderStore {

    private static final String TABLE_COLUMNS = """
            id, user_id, market_id, kind, side, order_type, limit_price, trigger_price, trailing_offset,
            trailing_distance, quantity_rule, quantity_value, quantity_order_id, oco_id, status, reason,
            fired_price, fired_event_id, placed_order_id, created_at, updated_at, triggered_at""";
    /** {@link #TABLE_COLUMNS} of the table aliased {@code o}. */
    private static final String QUALIFIED_COLUMNS = TABLE_COLUMNS.replaceAll("(\\w+)", "o.$1");
    /**
     * Conditional orders as they are read, each trailing stop with its best price so far: the last one saved in
     * trailing_stop_bests (V20), else the one at arming. A join, not a subquery per row: reading 100,000 armed orders
     * at start took 27 ms so, 344 ms with the subquery (psql). The saved-prices table has none of conditional_orders'
     * column names, so a caller's conditions name them unqualified.
     */
    private static final String SELECT = "select " + QUALIFIED_COLUMNS
            + ", coalesce(b.best, o.trailing_best) as trailing_best from conditional_orders o"
            + " left join trailing_stop_bests b on b.conditional_order_id = o.id ";
    /** What the claim returns of the orders it changed (aliased {@code o}): the same, for a handful of rows. */
    private static final String CLAIMED_COLUMNS = QUALIFIED_COLUMNS + """
            , coalesce((select b.best from trailing_stop_bests b where b.conditional_order_id = o.id),
                       o.trailing_best) as trailing_best""";
    private static final String OCO_CANCELLED = "OCO_SIBLING_FIRED";

    private final DataSource dataSource;

    /**
     * Conditional orders in this database.
     *
     * @param dataSource the database migrated to V12 or later
     */
    public PostgresConditionalOrders(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<ConditionalOrder> insert(long userId, List<NewConditionalOrder> legs, List<Long> trailingBest,
                                         Instant now) {
        if (legs.isEmpty() || legs.size() > 2 || trailingBest.size() != legs.size()) {
            throw new IllegalArgumentException("one order or the two legs of a pair");
        }
        return inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into conditional_orders (user_id, market_id, kind, side, order_type, limit_price,
                        trigger_price, trailing_offset, trailing_distance, trailing_best, quantity_rule, quantity_value,
                        quantity_order_id, status, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ARMED', ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < legs.size(); i++) {
                    NewConditionalOrder leg = legs.get(i);
                    insert.setLong(1, userId);
                    insert.setInt(2, leg.marketId());
                    insert.setString(3, leg.kind().name());
                    insert.setString(4, leg.side().name());
                    insert.setString(5, leg.orderType().name());
                    setLong(insert, 6, leg.limitPrice());
                    setLong(insert, 7, leg.triggerPrice());
                    insert.setString(8, leg.trailingOffset() == null ? null : leg.trailingOffset().name());
                    setLong(insert, 9, leg.trailingDistance());
                    setLong(insert, 10, leg.kind() == ConditionalKind.TRAILING_STOP ? trailingBest.get(i) : null);
                    insert.setString(11, ruleName(leg.quantity()));
                    insert.setLong(12, ruleValue(leg.quantity()));
                    setLong(insert, 13, leg.quantity() instanceof QuantityRule.FilledPercent f ? f.orderId() : null);
                    insert.setObject(14, utc(now));
                    insert.setObject(15, utc(now));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement best = connection.prepareStatement("""
                    insert into trailing_stop_bests (conditional_order_id, best, saved_at) values (?, ?, ?)""")) {
                for (int i = 0; i < legs.size(); i++) {
                    if (legs.get(i).kind() == ConditionalKind.TRAILING_STOP) {
                        best.setLong(1, ids.get(i));
                        best.setLong(2, trailingBest.get(i));
                        best.setObject(3, utc(now));
                        best.addBatch();
                    }
                }
                best.executeBatch();
            }
            if (ids.size() == 2) {
                try (PreparedStatement link = connection.prepareStatement(
                        "update conditional_orders set oco_id = ? where id = ?")) {
                    link.setLong(1, ids.get(1));
                    link.setLong(2, ids.get(0));
                    link.addBatch();
                    link.setLong(1, ids.get(0));
                    link.setLong(2, ids.get(1));
                    link.addBatch();
                    link.executeBatch();
                }
            }
            return select(connection, "where id = any(?) order by id", (Object) ids.toArray(Long[]::new));
        });
    }

    @Override
    public Optional<ConditionalOrder> find(long id) {
        return inTransaction(connection -> select(connection, "where id = ?", id).stream().findFirst());
    }

    @Override
    public Page<ConditionalOrder> list(ConditionalFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.userId() != null) {
            conditions.add("user_id = ?");
            parameters.add(filter.userId());
        }
        if (filter.marketId() != null) {
            conditions.add("market_id = ?");
            parameters.add(filter.marketId());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            parameters.add(filter.status().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return inTransaction(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from conditional_orders" + where)) {
                bind(count, parameters);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(page.limit());
            paged.add(page.offset());
            List<ConditionalOrder> items = select(connection,
                    where + " order by created_at desc, id desc limit ? offset ?", paged.toArray());
            return new Page<>(items, total, page);
        });
    }

    @Override
    public List<ConditionalOrder> armed() {
        return inTransaction(connection -> select(connection, "where status = 'ARMED' order by id"));
    }

    @Override
    public List<Long> cancel(long id, String reason, Instant now) {
        return inTransaction(connection -> {
            // The order and its sibling (legs are linked both ways), if the order is ARMED, by primary key: "id = ?
            // or oco_id = ?" made PostgreSQL filter every row (35 ms with 100,000 orders, against 0.2 ms).
            try (PreparedStatement update = connection.prepareStatement("""
                    update conditional_orders set status = 'CANCELLED', reason = ?, updated_at = ?
                    where status = 'ARMED' and id = any(array(
                        select o.id from conditional_orders o where o.id = ? and o.status = 'ARMED'
                        union all
                        select o.oco_id from conditional_orders o
                        where o.id = ? and o.status = 'ARMED' and o.oco_id is not null))
                    returning id""")) {
                update.setString(1, reason);
                update.setObject(2, utc(now));
                update.setLong(3, id);
                update.setLong(4, id);
                return ids(update);
            }
        });
    }

    @Override
    public Claims claim(Collection<Crossing> crossings, Instant now) {
        if (crossings.isEmpty()) {
            return Claims.NONE;
        }
        Map<Long, Crossing> byId = new TreeMap<>();
        for (Crossing crossing : crossings) {
            byId.putIfAbsent(crossing.id(), crossing);
        }
        int n = byId.size();
        Long[] ids = new Long[n];
        Long[] prices = new Long[n];
        String[] eventIds = new String[n];
        int row = 0;
        for (Crossing crossing : byId.values()) {
            ids[row] = crossing.id();
            prices[row] = crossing.price();
            eventIds[row++] = crossing.eventId().length() > 128
                    ? crossing.eventId().substring(0, 128) : crossing.eventId();
        }
        // One auto-committed statement, one round trip: each round trip on the way from a price event to its order
        // is one more wait for a core. It locks the crossed orders and their siblings in id order (no deadlock
        // between instances), then decides on the rows as locked, so an order another instance claimed meanwhile is
        // seen as claimed. Of the two legs of a pair that cross together, the one with the smaller id fires and the
        // other is cancelled. The ids go in as one array: "id = any(?) or id in (subquery)" made PostgreSQL filter
        // every row of the table instead of looking the ids up in the primary key. It keeps a prepared plan:
        // planning every claim added 1.5 ms to the event-to-order p50 in the load run, and the generic plan finds
        // the rows by primary key.
        return Jdbc.query(dataSource, connection -> {
            List<ConditionalOrder> triggered = new ArrayList<>();
            List<Long> cancelled = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("""
                    with crossed as (
                        select * from unnest(?::bigint[], ?::bigint[], ?::varchar[]) as c(id, price, event_id)
                    ), locked as (
                        select id, status, oco_id from conditional_orders
                        where id = any(array(select id from crossed union
                                             select oco_id from conditional_orders
                                             where id = any(?) and oco_id is not null))
                        order by id for update
                    ), claimed as (
                        select c.id, c.price, c.event_id, l.oco_id from crossed c join locked l on l.id = c.id
                        where l.status = 'ARMED' and not exists (
                            select 1 from crossed c2 join locked s on s.id = c2.id
                            where s.id = l.oco_id and s.status = 'ARMED' and s.id < l.id)
                    ), changes as (
                        select id, 'TRIGGERED' as status, price, event_id from claimed
                        union all
                        select s.id, 'CANCELLED', null, null from claimed c join locked s on s.id = c.oco_id
                        where s.status = 'ARMED' and s.id not in (select id from claimed)
                    )
                    update conditional_orders o set status = u.status,
                        fired_price = case when u.status = 'TRIGGERED' then u.price else o.fired_price end,
                        fired_event_id = case when u.status = 'TRIGGERED' then u.event_id else o.fired_event_id end,
                        triggered_at = case when u.status = 'TRIGGERED' then ? else o.triggered_at end,
                        reason = case when u.status = 'CANCELLED' then ? else o.reason end,
                        updated_at = ?
                    from changes u
                    where o.id = u.id and o.status = 'ARMED'
                    returning\s""" + CLAIMED_COLUMNS)) {
                Array crossed = connection.createArrayOf("bigint", ids);
                claim.setArray(1, crossed);
                claim.setArray(2, connection.createArrayOf("bigint", prices));
                claim.setArray(3, connection.createArrayOf("varchar", eventIds));
                claim.setArray(4, crossed);
                claim.setObject(5, utc(now));
                claim.setString(6, OCO_CANCELLED);
                claim.setObject(7, utc(now));
                try (ResultSet changed = claim.executeQuery()) {
                    while (changed.next()) {
                        if ("TRIGGERED".equals(changed.getString("status"))) {
                            triggered.add(order(changed));
                        } else {
                            cancelled.add(changed.getLong("id"));
                        }
                    }
                }
            }
            if (triggered.isEmpty() && cancelled.isEmpty()) {
                return Claims.NONE;
            }
            triggered.sort(Comparator.comparingLong(ConditionalOrder::id));
            cancelled.sort(Comparator.naturalOrder());
            return new Claims(triggered, cancelled);
        });
    }

    @Override
    public List<ConditionalOrder> resumeStale(Duration lease, Instant now) {
        return inTransaction(connection -> {
            List<Long> ids;
            try (PreparedStatement update = connection.prepareStatement("""
                    update conditional_orders set triggered_at = ?, updated_at = ?
                    where status = 'TRIGGERED' and triggered_at <= ? returning id""")) {
                update.setObject(1, utc(now));
                update.setObject(2, utc(now));
                update.setObject(3, utc(now.minus(lease)));
                ids = ids(update);
            }
            return ids.isEmpty() ? List.of()
                    : select(connection, "where id = any(?) order by id", (Object) ids.toArray(Long[]::new));
        });
    }

    @Override
    public void updateTrailingBest(Map<Long, Long> bestById, Instant now) {
        if (bestById.isEmpty()) {
            return;
        }
        Long[] ids = new TreeMap<>(bestById).keySet().toArray(Long[]::new);
        Long[] best = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            best[i] = bestById.get(ids[i]);
        }
        // Tens of thousands of stops can move between two saves: one statement instead of one per stop, on the narrow
        // table (V20), so nothing of conditional_orders is locked or written. Rows are locked in id order, so two
        // saves (two instances, or the timer and a close) wait for each other rather than deadlock. A stop without its
        // row (armed around the store) gets one here.
        Jdbc.query(dataSource, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into trailing_stop_bests (conditional_order_id, best, saved_at)
                    select b.id, b.best, ? from unnest(?::bigint[], ?::bigint[]) as b(id, best)
                    on conflict (conditional_order_id) do update set best = excluded.best, saved_at = excluded.saved_at""")) {
                upsert.setObject(1, utc(now));
                upsert.setArray(2, connection.createArrayOf("bigint", ids));
                upsert.setArray(3, connection.createArrayOf("bigint", best));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void finish(Collection<Firing> firings, Instant now) {
        if (firings.isEmpty()) {
            return;
        }
        Long[] ids = new Long[firings.size()];
        Long[] placed = new Long[firings.size()];
        String[] reasons = new String[firings.size()];
        int row = 0;
        for (Firing firing : firings) {
            ids[row] = firing.id();
            placed[row] = firing.placedOrderId();
            reasons[row++] = firing.reason();
        }
        // One auto-committed statement: one round trip, where a batch and a commit were two.
        Jdbc.query(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update conditional_orders o
                    set status = case when f.placed is not null then 'FIRED' else 'FAILED' end,
                        placed_order_id = f.placed, reason = f.reason, updated_at = ?
                    from unnest(?::bigint[], ?::bigint[], ?::varchar[]) as f(id, placed, reason)
                    where o.id = f.id and o.status = 'TRIGGERED'""")) {
                update.setObject(1, utc(now));
                update.setArray(2, connection.createArrayOf("bigint", ids));
                update.setArray(3, connection.createArrayOf("bigint", placed));
                update.setArray(4, connection.createArrayOf("varchar", reasons));
                return update.executeUpdate();
            }
        });
    }

    private static List<ConditionalOrder> select(Connection connection, String tail, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                SELECT + tail)) {
            bind(select, List.of(parameters));
            List<ConditionalOrder> orders = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    orders.add(order(rows));
                }
            }
            return orders;
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Long[] array) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("bigint", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static List<Long> ids(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static ConditionalOrder order(ResultSet rows) throws SQLException {
        String offset = rows.getString("trailing_offset");
        return new ConditionalOrder(rows.getLong("id"), rows.getLong("user_id"), rows.getInt("market_id"),
                ConditionalKind.valueOf(rows.getString("kind")), Side.valueOf(rows.getString("side")),
                OrderType.valueOf(rows.getString("order_type")), nullableLong(rows, "limit_price"),
                nullableLong(rows, "trigger_price"), offset == null ? null : TrailingOffset.valueOf(offset),
                nullableLong(rows, "trailing_distance"), nullableLong(rows, "trailing_best"), rule(rows),
                nullableLong(rows, "oco_id"), ConditionalStatus.valueOf(rows.getString("status")),
                rows.getString("reason"), nullableLong(rows, "fired_price"), rows.getString("fired_event_id"),
                nullableLong(rows, "placed_order_id"), instant(rows, "created_at"), instant(rows, "updated_at"),
                instant(rows, "triggered_at"));
    }

    private static QuantityRule rule(ResultSet rows) throws SQLException {
        long value = rows.getLong("quantity_value");
        return switch (rows.getString("quantity_rule")) {
            case "BASE" -> new QuantityRule.BaseQuantity(value);
            case "QUOTE" -> new QuantityRule.QuoteNotional(value);
            case "BALANCE_PERCENT" -> new QuantityRule.BalancePercent(value);
            case "FILLED_PERCENT" -> new QuantityRule.FilledPercent(rows.getLong("quantity_order_id"), value);
            default -> throw new IllegalStateException("unknown quantity rule " + rows.getString("quantity_rule"));
        };
    }

    /** The stored name of a quantity rule, as the table's check constraint lists them. */
    static String ruleName(QuantityRule rule) {
        return switch (rule) {
            case QuantityRule.BaseQuantity q -> "BASE";
            case QuantityRule.QuoteNotional q -> "QUOTE";
            case QuantityRule.BalancePercent p -> "BALANCE_PERCENT";
            case QuantityRule.FilledPercent p -> "FILLED_PERCENT";
        };
    }

    private static long ruleValue(QuantityRule rule) {
        return switch (rule) {
            case QuantityRule.BaseQuantity q -> q.quantity();
            case QuantityRule.QuoteNotional q -> q.amount();
            case QuantityRule.BalancePercent p -> p.ppm();
            case QuantityRule.FilledPercent p -> p.ppm();
        };
    }

    private static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private <T> T inTransaction(Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, work);
    }
}
