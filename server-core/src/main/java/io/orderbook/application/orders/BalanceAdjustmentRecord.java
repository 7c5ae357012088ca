package io.orderbook.application.orders;

import java.time.Instant;

/**
 * One durable credit or debit made from outside trading, with its audit context.
 *
 * @param amount         minor units: positive credits, negative debits
 * @param availableAfter the available balance right after, minor units
 * @param actorUserId    the administrator who made it, or null when the system did
 */
public record BalanceAdjustmentRecord(long id, long userId, int assetId, long amount, long availableAfter,
                                      String reason, Long actorUserId, Instant createdAt) {
}
