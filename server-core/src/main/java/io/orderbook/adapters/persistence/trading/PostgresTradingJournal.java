package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.Jdbc;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.trading.ClientOrderKey;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.IdempotencyKey;
import io.orderbook.application.trading.PriorRequests;
import io.orderbook.application.trading.TradingJournal;
import io.orderbook.domain.engine.EngineEvent.MarketAdded;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link TradingJournal} on PostgreSQL (schema {@code V10__trading.sql}): each batch is one transaction, written
 * by one SQL statement ({@link BatchStatement}; market listings, changes and delistings go first, in the same
 * transaction), and a restart reads the books, balances and closable orders back from the same tables.
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

    /**
     * A journal for an engine with {@link CloseRetention#DEFAULT}.
     *
     * @param database the database holding the trading tables
     * @param keyring  signs every trade with its market's key
     */
    public PostgresTradingJournal(Database database, MarketKeyring keyring) {
        this(database, keyring, CloseRetention.DEFAULT);
    }

    /**
     * A journal for an engine that keeps filled orders closable as {@code closeRetention} says.
     *
     * @param database       the database holding the trading tables
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
        BatchStatement statement = BatchStatement.of(rows, signatures);
        if (rows.marketChanges.isEmpty()) {
            // One statement with auto-commit is one transaction and one round trip.
            try (Connection connection = database.journalDataSource().getConnection()) {
                connection.setAutoCommit(true);
                statement.execute(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot commit a batch of " + batch.size() + " commands", e);
            }
        } else {
            // Markets first, in the same transaction: new orders and trades refer to them.
            Jdbc.inTransaction(database.journalDataSource(), connection -> {
                writeMarketChanges(connection, rows.marketChanges);
                statement.execute(connection);
                return null;
            });
        }
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
        return Jdbc.query(database.journalDataSource(), connection -> new PriorRequests(
                takenClientOrderIds(connection, clientOrderIds), answers(connection, idempotencyKeys)));
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

    private static OffsetDateTime utc(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }
}
