package io.orderbook.adapters.http.balances;

import java.util.List;

/** The answer to {@code GET /balances} ({@code Balances}): one user's balance of each asset they hold. */
record BalancesView(long userId, List<BalanceView> balances) {
}
