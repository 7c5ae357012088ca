package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.trading.ClientOrderKey;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.IdempotencyKey;
import io.orderbook.application.trading.PriorRequests;
import io.orderbook.application.trading.TradingJournal;
import io.orderbook.domain.engine.EngineEvent.MarketAdded;
import io.orderbook.domain.engine.EngineEvent.MarketHaltChanged;
import io.orderbook.domain.engine.EngineEvent.MarketRemoved;
import io.orderbook.domain.engine.EngineEvent.MarketUpdated;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.CloseRetention;
import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.Ledger;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link TradingJournal} on PostgreSQL (schema {@code V10__trading.sql}): each batch is one transaction of
 * plain JDBC batches, and a restart reads the books, balances and closable orders back from the same tables.
 *
 * <p>A commit writes each order the batch touched once, with its state at the end of the batch (new orders are
 * inserted in that state), every trade, the current balances of every (user, asset) the batch touched (read
 * from the engine's ledger, fee account included), balance adjustments with their audit context, idempotency
 * answers and market changes (listings with their keys, rule changes, halts, delistings as soft deletes); see
 * {@link BatchRows}. {@link #load()} returns exactly the snapshot the engine would take of itself after the last
 * committed batch.
 *
 * <p>Every trade is stored with its Ed25519 signature by its market's key (see
 * {@link io.orderbook.adapters.signing.TradeSignatures#canonicalMessage}), made before the transaction opens
 * with keys the {@link MarketKeyring} keeps unsealed in memory.
 *
 * <p>{@link #commit} must be called by one thread at a time (the sequencer's); {@link #load} and
 * {@link #findPrior} may be called from any thread.
 */
public final class PostgresTradingJournal implements TradingJournal {

    private static final String INSERT_ORDER = """
            insert into orders (id, user_id, market_id, client_order_id, side, type, time_in_force, price, quantity,
                                quote_amount, expire_at, stp, status, end_reason, filled_quantity, open_quantity,
                                reserved, priority, closed, closing_order_id, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /**
     * All touched orders stored before, in one statement (a JDBC batch of updates would run one statement per
     * order). Each parameter is an array with one element per order; a null element keeps the stored value:
     * the batch did not change that part of the order. Times are epoch milliseconds.
     */
    private static final String UPDATE_ORDERS = """
            update orders o
            set status = coalesce(v.status, o.status), end_reason = coalesce(v.end_reason, o.end_reason),
                price = coalesce(v.price, o.price), quantity = coalesce(v.quantity, o.quantity),
                filled_quantity = coalesce(v.filled_quantity, o.filled_quantity), open_quantity = v.open_quantity,
                reserved = v.reserved, priority = case when v.keep_priority then o.priority else v.priority end,
                closed = o.closed or v.closed, closing_order_id = coalesce(v.closing_order_id, o.closing_order_id),
                updated_at = timestamptz 'epoch' + v.updated_at * interval '1 millisecond'
            from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::bigint[], ?::boolean[], ?::bigint[], ?::boolean[], ?::bigint[], ?::bigint[])
                 as v(id, status, end_reason, price, quantity, filled_quantity, open_quantity, reserved,
                      keep_priority, priority, closed, closing_order_id, updated_at)
            where o.id = v.id""";
    private static final String INSERT_TRADE = """
            insert into trades (id, market_id, price, quantity, quote_quantity, maker_order_id, maker_user_id,
                                taker_order_id, taker_user_id, taker_side, maker_fee, taker_fee, signature, executed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPSERT_BALANCE = """
            insert into balances (user_id, asset_id, available, locked, updated_at) values (?, ?, ?, ?, ?)
            on conflict (user_id, asset_id) do update
            set available = excluded.available, locked = excluded.locked, updated_at = excluded.updated_at""";
    private static final String INSERT_ADJUSTMENT = """
            insert into balance_adjustments (user_id, asset_id, amount, available_after, reason, actor_user_id,
                                             created_at)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ANSWER = """
            insert into idempotency_keys (user_id, idempotency_key, fingerprint, result, created_at)
            values (?, ?, ?, cast(? as jsonb), ?)""";
    private static final String UPDATE_HALTED = """
            update markets set halted = ?, updated_at = ?, version = version + 1 where id = ?""";

    private static final String UPDATE_MARKET = """
            update markets set tick_size = ?, lot_size = ?, min_notional = ?, maker_fee_ppm = ?, taker_fee_ppm = ?,
                               default_stp = ?, updated_at = ?, version = version + 1
            where id = ? and deleted_at is null""";
    private static final String DELETE_MARKET = """
            update markets set deleted_at = ?, updated_at = ?, version = version + 1
            where id = ? and deleted_at is null""";

    private final Database database;
    private final MarketKeyring keyring;
    private final CloseRetention closeRetention;
    /** The last priority number drawn; numbers only grow (see {@link BatchRows}). */
    private final AtomicLong lastPriority = new AtomicLong(-1);

    /** A journal for an engine with {@link CloseRetention#DEFAULT}; {@code keyring} signs every trade with its market's key. */
    public PostgresTradingJournal(Database database, MarketKeyring keyring) {
        this(database, keyring, CloseRetention.DEFAULT);
    }

    /**
     * @param keyring        signs every trade with its market's key
     * @param closeRetention the engine's: {@link #load()} returns only the filled orders it would still keep
     */
    public PostgresTradingJournal(Database database, MarketKeyring keyring, CloseRetention closeRetention) {
        this.database = Objects.requireNonNull(database, "database");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.closeRetention = Objects.requireNonNull(closeRetention, "closeRetention");
    }

    @Override
    public void commit(List<CommandResult> batch, MatchingEngine engine) {
        if (batch.isEmpty()) {
            return;
        }
        if (lastPriority.get() < 0) {
            lastPriority.accumulateAndGet(loadMaxPriority(), Math::max);
        }
        BatchRows rows = BatchRows.of(batch, engine, lastPriority::incrementAndGet);
        List<byte[]> signatures = sign(rows);
        database.runInTransaction(session -> session.doWork(connection -> write(connection, rows, signatures)));
        for (BatchRows.MarketChange change : rows.marketChanges) {
            if (change.event() instanceof MarketRemoved removed) {
                keyring.forget(removed.market().id());
            }
        }
    }

    /** Each trade's signature, in the order of {@link BatchRows#trades}. */
    private List<byte[]> sign(BatchRows rows) {
        List<byte[]> signatures = new ArrayList<>(rows.trades.size());
        for (TradeExecuted trade : rows.trades) {
            int marketId = trade.marketId();
            signatures.add(keyring.signingKey(marketId, () -> sealedKey(rows, marketId))
                    .sign(rows.market(marketId).symbol(), trade));
        }
        return signatures;
    }

    /** A market's sealed private key: from its listing if this batch lists it, else from its row. */
    private byte[] sealedKey(BatchRows rows, int marketId) {
        for (BatchRows.MarketChange change : rows.marketChanges) {
            if (change.event() instanceof MarketAdded added && added.market().id() == marketId) {
                return change.keys().sealedPrivateKey();
            }
        }
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select private_key_sealed from markets where id = ?")) {
                select.setInt(1, marketId);
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        throw new IllegalStateException("market " + marketId + " has no row, so no signing key");
                    }
                    return result.getBytes(1);
                }
            }
        }));
    }

    private static void write(Connection connection, BatchRows rows, List<byte[]> signatures) throws SQLException {
        // Markets first: new orders and trades refer to them.
        writeMarketChanges(connection, rows.marketChanges);
        writeOrders(connection, rows);
        writeTrades(connection, rows.trades, signatures);
        writeBalances(connection, rows.currentBalances(), rows.lastTimestamp);
        writeAdjustments(connection, rows.adjustments);
        writeAnswers(connection, rows.answers);
        writeHalts(connection, rows.halts.values());
    }

    /** One statement per change, in order: market changes are rare, and their order matters. */
    private static void writeMarketChanges(Connection connection, List<BatchRows.MarketChange> changes)
            throws SQLException {
        for (BatchRows.MarketChange change : changes) {
            switch (change.event()) {
                case MarketAdded added -> insertMarket(connection, added, change.keys());
                case MarketUpdated updated -> updateMarket(connection, updated);
                case MarketRemoved removed -> deleteMarket(connection, removed);
                default -> throw new IllegalStateException("not a market change: " + change.event());
            }
        }
    }

    private static void insertMarket(Connection connection, MarketAdded added, CommandContext.MarketKeys keys)
            throws SQLException {
        MarketRepository.insertMarketRow(connection, added.market(), keys.publicKey(), keys.sealedPrivateKey(),
                utc(added.timestamp()));
    }

    private static void updateMarket(Connection connection, MarketUpdated updated) throws SQLException {
        Market market = updated.market();
        try (PreparedStatement update = connection.prepareStatement(UPDATE_MARKET)) {
            update.setLong(1, market.tickSize());
            update.setLong(2, market.lotSize());
            update.setLong(3, market.minNotional());
            update.setInt(4, market.makerFeePpm());
            update.setInt(5, market.takerFeePpm());
            update.setString(6, market.defaultStp().name());
            update.setObject(7, utc(updated.timestamp()));
            update.setInt(8, market.id());
            requireOneRow(update.executeUpdate(), market);
        }
    }

    private static void deleteMarket(Connection connection, MarketRemoved removed) throws SQLException {
        OffsetDateTime at = utc(removed.timestamp());
        try (PreparedStatement update = connection.prepareStatement(DELETE_MARKET)) {
            update.setObject(1, at);
            update.setObject(2, at);
            update.setInt(3, removed.market().id());
            requireOneRow(update.executeUpdate(), removed.market());
        }
    }

    /** The engine and the tables must agree on which markets are listed; anything else fails the batch. */
    private static void requireOneRow(int count, Market market) {
        if (count != 1) {
            throw new IllegalStateException("market " + market.id() + " is listed in the engine but has no live row");
        }
    }

    private static void writeOrders(Connection connection, BatchRows rows) throws SQLException {
        List<BatchRows.OrderRow> stored = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            int inserts = 0;
            for (BatchRows.OrderRow row : rows.orders.values()) {
                if (row.isNew()) {
                    bindInsert(insert, row);
                    insert.addBatch();
                    inserts++;
                } else {
                    stored.add(row);
                }
            }
            // New orders first: trades refer to them.
            if (inserts > 0) {
                insert.executeBatch();
            }
        }
        if (!stored.isEmpty()) {
            updateStored(connection, stored);
        }
    }

    private static void bindInsert(PreparedStatement insert, BatchRows.OrderRow row) throws SQLException {
        var accepted = row.accepted;
        insert.setLong(1, row.id);
        insert.setLong(2, accepted.userId());
        insert.setInt(3, accepted.marketId());
        insert.setString(4, row.clientOrderId);
        insert.setString(5, accepted.side().name());
        insert.setString(6, accepted.type().name());
        insert.setString(7, accepted.timeInForce().name());
        insert.setLong(8, row.priceOrAccepted());
        insert.setLong(9, row.quantityOrAccepted());
        insert.setLong(10, accepted.quoteAmount());
        setLong(insert, 11, row.expireAt());
        insert.setString(12, accepted.stp().name());
        insert.setString(13, row.status);
        insert.setString(14, row.endReason);
        insert.setLong(15, row.filledQuantity);
        insert.setLong(16, row.openQuantity);
        insert.setLong(17, row.reserved);
        setLong(insert, 18, row.priority);
        insert.setBoolean(19, row.closed);
        setLong(insert, 20, row.closingOrderId);
        insert.setObject(21, utc(accepted.timestamp()));
        insert.setObject(22, utc(row.updatedAt));
    }

    private static void updateStored(Connection connection, List<BatchRows.OrderRow> rows) throws SQLException {
        int n = rows.size();
        Long[] id = new Long[n];
        String[] status = new String[n];
        String[] endReason = new String[n];
        Long[] price = new Long[n];
        Long[] quantity = new Long[n];
        Long[] filled = new Long[n];
        Long[] open = new Long[n];
        Long[] reserved = new Long[n];
        Boolean[] keepPriority = new Boolean[n];
        Long[] priority = new Long[n];
        Boolean[] closed = new Boolean[n];
        Long[] closingOrderId = new Long[n];
        Long[] updatedAt = new Long[n];
        for (int i = 0; i < n; i++) {
            BatchRows.OrderRow row = rows.get(i);
            id[i] = row.id;
            status[i] = row.status;
            endReason[i] = row.endReason;
            price[i] = row.price;
            quantity[i] = row.quantity;
            filled[i] = row.filledQuantity;
            open[i] = row.openQuantity;
            reserved[i] = row.reserved;
            keepPriority[i] = row.open && row.priority == null;
            priority[i] = row.priority;
            closed[i] = row.closed;
            closingOrderId[i] = row.closingOrderId;
            updatedAt[i] = row.updatedAt;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ORDERS)) {
            Object[][] columns = {id, status, endReason, price, quantity, filled, open, reserved, keepPriority,
                    priority, closed, closingOrderId, updatedAt};
            String[] types = {"bigint", "text", "text", "bigint", "bigint", "bigint", "bigint", "bigint", "boolean",
                    "bigint", "boolean", "bigint", "bigint"};
            for (int c = 0; c < columns.length; c++) {
                update.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            int updated = update.executeUpdate();
            if (updated != n) {
                throw new IllegalStateException("expected to update " + n + " stored orders but found " + updated);
            }
        }
    }

    private static void writeTrades(Connection connection, List<TradeExecuted> trades, List<byte[]> signatures)
            throws SQLException {
        if (trades.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TRADE)) {
            for (int i = 0; i < trades.size(); i++) {
                TradeExecuted trade = trades.get(i);
                insert.setLong(1, trade.tradeId());
                insert.setInt(2, trade.marketId());
                insert.setLong(3, trade.price());
                insert.setLong(4, trade.quantity());
                insert.setLong(5, trade.quoteQuantity());
                insert.setLong(6, trade.makerOrderId());
                insert.setLong(7, trade.makerUserId());
                insert.setLong(8, trade.takerOrderId());
                insert.setLong(9, trade.takerUserId());
                insert.setString(10, trade.takerSide().name());
                insert.setLong(11, trade.makerFee());
                insert.setLong(12, trade.takerFee());
                insert.setBytes(13, signatures.get(i));
                insert.setObject(14, utc(trade.timestamp()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeBalances(Connection connection, List<Ledger.Balance> balances, long timestamp)
            throws SQLException {
        if (balances.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(timestamp);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_BALANCE)) {
            for (Ledger.Balance balance : balances) {
                upsert.setLong(1, balance.userId());
                upsert.setInt(2, balance.asset());
                upsert.setLong(3, balance.available());
                upsert.setLong(4, balance.locked());
                upsert.setObject(5, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeAdjustments(Connection connection, List<BatchRows.Adjustment> adjustments)
            throws SQLException {
        if (adjustments.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ADJUSTMENT)) {
            for (BatchRows.Adjustment adjustment : adjustments) {
                var event = adjustment.event();
                insert.setLong(1, event.userId());
                insert.setInt(2, event.asset());
                insert.setLong(3, event.amount());
                insert.setLong(4, event.available());
                insert.setString(5, adjustment.reason());
                setLong(insert, 6, adjustment.actorUserId());
                insert.setObject(7, utc(event.timestamp()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeAnswers(Connection connection, List<CommandResult> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ANSWER)) {
            for (CommandResult answer : answers) {
                var idempotency = answer.context().idempotency();
                insert.setLong(1, idempotency.key().userId());
                insert.setString(2, idempotency.key().key());
                insert.setString(3, idempotency.fingerprint());
                insert.setString(4, CommandResultJson.write(answer));
                insert.setObject(5, utc(answer.command().timestamp()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeHalts(Connection connection, Collection<MarketHaltChanged> halts) throws SQLException {
        if (halts.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_HALTED)) {
            for (MarketHaltChanged halt : halts) {
                update.setBoolean(1, halt.halted());
                update.setObject(2, utc(halt.timestamp()));
                update.setInt(3, halt.marketId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    // ---- load ----

    /**
     * The durable state as the engine's own snapshot: live markets (by id) and which are halted, non-zero
     * balances (by user, asset), resting orders per market (bids then asks, best price first, then by priority),
     * orders that ended with something filled (by id), and the next trade id.
     *
     * @throws IllegalStateException if a deleted market still has open orders (their funds would be lost)
     */
    @Override
    public EngineSnapshot load() {
        Loaded loaded = database.inTransaction(session -> session.doReturningWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                // One consistent view of all tables, even while markets are edited.
                statement.execute("set transaction isolation level repeatable read, read only");
            }
            return read(connection, closeRetention);
        }));
        lastPriority.accumulateAndGet(loaded.maxPriority, Math::max);
        return loaded.snapshot;
    }

    private record Loaded(EngineSnapshot snapshot, long maxPriority) {
    }

    private static Loaded read(Connection connection, CloseRetention retention) throws SQLException {
        List<Market> markets = new ArrayList<>();
        List<Integer> halted = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select m.id, m.symbol, m.base_asset_id, m.quote_asset_id, a.scale, m.tick_size, m.lot_size,
                       m.min_notional, m.maker_fee_ppm, m.taker_fee_ppm, m.default_stp, m.halted
                from markets m join assets a on a.id = m.base_asset_id
                where m.deleted_at is null order by m.id""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                markets.add(new Market(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4),
                        rows.getInt(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getInt(9),
                        rows.getInt(10), SelfTradePrevention.valueOf(rows.getString(11))));
                if (rows.getBoolean(12)) {
                    halted.add(rows.getInt(1));
                }
            }
        }
        Set<Integer> live = new HashSet<>();
        markets.forEach(market -> live.add(market.id()));

        List<Ledger.Balance> balances = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select user_id, asset_id, available, locked from balances
                where available <> 0 or locked <> 0 order by user_id, asset_id""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                balances.add(new Ledger.Balance(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getLong(4)));
            }
        }

        List<EngineSnapshot.RestingOrder> resting = new ArrayList<>();
        long maxPriority = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                select id, user_id, market_id, side, type, time_in_force, price, open_quantity, filled_quantity,
                       reserved, expire_at, stp, priority
                from orders where status = 'OPEN'
                order by market_id, side = 'SELL', case when side = 'BUY' then price end desc,
                         case when side = 'SELL' then price end, priority""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                int marketId = rows.getInt(3);
                if (!live.contains(marketId)) {
                    throw new IllegalStateException("market " + marketId + " is deleted but order " + rows.getLong(1)
                            + " is still open in it; cancel its orders before deleting a market");
                }
                resting.add(new EngineSnapshot.RestingOrder(rows.getLong(1), rows.getLong(2), marketId,
                        Side.valueOf(rows.getString(4)), OrderType.valueOf(rows.getString(5)),
                        TimeInForce.valueOf(rows.getString(6)), rows.getLong(7), rows.getLong(8), rows.getLong(9),
                        rows.getLong(10), rows.getLong(11), SelfTradePrevention.valueOf(rows.getString(12))));
                maxPriority = Math.max(maxPriority, rows.getLong(13));
            }
        }

        List<EngineSnapshot.ClosableOrder> closable = new ArrayList<>();
        // The orders the engine keeps closable (see CloseRetention): updated_at is when an ended order last changed
        // (its end, or its close), and the engine last swept them when the latest of those changes happened, in
        // command time: it kept those within the close period before it, the newest maxOrders of them.
        try (PreparedStatement select = connection.prepareStatement("""
                with ended as (
                    select o.id, o.user_id, o.market_id, o.side, o.filled_quantity, o.closed, o.updated_at
                    from orders o join markets m on m.id = o.market_id and m.deleted_at is null
                    where o.status <> 'OPEN' and o.filled_quantity > 0)
                select id, user_id, market_id, side, filled_quantity, closed,
                       (extract(epoch from updated_at) * 1000)::bigint
                from (select e.* from ended e
                      where e.updated_at > (select max(updated_at) from ended) - ? * interval '1 millisecond'
                      order by e.updated_at desc, e.id desc limit ?) recent
                order by id""")) {
            select.setLong(1, retention.period().toMillis());
            select.setInt(2, retention.maxOrders());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    closable.add(new EngineSnapshot.ClosableOrder(rows.getLong(1), rows.getLong(2), rows.getInt(3),
                            Side.valueOf(rows.getString(4)), rows.getLong(5), rows.getBoolean(6), rows.getLong(7)));
                }
            }
        }

        long nextTradeId;
        try (PreparedStatement select = connection.prepareStatement("select coalesce(max(id), 0) + 1 from trades");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            nextTradeId = rows.getLong(1);
        }
        return new Loaded(new EngineSnapshot(markets, halted, balances, resting, closable, nextTradeId), maxPriority);
    }

    private long loadMaxPriority() {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select coalesce(max(priority), 0) from orders where status = 'OPEN'");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    // ---- repeated requests ----

    @Override
    public PriorRequests findPrior(Set<ClientOrderKey> clientOrderIds, Set<IdempotencyKey> idempotencyKeys) {
        if (clientOrderIds.isEmpty() && idempotencyKeys.isEmpty()) {
            return PriorRequests.NONE;
        }
        return database.inTransaction(session -> session.doReturningWork(connection -> new PriorRequests(
                takenClientOrderIds(connection, clientOrderIds), answers(connection, idempotencyKeys))));
    }

    private static Set<ClientOrderKey> takenClientOrderIds(Connection connection, Set<ClientOrderKey> keys)
            throws SQLException {
        Set<ClientOrderKey> taken = new HashSet<>();
        if (keys.isEmpty()) {
            return taken;
        }
        Long[] users = new Long[keys.size()];
        String[] ids = new String[keys.size()];
        int i = 0;
        for (ClientOrderKey key : keys) {
            users[i] = key.userId();
            ids[i++] = key.clientOrderId();
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select o.user_id, o.client_order_id
                from unnest(?::bigint[], ?::text[]) as k(user_id, client_order_id)
                join orders o on o.user_id = k.user_id and o.client_order_id = k.client_order_id""")) {
            bindPairs(connection, select, users, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.add(new ClientOrderKey(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return taken;
    }

    private static Map<IdempotencyKey, PriorRequests.Answer> answers(Connection connection, Set<IdempotencyKey> keys)
            throws SQLException {
        Map<IdempotencyKey, PriorRequests.Answer> answers = new HashMap<>();
        if (keys.isEmpty()) {
            return answers;
        }
        Long[] users = new Long[keys.size()];
        String[] values = new String[keys.size()];
        int i = 0;
        for (IdempotencyKey key : keys) {
            users[i] = key.userId();
            values[i++] = key.key();
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select i.user_id, i.idempotency_key, i.fingerprint, i.result::text
                from unnest(?::bigint[], ?::text[]) as k(user_id, idempotency_key)
                join idempotency_keys i on i.user_id = k.user_id and i.idempotency_key = k.idempotency_key""")) {
            bindPairs(connection, select, users, values);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    answers.put(new IdempotencyKey(rows.getLong(1), rows.getString(2)),
                            new PriorRequests.Answer(rows.getString(3), CommandResultJson.read(rows.getString(4))));
                }
            }
        }
        return answers;
    }

    private static void bindPairs(Connection connection, PreparedStatement select, Long[] users, String[] values)
            throws SQLException {
        Array userArray = connection.createArrayOf("bigint", users);
        Array valueArray = connection.createArrayOf("text", values);
        select.setArray(1, userArray);
        select.setArray(2, valueArray);
    }

    // ---- helpers ----

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static OffsetDateTime utc(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }
}
