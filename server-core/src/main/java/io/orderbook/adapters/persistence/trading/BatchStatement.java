package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.EngineEvent.MarketHaltChanged;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.Ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one batch (but its market listings, changes and delistings) written by ONE SQL statement: a data-
 * modifying CTE per table, each fed by arrays (one per column, {@code unnest}ed into rows), and only for the
 * tables the batch has rows for. One statement is one round trip to PostgreSQL, where a JDBC batch per table took
 * one each; the group commit's latency was mostly those round trips.
 *
 * <p>All parts of the statement succeed or fail together, and the constraints and triggers of every table apply
 * as for separate statements (foreign keys are checked at the end of the statement, when the batch's new orders
 * exist for its trades). Times are epoch milliseconds, turned into {@code timestamptz} by the statement.
 */
final class BatchStatement {
    private static final String MILLIS = "timestamptz 'epoch' + %s * interval '1 millisecond'";

    private final StringBuilder ctes = new StringBuilder();
    private final List<Object[]> arrays = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private int storedOrders;

    private BatchStatement() {
    }

    /** The statement for everything in {@code rows} but market changes; signatures in the order of the trades. */
    static BatchStatement of(BatchRows rows, List<byte[]> signatures) {
        BatchStatement statement = new BatchStatement();
        statement.orders(rows);
        statement.trades(rows.trades, signatures);
        statement.balances(rows.currentBalances(), rows.lastTimestamp);
        statement.adjustments(rows.adjustments);
        statement.answers(rows.answers);
        statement.firings(rows.firings);
        statement.halts(rows.halts.values());
        return statement;
    }

    /** Whether the batch has any row for this statement. */
    boolean isEmpty() {
        return arrays.isEmpty();
    }

