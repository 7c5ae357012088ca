package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.domain.model.Market;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Stores assets and markets, the reference data the trading tables point to. The matching engine reads them
 * back through {@link PostgresTradingJournal#load()}. Each method runs in its own transaction or joins the one
 * running on this thread (see {@link Database#inTransaction}).
 */
public final class MarketRepository {

    private final Database database;
    private final Clock clock;

    public MarketRepository(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new asset.
     *
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
     * Stores a new market, not halted.
     *
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
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into markets (id, symbol, base_asset_id, quote_asset_id, tick_size, lot_size, min_notional,
                                         maker_fee_ppm, taker_fee_ppm, default_stp, public_key, private_key_sealed,
                                         created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                OffsetDateTime now = now();
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
                insert.setObject(13, now);
                insert.setObject(14, now);
                insert.executeUpdate();
            }
        }));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
