package io.orderbook.adapters.persistence.orders;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.orders.Asset;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link MarketCatalog} on the {@code assets} and {@code markets} tables, held in memory: every request
 * looks markets up, so they are read from the database only when the copy is older than {@code maxAge}, when a
 * look-up misses (at most once per {@link #MISS_RELOAD_NANOS}, so unknown symbols cannot hammer the database),
 * or after {@link #refresh()}. A market's rules never change once it exists, so an old copy is never wrong about
 * a market it knows; it may only miss a new one, or still know a deleted one (the engine then refuses it).
 */
public final class PostgresMarketCatalog implements MarketCatalog {
    static final long MISS_RELOAD_NANOS = 1_000_000_000L;

    private final Database database;
    private final long maxAgeNanos;
    private volatile Snapshot snapshot;

    /**
     * A catalog that reads {@code database} on first use.
     *
     * @param database the server's database, already migrated
     * @param maxAge   how long a copy is used before it is read again
     */
    public PostgresMarketCatalog(Database database, java.time.Duration maxAge) {
        this.database = Objects.requireNonNull(database, "database");
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public Optional<TradedMarket> bySymbol(String symbol) {
        return look(snapshot -> snapshot.bySymbol.get(symbol));
    }

    @Override
    public Optional<TradedMarket> byId(int marketId) {
        return look(snapshot -> snapshot.byId.get(marketId));
    }

    @Override
    public Optional<Asset> assetByCode(String code) {
        return look(snapshot -> snapshot.assetsByCode.get(code));
    }

    @Override
    public Optional<Asset> assetById(int assetId) {
        return look(snapshot -> snapshot.assetsById.get(assetId));
    }

    @Override
    public List<Asset> assets() {
        return current().assets;
    }

    @Override
    public void refresh() {
        snapshot = null;
    }

    private <T> Optional<T> look(java.util.function.Function<Snapshot, T> lookup) {
        Snapshot current = current();
        T found = lookup.apply(current);
        if (found == null && System.nanoTime() - current.loadedAt > MISS_RELOAD_NANOS) {
            found = lookup.apply(reload());
        }
        return Optional.ofNullable(found);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt > maxAgeNanos) {
            current = reload();
        }
        return current;
    }

    private Snapshot reload() {
        Snapshot loaded = database.inTransaction(session -> session.doReturningWork(connection -> {
            Map<Integer, Asset> assets = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select id, code, scale from assets");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assets.put(rows.getInt(1), new Asset(rows.getInt(1), rows.getString(2), rows.getInt(3)));
                }
            }
            List<TradedMarket> markets = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, symbol, base_asset_id, quote_asset_id, tick_size, lot_size, min_notional,
                           maker_fee_ppm, taker_fee_ppm, default_stp, deleted_at is null
                    from markets order by id""");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Asset base = assets.get(rows.getInt(3));
                    Asset quote = assets.get(rows.getInt(4));
                    Market market = new Market(rows.getInt(1), rows.getString(2), base.id(), quote.id(), base.scale(),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getInt(8), rows.getInt(9),
                            SelfTradePrevention.valueOf(rows.getString(10)));
                    markets.add(new TradedMarket(market, base, quote, rows.getBoolean(11)));
                }
            }
            return new Snapshot(assets, markets, System.nanoTime());
        }));
        snapshot = loaded;
        return loaded;
    }

    private static final class Snapshot {
        final Map<Integer, Asset> assetsById;
        final Map<String, Asset> assetsByCode = new HashMap<>();
        final List<Asset> assets;
        final Map<Integer, TradedMarket> byId = new HashMap<>();
        final Map<String, TradedMarket> bySymbol = new HashMap<>();
        final long loadedAt;

        Snapshot(Map<Integer, Asset> assetsById, List<TradedMarket> markets, long loadedAt) {
            this.assetsById = assetsById;
            this.assets = assetsById.values().stream().sorted(Comparator.comparingInt(Asset::id)).toList();
            assetsById.values().forEach(asset -> assetsByCode.put(asset.code(), asset));
            for (TradedMarket market : markets) {
                byId.put(market.id(), market);
                if (market.live()) {
                    bySymbol.put(market.symbol(), market);
                }
            }
            this.loadedAt = loadedAt;
        }
    }
}