    /**
     * Runs the statement on {@code connection} (in its transaction, or as one with auto-commit).
     *
     * @throws IllegalStateException if an order the batch changed is not stored
     */
    void execute(Connection connection) throws SQLException {
        if (isEmpty()) {
            return;
        }
        String sql = "with " + ctes + "\nselect " + (storedOrders > 0 ? "(select count(*) from updated_orders)" : "0");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arrays.size(); i++) {
                statement.setArray(i + 1, connection.createArrayOf(types.get(i), arrays.get(i)));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                long updated = result.getLong(1);
                if (updated != storedOrders) {
                    throw new IllegalStateException(
                            "expected to update " + storedOrders + " stored orders but found " + updated);
                }
            }
        }
    }

    private void orders(BatchRows rows) {
        List<BatchRows.OrderRow> inserted = new ArrayList<>();
        List<BatchRows.OrderRow> stored = new ArrayList<>();
        for (BatchRows.OrderRow row : rows.orders.values()) {
            (row.isNew() ? inserted : stored).add(row);
        }
        if (!inserted.isEmpty()) {
            insertOrders(inserted);
        }
        if (!stored.isEmpty()) {
            updateOrders(stored);
        }
    }

    private void insertOrders(List<BatchRows.OrderRow> rows) {
        int n = rows.size();
        Long[] id = new Long[n];
        Long[] userId = new Long[n];
        Integer[] marketId = new Integer[n];
        String[] clientOrderId = new String[n];
        String[] side = new String[n];
        String[] type = new String[n];
        String[] timeInForce = new String[n];
        Long[] price = new Long[n];
        Long[] quantity = new Long[n];
        Long[] quoteAmount = new Long[n];
        Long[] expireAt = new Long[n];
        String[] stp = new String[n];
        String[] status = new String[n];
        String[] endReason = new String[n];
        Long[] filled = new Long[n];
        Long[] open = new Long[n];
        Long[] reserved = new Long[n];
        Long[] priority = new Long[n];
        Boolean[] closed = new Boolean[n];
        Long[] closingOrderId = new Long[n];
        Long[] createdAt = new Long[n];
        Long[] updatedAt = new Long[n];
        for (int i = 0; i < n; i++) {
            BatchRows.OrderRow row = rows.get(i);
            var accepted = row.accepted;
            id[i] = row.id;
            userId[i] = accepted.userId();
            marketId[i] = accepted.marketId();
            clientOrderId[i] = row.clientOrderId;
            side[i] = accepted.side().name();
            type[i] = accepted.type().name();
            timeInForce[i] = accepted.timeInForce().name();
            price[i] = row.priceOrAccepted();
            quantity[i] = row.quantityOrAccepted();
            quoteAmount[i] = accepted.quoteAmount();
            expireAt[i] = row.expireAt();
            stp[i] = accepted.stp().name();
            status[i] = row.status;
            endReason[i] = row.endReason;
            filled[i] = row.filledQuantity;
            open[i] = row.openQuantity;
            reserved[i] = row.reserved;
            priority[i] = row.priority;
            closed[i] = row.closed;
            closingOrderId[i] = row.closingOrderId;
            createdAt[i] = accepted.timestamp();
            updatedAt[i] = row.updatedAt;
        }
        cte("new_orders", """
                insert into orders (id, user_id, market_id, client_order_id, side, type, time_in_force, price, quantity,
                                    quote_amount, expire_at, stp, status, end_reason, filled_quantity, open_quantity,
                                    reserved, priority, closed, closing_order_id, created_at, updated_at)
                select id, user_id, market_id, client_order_id, side, type, time_in_force, price, quantity,
                       quote_amount, expire_at, stp, status, end_reason, filled_quantity, open_quantity, reserved,
                       priority, closed, closing_order_id, %s, %s
                from unnest(?::int8[], ?::int8[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[],
                            ?::int8[], ?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[],
                            ?::int8[], ?::int8[], ?::bool[], ?::int8[], ?::int8[], ?::int8[])
                     as v(id, user_id, market_id, client_order_id, side, type, time_in_force, price, quantity,
                          quote_amount, expire_at, stp, status, end_reason, filled_quantity, open_quantity, reserved,
                          priority, closed, closing_order_id, created_at, updated_at)"""
                .formatted(MILLIS.formatted("v.created_at"), MILLIS.formatted("v.updated_at")));
        bind("int8", id, "int8", userId, "int4", marketId, "text", clientOrderId, "text", side, "text", type,
                "text", timeInForce, "int8", price, "int8", quantity, "int8", quoteAmount, "int8", expireAt,
                "text", stp, "text", status, "text", endReason, "int8", filled, "int8", open, "int8", reserved,
                "int8", priority, "bool", closed, "int8", closingOrderId, "int8", createdAt, "int8", updatedAt);
    }

    /** A null element keeps the stored value: the batch did not change that part of the order. */
    private void updateOrders(List<BatchRows.OrderRow> rows) {
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
        storedOrders = n;
        cte("updated_orders", """
                update orders o
                set status = coalesce(v.status, o.status), end_reason = coalesce(v.end_reason, o.end_reason),
                    price = coalesce(v.price, o.price), quantity = coalesce(v.quantity, o.quantity),
                    filled_quantity = coalesce(v.filled_quantity, o.filled_quantity), open_quantity = v.open_quantity,
                    reserved = v.reserved, priority = case when v.keep_priority then o.priority else v.priority end,
                    closed = o.closed or v.closed, closing_order_id = coalesce(v.closing_order_id, o.closing_order_id),
                    updated_at = %s
                from unnest(?::int8[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::int8[], ?::int8[],
                            ?::int8[], ?::bool[], ?::int8[], ?::bool[], ?::int8[], ?::int8[])
                     as v(id, status, end_reason, price, quantity, filled_quantity, open_quantity, reserved,
                          keep_priority, priority, closed, closing_order_id, updated_at)
                where o.id = v.id
                returning o.id""".formatted(MILLIS.formatted("v.updated_at")));
        bind("int8", id, "text", status, "text", endReason, "int8", price, "int8", quantity, "int8", filled,
                "int8", open, "int8", reserved, "bool", keepPriority, "int8", priority, "bool", closed,
                "int8", closingOrderId, "int8", updatedAt);
    }

    private void trades(List<TradeExecuted> trades, List<byte[]> signatures) {
        if (trades.isEmpty()) {
            return;
        }
        int n = trades.size();
        Long[] id = new Long[n];
        Integer[] marketId = new Integer[n];
        Long[] price = new Long[n];
        Long[] quantity = new Long[n];
        Long[] quoteQuantity = new Long[n];
        Long[] makerOrderId = new Long[n];
        Long[] makerUserId = new Long[n];
        Long[] takerOrderId = new Long[n];
        Long[] takerUserId = new Long[n];
        String[] takerSide = new String[n];
        Long[] makerFee = new Long[n];
        Long[] takerFee = new Long[n];
        byte[][] signature = new byte[n][];
        Long[] executedAt = new Long[n];
        for (int i = 0; i < n; i++) {
            TradeExecuted trade = trades.get(i);
            id[i] = trade.tradeId();
            marketId[i] = trade.marketId();
            price[i] = trade.price();
            quantity[i] = trade.quantity();
            quoteQuantity[i] = trade.quoteQuantity();
            makerOrderId[i] = trade.makerOrderId();
            makerUserId[i] = trade.makerUserId();
            takerOrderId[i] = trade.takerOrderId();
            takerUserId[i] = trade.takerUserId();
            takerSide[i] = trade.takerSide().name();
            makerFee[i] = trade.makerFee();
            takerFee[i] = trade.takerFee();
            signature[i] = signatures.get(i);
            executedAt[i] = trade.timestamp();
        }
        cte("new_trades", """
                insert into trades (id, market_id, price, quantity, quote_quantity, maker_order_id, maker_user_id,
                                    taker_order_id, taker_user_id, taker_side, maker_fee, taker_fee, signature,
                                    executed_at)
                select id, market_id, price, quantity, quote_quantity, maker_order_id, maker_user_id, taker_order_id,
                       taker_user_id, taker_side, maker_fee, taker_fee, signature, %s
                from unnest(?::int8[], ?::int4[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[],
                            ?::int8[], ?::text[], ?::int8[], ?::int8[], ?::bytea[], ?::int8[])
                     as v(id, market_id, price, quantity, quote_quantity, maker_order_id, maker_user_id,
                          taker_order_id, taker_user_id, taker_side, maker_fee, taker_fee, signature, executed_at)"""
                .formatted(MILLIS.formatted("v.executed_at")));
        bind("int8", id, "int4", marketId, "int8", price, "int8", quantity, "int8", quoteQuantity,
                "int8", makerOrderId, "int8", makerUserId, "int8", takerOrderId, "int8", takerUserId,
                "text", takerSide, "int8", makerFee, "int8", takerFee, "bytea", signature, "int8", executedAt);
    }

    /**
     * Balances are unique per (user, asset) in a batch. Rows that exist are updated and the others inserted; an
     * {@code insert ... on conflict do update} would lock each existing row before updating it, one more write-ahead
     * log record per balance. The sequencer is the only writer of balances, so no other insert can come between.
     */
    private void balances(List<Ledger.Balance> balances, long timestamp) {
        if (balances.isEmpty()) {
            return;
        }
        int n = balances.size();
        Long[] userId = new Long[n];
        Integer[] asset = new Integer[n];
        Long[] available = new Long[n];
        Long[] locked = new Long[n];
        Long[] updatedAt = new Long[n];
        for (int i = 0; i < n; i++) {
            Ledger.Balance balance = balances.get(i);
            userId[i] = balance.userId();
            asset[i] = balance.asset();
            available[i] = balance.available();
            locked[i] = balance.locked();
            updatedAt[i] = timestamp;
        }
        cte("balance_rows", """
                select * from unnest(?::int8[], ?::int4[], ?::int8[], ?::int8[], ?::int8[])
                     as v(user_id, asset_id, available, locked, updated_at)""");
        bind("int8", userId, "int4", asset, "int8", available, "int8", locked, "int8", updatedAt);
        cte("updated_balances", """
                update balances b
                set available = v.available, locked = v.locked, updated_at = %s
                from balance_rows v
                where b.user_id = v.user_id and b.asset_id = v.asset_id
                returning b.user_id, b.asset_id""".formatted(MILLIS.formatted("v.updated_at")));
        cte("new_balances", """
                insert into balances (user_id, asset_id, available, locked, updated_at)
                select v.user_id, v.asset_id, v.available, v.locked, %s
                from balance_rows v
                where not exists (select 1 from updated_balances u
                                  where u.user_id = v.user_id and u.asset_id = v.asset_id)"""
                .formatted(MILLIS.formatted("v.updated_at")));
    }

    private void adjustments(List<BatchRows.Adjustment> adjustments) {
        if (adjustments.isEmpty()) {
            return;
        }
        int n = adjustments.size();
        Long[] userId = new Long[n];
        Integer[] asset = new Integer[n];
        Long[] amount = new Long[n];
        Long[] availableAfter = new Long[n];
        String[] reason = new String[n];
        Long[] actor = new Long[n];
        Long[] createdAt = new Long[n];
        for (int i = 0; i < n; i++) {
            var event = adjustments.get(i).event();
            userId[i] = event.userId();
            asset[i] = event.asset();
            amount[i] = event.amount();
            availableAfter[i] = event.available();
            reason[i] = adjustments.get(i).reason();
            actor[i] = adjustments.get(i).actorUserId();
            createdAt[i] = event.timestamp();
        }
        // "with ordinality ... order by": the ids (bigserial) follow the order the adjustments were made in.
        cte("new_adjustments", """
                insert into balance_adjustments (user_id, asset_id, amount, available_after, reason, actor_user_id,
                                                 created_at)
                select user_id, asset_id, amount, available_after, reason, actor_user_id, %s
                from unnest(?::int8[], ?::int4[], ?::int8[], ?::int8[], ?::text[], ?::int8[], ?::int8[])
                     with ordinality
                     as v(user_id, asset_id, amount, available_after, reason, actor_user_id, created_at, n)
                order by v.n""".formatted(MILLIS.formatted("v.created_at")));
        bind("int8", userId, "int4", asset, "int8", amount, "int8", availableAfter, "text", reason, "int8", actor,
                "int8", createdAt);
    }

    private void answers(List<CommandResult> answers) {
        if (answers.isEmpty()) {
            return;
        }
        int n = answers.size();
        Long[] userId = new Long[n];
        String[] key = new String[n];
        String[] fingerprint = new String[n];
        String[] result = new String[n];
        Long[] createdAt = new Long[n];
        for (int i = 0; i < n; i++) {
            CommandResult answer = answers.get(i);
            var idempotency = answer.context().idempotency();
            userId[i] = idempotency.key().userId();
            key[i] = idempotency.key().key();
            fingerprint[i] = idempotency.fingerprint();
            result[i] = CommandResultJson.write(answer);
            createdAt[i] = answer.command().timestamp();
        }
        cte("new_answers", """
                insert into idempotency_keys (user_id, idempotency_key, fingerprint, result, created_at)
                select user_id, idempotency_key, fingerprint, result::jsonb, %s
                from unnest(?::int8[], ?::text[], ?::text[], ?::text[], ?::int8[])
                     as v(user_id, idempotency_key, fingerprint, result, created_at)"""
                .formatted(MILLIS.formatted("v.created_at")));
        bind("int8", userId, "text", key, "text", fingerprint, "text", result, "int8", createdAt);
    }

    /**
     * Conditional orders end with the order their firing placed, in its commit. Only a TRIGGERED order changes:
     * one already finished (another attempt at the same firing) stays as it is.
     */
    private void firings(List<BatchRows.Firing> firings) {
        if (firings.isEmpty()) {
            return;
        }
        int n = firings.size();
        Long[] id = new Long[n];
        Long[] placed = new Long[n];
        String[] reason = new String[n];
        Long[] updatedAt = new Long[n];
        for (int i = 0; i < n; i++) {
            BatchRows.Firing firing = firings.get(i);
            id[i] = firing.conditionalOrderId();
            placed[i] = firing.placedOrderId();
            reason[i] = firing.reason();
            updatedAt[i] = firing.timestamp();
        }
        cte("fired_conditional_orders", """
                update conditional_orders o
                set status = case when v.placed is not null then 'FIRED' else 'FAILED' end,
                    placed_order_id = v.placed, reason = v.reason, updated_at = %s
                from unnest(?::int8[], ?::int8[], ?::text[], ?::int8[]) as v(id, placed, reason, updated_at)
                where o.id = v.id and o.status = 'TRIGGERED'""".formatted(MILLIS.formatted("v.updated_at")));
        bind("int8", id, "int8", placed, "text", reason, "int8", updatedAt);
    }

    private void halts(java.util.Collection<MarketHaltChanged> halts) {
        if (halts.isEmpty()) {
            return;
        }
        int n = halts.size();
        Integer[] marketId = new Integer[n];
        Boolean[] halted = new Boolean[n];
        Long[] updatedAt = new Long[n];
        int i = 0;
        for (MarketHaltChanged halt : halts) {
            marketId[i] = halt.marketId();
            halted[i] = halt.halted();
            updatedAt[i++] = halt.timestamp();
        }
        cte("halts", """
                update markets m set halted = v.halted, updated_at = %s, version = m.version + 1
                from unnest(?::int4[], ?::bool[], ?::int8[]) as v(id, halted, updated_at)
                where m.id = v.id""".formatted(MILLIS.formatted("v.updated_at")));
        bind("int4", marketId, "bool", halted, "int8", updatedAt);
    }

    private void cte(String name, String body) {
        if (!ctes.isEmpty()) {
            ctes.append(",\n");
        }
        ctes.append(name).append(" as (").append(body).append(')');
    }

    /** Pairs of (PostgreSQL element type, array), in the order of the CTE's parameters. */
    private void bind(Object... typesAndArrays) {
        for (int i = 0; i < typesAndArrays.length; i += 2) {
            types.add((String) typesAndArrays[i]);
            arrays.add((Object[]) typesAndArrays[i + 1]);
        }
    }
}
