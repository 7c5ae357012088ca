package io.orderbook.application.markets;

import io.orderbook.domain.model.SelfTradePrevention;

/**
 * What an administrator changes in a market; null leaves a rule as it is. Units as in {@link NewMarket}. Tick
 * and lot size change only while the market has no orders (open, or filled and still closable).
 *
 * @param tickSize    new price step, decimal text in quote units per whole base unit
 * @param lotSize     new quantity step, decimal text in base units
 * @param minNotional new smallest order value, decimal text in quote units
 * @param makerFee    new fee rate of the resting side, a decimal fraction ({@code "0.001"} is 0.1%)
 * @param takerFee    new fee rate of the taking side, likewise
 * @param defaultStp  new self-trade prevention for orders that choose none
 */
public record MarketChanges(String tickSize, String lotSize, String minNotional, String makerFee, String takerFee,
                            SelfTradePrevention defaultStp) {

    /** {@return whether nothing is to change} */
    public boolean isEmpty() {
        return tickSize == null && lotSize == null && minNotional == null && makerFee == null && takerFee == null
                && defaultStp == null;
    }
}
