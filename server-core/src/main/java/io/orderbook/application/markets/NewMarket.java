package io.orderbook.application.markets;

import io.orderbook.domain.model.SelfTradePrevention;

/**
 * A market to list, as an administrator asks for it: amounts as decimal text in human units, converted exactly
 * with the assets' scales.
 *
 * @param symbol      e.g. {@code BTC-USDT}: the base code, a dash, the quote code
 * @param base        the code of the asset that is bought and sold
 * @param quote       the code of the asset prices are quoted in
 * @param tickSize    price step, in quote units per whole base unit
 * @param lotSize     quantity step, in base units
 * @param minNotional smallest order value, in quote units
 * @param makerFee    fee rate of the resting side, a fraction of the trade's value ({@code "0.001"} is 0.1%)
 * @param takerFee    fee rate of the taking side, likewise
 * @param defaultStp  self-trade prevention for orders that choose none; null for {@code NONE}
 */
public record NewMarket(String symbol, String base, String quote, String tickSize, String lotSize, String minNotional,
                        String makerFee, String takerFee, SelfTradePrevention defaultStp) {
}
