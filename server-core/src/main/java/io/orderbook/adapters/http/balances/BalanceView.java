package io.orderbook.adapters.http.balances;

/** One asset's balance ({@code Balance}) as decimal strings; {@code total} is available plus locked. */
public record BalanceView(String asset, String available, String locked, String total) {
}
