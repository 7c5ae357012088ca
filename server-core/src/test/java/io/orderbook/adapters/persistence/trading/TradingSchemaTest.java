package io.orderbook.adapters.persistence.trading;

import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database itself refuses what the engine must never produce: the last line of defence. */
class TradingSchemaTest {
    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static TestDatabase test;

    @BeforeAll
    static void openDatabase() {
        test = TestEngines.newDatabase();
        TradingFixtures.install(test.database(), TradingStreams.markets(1));
    }

    @AfterAll
    static void dropDatabase() {
        test.close();
    }

    @Test
    void aNegativeBalanceIsRefused() throws SQLException {
        execute("insert into balances values (1, 3, 100, 0, now())");
        assertRefused("update balances set available = available - 101 where user_id = 1 and asset_id = 3",
                CHECK_VIOLATION, "balances_available_check");
        assertRefused("insert into balances values (2, 3, 0, -1, now())", CHECK_VIOLATION, "balances_locked_check");
        assertRefused("insert into balances values (3, 32768, 1, 0, now())", CHECK_VIOLATION, "balances_asset_check");
    }

    @Test
    void aClientOrderIdIsUniquePerUser() throws SQLException {
        execute(order(1001, 1, "'same'"));
        execute(order(1002, 2, "'same'"));
        execute(order(1003, 1, "null"));
        execute(order(1004, 1, "null"));
        assertRefused(order(1005, 1, "'same'"), UNIQUE_VIOLATION, "orders_client_order_id_key");
    }

    @Test
    void anOpenOrderRestsAndAnEndedOneHoldsNothing() {
        assertRefused(order(2001, 1, "null").replace("'FILLED', null, 10000, 0, 0, null",
                "'OPEN', null, 0, 10000, 100, null"), CHECK_VIOLATION, "orders_open_check");
        assertRefused(order(2002, 1, "null").replace("'FILLED', null, 10000, 0, 0, null",
                "'FILLED', null, 10000, 0, 5, null"), CHECK_VIOLATION, "orders_open_check");
        assertRefused(order(2003, 1, "null").replace("'FILLED', null", "'CANCELLED', null"), CHECK_VIOLATION,
                "orders_end_reason_check");
    }

    @Test
    void aTradeNeedsItsOrdersAndPositiveFigures() throws SQLException {
        execute(order(3001, 1, "null"));
        execute(order(3002, 2, "null"));
        assertRefused(trade(1, 3001, 9999, "10000"), FOREIGN_KEY_VIOLATION, "trades_taker_order_id_fkey");
        assertRefused(trade(2, 3001, 3002, "0"), CHECK_VIOLATION, "trades_amounts_check");
        execute(trade(3, 3001, 3002, "10000"));
    }

    @Test
    void marketRulesStayWithinTheEnginesBounds() {
        assertRefused("update markets set taker_fee_ppm = 100001 where id = 1", CHECK_VIOLATION,
                "markets_taker_fee_check");
        assertRefused("update markets set tick_size = 0 where id = 1", CHECK_VIOLATION, "markets_tick_size_check");
    }

    /** A filled BTC-USDT limit buy of one lot at 50,000 USDT. */
    private static String order(long id, long user, String clientOrderId) {
        return "insert into orders (id, user_id, market_id, client_order_id, side, type, time_in_force, price,"
                + " quantity, quote_amount, expire_at, stp, status, end_reason, filled_quantity, open_quantity,"
                + " reserved, priority, closed, closing_order_id, created_at, updated_at) values (" + id + ", " + user
                + ", 1, " + clientOrderId + ", 'BUY', 'LIMIT', 'GTC', 50000000000, 10000, 0, null, 'NONE',"
                + " 'FILLED', null, 10000, 0, 0, null, false, null, now(), now())";
    }

    private static String trade(long id, long maker, long taker, String quantity) {
        return "insert into trades (id, market_id, price, quantity, quote_quantity, maker_order_id, maker_user_id,"
                + " taker_order_id, taker_user_id, taker_side, maker_fee, taker_fee, executed_at) values (" + id
                + ", 1, 50000000000, " + quantity + ", 5000000, " + maker + ", 1, " + taker + ", 2, 'SELL', 0, 0, now())";
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = test.connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void assertRefused(String sql, String sqlState, String constraint) {
        assertThatThrownBy(() -> execute(sql)).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(sqlState);
            if (constraint != null) {
                assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
            }
        });
    }
}
