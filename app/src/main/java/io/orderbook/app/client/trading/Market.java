package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/**
 * A listed market as the API shows it ({@code Market}): amounts in whole units, fees as fractions (0.001 = 0.1 %).
 *
 * @param symbol      e.g. {@code BTC-USDT}
 * @param base        the asset traded, e.g. {@code BTC}
 * @param quote       the asset prices are in, e.g. {@code USDT}
 * @param baseScale   how many decimals a base quantity may have
 * @param quoteScale  how many decimals a quote amount may have
 * @param tickSize    the step between valid prices
 * @param lotSize     the step between valid quantities
 * @param minNotional the smallest price times quantity an order may have
 * @param makerFee    the fee of an order that rested in the book
 * @param takerFee    the fee of an order that traded on arrival
 * @param halted      whether trading is stopped (orders are refused)
 */
public record Market(String symbol, String base, String quote, int baseScale, int quoteScale, BigDecimal tickSize,
                     BigDecimal lotSize, BigDecimal minNotional, BigDecimal makerFee, BigDecimal takerFee,
                     boolean halted) {
}
