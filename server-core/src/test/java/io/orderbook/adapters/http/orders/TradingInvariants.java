package io.orderbook.adapters.http.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.engine.EngineSnapshot;
import io.orderbook.domain.engine.Ledger;
import io.orderbook.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks that what the engine holds and what the database holds agree and keep the money rules: no negative
 * balance, locked balances equal to what open orders reserve, and every asset's total equal to what was
 * deposited (trades and fees only move amounts between accounts).
 */
final class TradingInvariants {

    private TradingInvariants() {
    }

    /** The engine's own invariant check, run on the sequencer thread between batches; returns its snapshot. */
    static EngineSnapshot engineValid(Sequencer sequencer) throws Exception {
        return sequencer.read(engine -> {
            engine.validate();
            return engine.snapshot();
        }).get(30, TimeUnit.SECONDS);
    }

    /** Per asset id, the sum of all balances in the database, the fee account included. */
    static Map<Integer, Long> totalsInDatabase(TestDatabase db) throws SQLException {
        Map<Integer, Long> totals = new HashMap<>();
        try (Connection connection = db.connection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "select asset_id, sum(available + locked), min(available), min(locked) from balances group by asset_id")) {
            while (rows.next()) {
                assertThat(rows.getLong(3)).as("lowest available of asset %d", rows.getInt(1)).isNotNegative();
                assertThat(rows.getLong(4)).as("lowest locked of asset %d", rows.getInt(1)).isNotNegative();
                totals.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return totals;
    }

    /** Non-zero balances in the database, as the engine lists them (by user, then asset). */
    static List<Ledger.Balance> balancesInDatabase(TestDatabase db) throws SQLException {
        List<Ledger.Balance> balances = new ArrayList<>();
        try (Connection connection = db.connection();
             ResultSet rows = connection.createStatement().executeQuery("""
                     select user_id, asset_id, available, locked from balances
                     where available <> 0 or locked <> 0 order by user_id, asset_id""")) {
            while (rows.next()) {
                balances.add(new Ledger.Balance(rows.getLong(1), rows.getInt(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return balances;
    }

    /** Per (user, asset), what open orders in the database reserve equals the locked balance stored. */
    static void reservationsMatchLockedBalances(TestDatabase db) throws SQLException {
        try (Connection connection = db.connection();
             ResultSet rows = connection.createStatement().executeQuery("""
                     select b.user_id, b.asset_id, b.locked, coalesce(r.reserved, 0)
                     from balances b
                     full join (select o.user_id,
                                       case when o.side = 'BUY' then m.quote_asset_id else m.base_asset_id end as asset_id,
                                       sum(o.reserved) as reserved
                                from orders o join markets m on m.id = o.market_id
                                where o.status = 'OPEN' group by 1, 2) r
                       on r.user_id = b.user_id and r.asset_id = b.asset_id
                     where coalesce(b.locked, 0) <> coalesce(r.reserved, 0)""")) {
            List<String> mismatches = new ArrayList<>();
            while (rows.next()) {
                mismatches.add("user " + rows.getLong(1) + " asset " + rows.getInt(2) + ": locked " + rows.getLong(3)
                        + ", reserved by open orders " + rows.getLong(4));
            }
            assertThat(mismatches).isEmpty();
        }
    }

    /** Everything above, against the deposits made: {@code deposited} per asset id. */
    static void hold(Sequencer sequencer, TestDatabase db, Map<Integer, Long> deposited) throws Exception {
        EngineSnapshot snapshot = engineValid(sequencer);
        assertThat(balancesInDatabase(db)).as("balances in the database equal the engine's")
                .isEqualTo(snapshot.balances());
        Map<Integer, Long> totals = totalsInDatabase(db);
        deposited.forEach((asset, amount) ->
                assertThat(totals.getOrDefault(asset, 0L)).as("total of asset %d", asset).isEqualTo(amount));
        reservationsMatchLockedBalances(db);
    }
}
