package io.orderbook.adapters.http.balances;

/**
 * The body of {@code POST /balances/adjustments} ({@code BalanceAdjustmentCreate}): whose balance (0 is the fee
 * account), which asset (its code), a signed decimal amount in whole units (positive credits, negative debits)
 * and why, for the audit trail.
 */
record AdjustBalanceRequest(Long userId, String asset, String amount, String reason) {
}
