package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stores assets and reads markets and their trades, the reference data the trading tables point to. Markets are
 * written by the {@link PostgresTradingJournal} as the engine lists, changes and delists them (apart from
 * {@link #insertMarket}, for loading markets before an engine runs), and read back by its {@link
 * PostgresTradingJournal#load()}. Each method runs in its own transaction or joins the one running on this
 * thread (see {@link Database#inTransaction}).
 */
public final class MarketRepository {

    private final Database database;
    private final Clock clock;

    /**
     * A repository on the trading tables.
     *
     * @param database the database holding the {@code assets}, {@code markets} and {@code trades} tables
     * @param clock    the time stamped on the rows this repository inserts
     */
    public MarketRepository(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new asset.
     *
     * @param id    the asset's engine id, 0 to 32,767
     * @param code  e.g. {@code BTC}: 1 to 16 capitals and digits
     * @param scale decimal places: one whole unit is 10^scale minor units
     * @throws io.orderbook.adapters.persistence.DuplicateKeyException if the id or code is taken
     */
    public void insertAsset(int id, String code, int scale) {
        database.runInTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into assets (id, code, scale, created_at) values (?, ?, ?, ?)")) {
                insert.setInt(1, id);
                insert.setString(2, code);
                insert.setInt(3, scale);
                insert.setObject(4, now());
                insert.executeUpdate();
            }
        }));
    }

    /**
     * Stores a new asset under the next free id (one above the highest ever used).
     *
     * @param code  e.g. {@code BTC}: 1 to 16 capitals and digits
     * @param scale decimal places: one whole unit is 10^scale minor units
     * @return the stored asset, with its id and creation time
     * @throws io.orderbook.adapters.persistence.DuplicateKeyException if the code is taken ({@code assets_code_key})
     *                                                                 or another asset took the id at the same time
     */
    public AssetRow createAsset(String code, int scale) {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into assets (id, code, scale, created_at)
                    select coalesce(max(id), 0) + 1, ?, ?, ? from assets
                    returning id, code, scale, created_at""")) {
                insert.setString(1, code);
                insert.setInt(2, scale);
                insert.setObject(3, now());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return asset(row, 1);
                }
            }
        }));
    }

    /**
     * Reads every asset.
     *
     * @return the assets ordered by code; empty when there are none
     */
    public List<AssetRow> assets() {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            List<AssetRow> assets = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, code, scale, created_at from assets order by code");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assets.add(asset(rows, 1));
                }
            }
            return assets;
        }));
    }

    /**
     * Finds an asset by its code.
     *
     * @param code the asset's code, e.g. {@code BTC} (case-sensitive)
     * @return the asset, or empty when no asset has this code
     */
    public Optional<AssetRow> asset(String code) {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, code, scale, created_at from assets where code = ?")) {
                select.setString(1, code);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(asset(rows, 1)) : Optional.empty();
                }
            }
        }));
    }

    /**
     * Reads every listed (not deleted) market.
     *
     * @return the markets ordered by symbol, halted ones included; empty when there are none
     */
    public List<MarketRow> liveMarkets() {
        return database.inTransaction(session -> session.doReturningWork(connection ->
                selectMarkets(connection, "m.deleted_at is null order by m.symbol", null)));
    }

    /**
     * Finds a listed market by its symbol.
     *
     * @param symbol e.g. {@code BTC-USDT} (case-sensitive)
     * @return the market, or empty when no listed market has this symbol
     */
    public Optional<MarketRow> liveMarket(String symbol) {
        return database.inTransaction(session -> session.doReturningWork(connection ->
                selectMarkets(connection, "m.deleted_at is null and m.symbol = ?", symbol).stream().findFirst()));
    }

    /**
     * Reads the sealed private keys of the listed markets.
     *
     * @return each listed market's private key, sealed under the master key, by market id in ascending order
     */
    public Map<Integer, byte[]> sealedKeys() {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            Map<Integer, byte[]> keys = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, private_key_sealed from markets where deleted_at is null");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getInt(1), rows.getBytes(2));
                }
            }
            return keys;
        }));
    }

    /**
     * Finds the id for a new market: one above the highest ever used, deleted markets included, so ids never
     * repeat.
     *
     * @return the next market id; 1 when there has never been a market
     */
    public int nextMarketId() {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select coalesce(max(id), 0) + 1 from markets");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }));
    }

    /**
     * Reads a market's most recent trades.
     *
     * @param marketId the market's engine id
     * @param limit    the most trades to return
     * @return up to {@code limit} trades, newest first; empty for a market without trades or an unknown id
     */
    public List<TradeRow> recentTrades(int marketId, int limit) {
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            List<TradeRow> trades = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, price, quantity, quote_quantity, maker_order_id, taker_order_id, taker_side, executed_at,
                           signature
                    from trades where market_id = ? order by id desc limit ?""")) {
                select.setInt(1, marketId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        trades.add(new TradeRow(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                                rows.getLong(5), rows.getLong(6), Side.valueOf(rows.getString(7)),
                                rows.getObject(8, OffsetDateTime.class).toInstant(), rows.getBytes(9)));
                    }
                }
            }
            return trades;
        }));
    }

    private static List<MarketRow> selectMarkets(Connection connection, String where, String parameter)
            throws SQLException {
        List<MarketRow> markets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select m.id, m.symbol, m.tick_size, m.lot_size, m.min_notional, m.maker_fee_ppm, m.taker_fee_ppm,
                       m.default_stp, m.halted, m.public_key, m.created_at, m.updated_at, m.version,
                       b.id, b.code, b.scale, b.created_at, q.id, q.code, q.scale, q.created_at
                from markets m join assets b on b.id = m.base_asset_id join assets q on q.id = m.quote_asset_id
                where\s""" + where)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    markets.add(new MarketRow(rows.getInt(1), rows.getString(2), asset(rows, 14), asset(rows, 18),
                            rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getInt(6), rows.getInt(7),
                            SelfTradePrevention.valueOf(rows.getString(8)), rows.getBoolean(9), rows.getBytes(10),
                            rows.getObject(11, OffsetDateTime.class).toInstant(),
                            rows.getObject(12, OffsetDateTime.class).toInstant(), rows.getLong(13)));
                }
            }
        }
        return markets;
    }

    private static AssetRow asset(ResultSet rows, int first) throws SQLException {
        return new AssetRow(rows.getInt(first), rows.getString(first + 1), rows.getInt(first + 2),
                rows.getObject(first + 3, OffsetDateTime.class).toInstant());
    }

    /**
     * An asset as stored.
     *
     * @param id        the asset's engine id
     * @param code      e.g. {@code BTC}
     * @param scale     decimal places: one whole unit is 10^scale minor units
     * @param createdAt when the asset was stored
     */
    public record AssetRow(int id, String code, int scale, Instant createdAt) {
    }

    /**
     * A listed market as stored, with its assets. Amounts are in minor units as in {@link Market}.
     *
     * @param id          the market's engine id
     * @param symbol      e.g. {@code BTC-USDT}
     * @param base        the asset that is bought and sold
     * @param quote       the asset prices are quoted in
     * @param tickSize    price step, in quote minor units per whole base unit
     * @param lotSize     quantity step, in base minor units
     * @param minNotional smallest order value, in quote minor units
     * @param makerFeePpm fee charged to the resting side, parts per million of the trade's quote value
     * @param takerFeePpm fee charged to the taking side, parts per million of the trade's quote value
     * @param defaultStp  self-trade prevention for orders that do not choose one
     * @param halted      whether trading is halted
     * @param publicKey   the Ed25519 public key that verifies its trades, X.509 encoded
     * @param createdAt   when the market was listed
     * @param updatedAt   when the row last changed
     * @param version     incremented by every change of the row (rules, halt, deletion)
     */
    public record MarketRow(int id, String symbol, AssetRow base, AssetRow quote, long tickSize, long lotSize,
                            long minNotional, int makerFeePpm, int takerFeePpm, SelfTradePrevention defaultStp,
                            boolean halted, byte[] publicKey, Instant createdAt, Instant updatedAt, long version) {

        /**
         * The market's rules as the engine holds them.
         *
         * @return the rules, with the base asset's scale; the halt flag is not part of them
         */
        public Market market() {
            return new Market(id, symbol, base.id(), quote.id(), base.scale(), tickSize, lotSize, minNotional,
                    makerFeePpm, takerFeePpm, defaultStp);
        }
    }

    /**
     * A stored trade as anyone may see it: no user ids, no fees.
     *
     * @param id            the trade's id, increasing in the order trades were executed (across markets)
     * @param price         the maker's price, in quote minor units per whole base unit
     * @param quantity      base minor units traded
     * @param quoteQuantity the trade's value, in quote minor units (exactly price * quantity / 10^base scale)
     * @param makerOrderId  the resting order
     * @param takerOrderId  the incoming order
     * @param takerSide     whether the taker bought or sold
     * @param executedAt    when the trade was executed
     * @param signature Ed25519 signature by the market's key, or null for a trade stored before trades were signed
     */
    public record TradeRow(long id, long price, long quantity, long quoteQuantity, long makerOrderId,
                           long takerOrderId, Side takerSide, Instant executedAt, byte[] signature) {
    }

    /**
     * Stores a new market, not halted.
     *
     * @param market           the market's rules; its base scale must be its base asset's
     * @param publicKey        Ed25519 public key, X.509 encoded
     * @param sealedPrivateKey the private key, sealed by {@link io.orderbook.adapters.security.SecretBox}
     * @throws IllegalArgumentException if the market's base scale differs from its base asset's scale
     * @throws io.orderbook.adapters.persistence.DuplicateKeyException if the id or a live market's symbol is taken
     */
    public void insertMarket(Market market, byte[] publicKey, byte[] sealedPrivateKey) {
        database.runInTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select scale from assets where id = ?")) {
                select.setInt(1, market.baseAsset());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next() || rows.getInt(1) != market.baseScale()) {
                        throw new IllegalArgumentException("market " + market.symbol() + " has base scale "
                                + market.baseScale() + " but asset " + market.baseAsset() + " does not");
                    }
                }
            }
            insertMarketRow(connection, market, publicKey, sealedPrivateKey, now());
        }));
    }

    /** Inserts a market's row, not halted; the one way markets are stored (the journal uses it too). */
    static void insertMarketRow(Connection connection, Market market, byte[] publicKey, byte[] sealedPrivateKey,
                                OffsetDateTime at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into markets (id, symbol, base_asset_id, quote_asset_id, tick_size, lot_size, min_notional,
                                     maker_fee_ppm, taker_fee_ppm, default_stp, public_key, private_key_sealed,
                                     created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setInt(1, market.id());
            insert.setString(2, market.symbol());
            insert.setInt(3, market.baseAsset());
            insert.setInt(4, market.quoteAsset());
            insert.setLong(5, market.tickSize());
            insert.setLong(6, market.lotSize());
            insert.setLong(7, market.minNotional());
            insert.setInt(8, market.makerFeePpm());
            insert.setInt(9, market.takerFeePpm());
            insert.setString(10, market.defaultStp().name());
            insert.setBytes(11, publicKey);
            insert.setBytes(12, sealedPrivateKey);
            insert.setObject(13, at);
            insert.setObject(14, at);
            insert.executeUpdate();
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
