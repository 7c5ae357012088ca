package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/**
 * A listed market as the API shows it ({@code Market}): amounts in whole units, fees as fractions (0.001 = 0.1 %).
 *
 * @param symbol e.g. {@code BTC-USDT}
 */
public record Market(String symbol, String base, String quote, int baseScale, int quoteScale, BigDecimal tickSize,
                     BigDecimal lotSize, BigDecimal minNotional, BigDecimal makerFee, BigDecimal takerFee,
                     boolean halted) {
}
