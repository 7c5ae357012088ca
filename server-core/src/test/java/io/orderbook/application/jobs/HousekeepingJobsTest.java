package io.orderbook.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.persistence.jobs.PostgresHousekeeping;
import io.orderbook.adapters.persistence.marketdata.PostgresMarketData;
import io.orderbook.application.marketdata.Candle;
import io.orderbook.application.marketdata.CandleInterval;
import io.orderbook.application.marketdata.MarketStats;
import io.orderbook.application.prices.LatestPrices;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestClock;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The jobs' work against the real PostgreSQL: candles and statistics, expired keys, idempotency keys, the watcher. */
class HousekeepingJobsTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    static final int BTC_USDT = TradingTestServer.BTC_USDT.id();
    static final int ETH_USDT = TradingTestServer.ETH_USDT.id();

    @BeforeAll
    static void markets() throws SQLException {
        TradingTestServer.installMarkets(db.database());
        try (Connection c = db.connection()) {
            // Two ended orders for the trades to refer to.
            for (long id : new long[] {1, 2}) {
                c.createStatement().execute("insert into orders (id, user_id, market_id, side, type, time_in_force,"
                        + " price, quantity, quote_amount, stp, status, filled_quantity, open_quantity, reserved,"
                        + " created_at, updated_at) values (" + id + ", " + id + ", 1, 'SELL', 'LIMIT', 'GTC', 1, 1, 0,"
                        + " 'NONE', 'FILLED', 1, 0, 0, now(), now())");
            }
            c.createStatement().execute("insert into users (id, username, password_hash, role, enabled, created_at,"
                    + " updated_at) values (901, 'key-owner', 'x', 'TRADER', true, now(), now())");
        }
    }

    private static void trade(long id, int market, long price, long quantity, String at) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement insert = c.prepareStatement("insert into trades (id,"
                + " market_id, price, quantity, quote_quantity, maker_order_id, maker_user_id, taker_order_id,"
                + " taker_user_id, taker_side, maker_fee, taker_fee, executed_at) values (?, ?, ?, ?, ?, 1, 1, 2, 2,"
                + " 'BUY', 0, 0, ?)")) {
            insert.setLong(1, id);
            insert.setInt(2, market);
            insert.setLong(3, price);
            insert.setLong(4, quantity);
            insert.setLong(5, price * quantity);
            insert.setTimestamp(6, Timestamp.from(Instant.parse(at)));
            insert.executeUpdate();
        }
    }

    @Test
    void candlesAndStatisticsFollowTheTradesIncludingOneThatArrivesLate() throws SQLException {
        PostgresMarketData store = new PostgresMarketData(db.database());
        trade(10, BTC_USDT, 100, 2, "2030-01-02T10:00:05Z");
        trade(11, BTC_USDT, 110, 1, "2030-01-02T10:00:30Z");
        trade(12, BTC_USDT, 90, 3, "2030-01-02T10:01:10Z");
        // ETH-USDT traded once, two days before: no trade in the window, but a last price.
        trade(13, ETH_USDT, 500, 1, "2029-12-31T09:00:00Z");
        Instant now = Instant.parse("2030-01-02T10:02:30Z");
        assertThat(store.update(now)).isEqualTo(4);
        assertThat(store.update(now)).as("nothing new").isZero();

        Instant from = Instant.parse("2030-01-02T00:00:00Z");
        Instant to = Instant.parse("2030-01-03T00:00:00Z");
        assertThat(ohlcv(store.candles(BTC_USDT, CandleInterval.ONE_MINUTE, from, to, 100))).containsExactly(
                "2030-01-02T10:00:00Z 100 110 100 110 3 2", "2030-01-02T10:01:00Z 90 90 90 90 3 1");
        assertThat(ohlcv(store.candles(BTC_USDT, CandleInterval.FIVE_MINUTES, from, to, 100)))
                .containsExactly("2030-01-02T10:00:00Z 100 110 90 90 6 3");

        // A trade stored after the run but executed earlier than everything in its bucket: it becomes the open.
        trade(14, BTC_USDT, 95, 1, "2030-01-02T10:00:01Z");
        assertThat(store.update(now)).isEqualTo(1);
        assertThat(ohlcv(store.candles(BTC_USDT, CandleInterval.ONE_MINUTE, from, to, 100))).containsExactly(
                "2030-01-02T10:00:00Z 95 110 95 110 4 3", "2030-01-02T10:01:00Z 90 90 90 90 3 1");
        assertThat(ohlcv(store.candles(BTC_USDT, CandleInterval.FIVE_MINUTES, from, to, 100)))
                .containsExactly("2030-01-02T10:00:00Z 95 110 90 90 7 4");
        assertThat(ohlcv(store.candles(BTC_USDT, CandleInterval.ONE_HOUR, from, to, 100)))
                .containsExactly("2030-01-02T10:00:00Z 95 110 90 90 7 4");
        assertThat(ohlcv(store.candles(BTC_USDT, CandleInterval.ONE_DAY, from, to, 100)))
                .containsExactly("2030-01-02T00:00:00Z 95 110 90 90 7 4");
        assertThat(ohlcv(store.candles(BTC_USDT, CandleInterval.ONE_MINUTE, from, to, 1)))
                .as("the newest when limited").containsExactly("2030-01-02T10:01:00Z 90 90 90 90 3 1");

        MarketStats btc = store.stats(BTC_USDT).orElseThrow();
        assertThat(btc.open()).isEqualTo(OptionalLong.of(95));
        assertThat(btc.high()).isEqualTo(OptionalLong.of(110));
        assertThat(btc.low()).isEqualTo(OptionalLong.of(90));
        assertThat(btc.last()).isEqualTo(OptionalLong.of(90));
        assertThat(btc.change()).isEqualTo(OptionalLong.of(-5));
        assertThat(btc.volume()).isEqualTo(7);
        assertThat(btc.quoteVolume()).isEqualTo(95 + 2 * 100 + 110 + 3 * 90);
        assertThat(btc.trades()).isEqualTo(4);
        assertThat(btc.windowStart()).isEqualTo(Instant.parse("2030-01-01T10:02:00Z"));
        MarketStats eth = store.stats(ETH_USDT).orElseThrow();
        assertThat(eth.open()).isEmpty();
        assertThat(eth.last()).isEqualTo(OptionalLong.of(500));
        assertThat(eth.volume()).isZero();

        // A day later the window has moved past every BTC trade.
        store.update(now.plus(Duration.ofDays(1)));
        MarketStats later = store.stats(BTC_USDT).orElseThrow();
        assertThat(later.open()).isEmpty();
        assertThat(later.last()).isEqualTo(OptionalLong.of(90));
        assertThat(later.trades()).isZero();
        assertThat(store.allStats()).extracting(MarketStats::marketId).contains(BTC_USDT, ETH_USDT);
    }

    private static List<String> ohlcv(List<Candle> candles) {
        List<String> lines = new ArrayList<>();
        for (Candle c : candles) {
            lines.add(c.openTime() + " " + c.open() + " " + c.high() + " " + c.low() + " " + c.close() + " " + c.volume()
                    + " " + c.trades());
        }
        return lines;
    }

    @Test
    void expiredApiKeysAreMarkedOnceAndTheirOwnersTold() throws SQLException {
        TestClock clock = new TestClock(Instant.parse("2030-01-02T03:04:05Z"));
        long expiring = key("expiring", "2030-01-02T03:04:06Z", null);
        key("later", "2030-01-09T00:00:00Z", null);
        key("revoked", "2030-01-02T03:04:06Z", "2030-01-02T00:00:00Z");
        Map<Long, List<Map<String, Object>>> told = new LinkedHashMap<>();
        ApiKeyExpiryJob job = new ApiKeyExpiryJob(new PostgresHousekeeping(db.database()),
                (user, message) -> told.computeIfAbsent(user, u -> new ArrayList<>()).add(message), clock);

        assertThat(job.run(clock.instant())).isEqualTo("marked 0 keys expired");
        clock.advance(Duration.ofSeconds(1));
        assertThat(job.run(clock.instant())).isEqualTo("marked 1 key expired");
        assertThat(job.run(clock.instant())).as("told once").isEqualTo("marked 0 keys expired");
        assertThat(told).containsOnlyKeys(901L);
        assertThat(told.get(901L)).singleElement().satisfies(message -> {
            assertThat(message.get("type")).isEqualTo("apiKeyExpired");
            assertThat(message.get("apiKey").toString()).contains("id=" + expiring, "name=expiring",
                    "expiresAt=2030-01-02T03:04:06Z").doesNotContain("hash");
        });
        try (Connection c = db.connection(); ResultSet rows = c.createStatement().executeQuery(
                "select expiry_announced_for from api_keys where id = " + expiring)) {
            rows.next();
            assertThat(rows.getTimestamp(1).toInstant()).isEqualTo(Instant.parse("2030-01-02T03:04:06Z"));
        }
        // Extended, then expired again: announced again.
        try (Connection c = db.connection()) {
            c.createStatement().execute("update api_keys set expires_at = '2030-01-03T00:00:00Z' where id = " + expiring);
        }
        clock.set(Instant.parse("2030-01-03T00:00:00Z"));
        assertThat(job.run(clock.instant())).isEqualTo("marked 1 key expired");
    }

    private static long key(String name, String expiresAt, String revokedAt) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement insert = c.prepareStatement("insert into api_keys"
                + " (user_id, name, prefix, secret_hash, scope, rate_limit_per_minute, expires_at, revoked_at,"
                + " created_at, updated_at) values (901, ?, ?, 'hash', 'READ_ONLY', 60, ?, ?, now(), now()) returning id")) {
            insert.setString(1, name);
            insert.setString(2, "p" + name);
            insert.setTimestamp(3, Timestamp.from(Instant.parse(expiresAt)));
            insert.setTimestamp(4, revokedAt == null ? null : Timestamp.from(Instant.parse(revokedAt)));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void idempotencyKeysOlderThanTheRetentionArePurged() throws SQLException {
        try (Connection c = db.connection()) {
            c.createStatement().execute("insert into idempotency_keys (user_id, idempotency_key, fingerprint, result,"
                    + " created_at) values (5, 'old', 'f', '{}', '2030-01-01T00:00:00Z'),"
                    + " (5, 'new', 'f', '{}', '2030-01-02T00:00:00Z')");
        }
        PostgresHousekeeping housekeeping = new PostgresHousekeeping(db.database());
        assertThat(housekeeping.deleteCreatedBefore(Instant.parse("2030-01-01T12:00:00Z"))).isEqualTo(1);
        try (Connection c = db.connection(); ResultSet rows = c.createStatement().executeQuery(
                "select idempotency_key from idempotency_keys where user_id = 5")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("new");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void thePriceWatcherReFeedsEveryLatestPrice() {
        PriceTick btc = new PriceTick("e1", "BTC", new BigDecimal("50000.5"), Instant.parse("2030-01-02T00:00:00Z"), "sim");
        PriceTick eth = new PriceTick("e2", "ETH", new BigDecimal("3000"), Instant.parse("2030-01-02T00:00:01Z"), "sim");
        LatestPrices latest = new LatestPrices() {
            @Override
            public Optional<PriceTick> latest(String token) {
                return Optional.ofNullable(all().get(token));
            }

            @Override
            public Map<String, PriceTick> all() {
                return Map.of("BTC", btc, "ETH", eth);
            }
        };
        List<List<PriceTick>> fed = new ArrayList<>();
        assertThat(new PriceWatcherJob(latest, fed::add).run(Instant.now())).isEqualTo("re-checked 2 prices");
        assertThat(fed).singleElement().satisfies(ticks -> assertThat(ticks).containsExactlyInAnyOrder(btc, eth));
    }
}
