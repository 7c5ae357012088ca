package io.orderbook.adapters.http.balances;

import java.time.Instant;

/**
 * One balance adjustment ({@code BalanceAdjustment}): the signed amount and the available balance right after,
 * as decimal strings, with who made it and why. {@code id} is null in the answer to the request that made it (the
 * audit row's id is assigned by the database) and set in listings.
 */
record AdjustmentView(Long id, long userId, String asset, String amount, String availableAfter, String reason,
                             Long actorUserId, Instant createdAt) {
}
