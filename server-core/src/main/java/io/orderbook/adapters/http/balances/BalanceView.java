package io.orderbook.adapters.http.balances;

/**
 * One asset's balance ({@code Balance}) as decimal strings; {@code total} is available plus locked.
 *
 * @param asset     the asset's code
 * @param available what may be spent or withdrawn now
 * @param locked    what open orders hold
 * @param total     available plus locked
 */
public record BalanceView(String asset, String available, String locked, String total) {
}
