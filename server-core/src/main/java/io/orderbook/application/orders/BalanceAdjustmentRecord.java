package io.orderbook.application.orders;

import java.time.Instant;

/**
 * One durable credit or debit made from outside trading, with its audit context.
 *
 * @param id             the adjustment's id
 * @param userId         whose balance it changed
 * @param assetId        which asset's balance it changed
 * @param amount         minor units: positive credits, negative debits
 * @param availableAfter the available balance right after, minor units
 * @param reason         why it was made, as given by whoever made it
 * @param actorUserId    the administrator who made it, or null when the system did
 * @param createdAt      when it was made
 */
public record BalanceAdjustmentRecord(long id, long userId, int assetId, long amount, long availableAfter,
                                      String reason, Long actorUserId, Instant createdAt) {
}
