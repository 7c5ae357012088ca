package io.orderbook.application.markets;

import io.orderbook.domain.model.SelfTradePrevention;

/**
 * What an administrator changes in a market; null leaves a rule as it is. Units as in {@link NewMarket}. Tick
 * and lot size change only while the market has no orders (open, or filled and still closable).
 */
public record MarketChanges(String tickSize, String lotSize, String minNotional, String makerFee, String takerFee,
                            SelfTradePrevention defaultStp) {

    public boolean isEmpty() {
        return tickSize == null && lotSize == null && minNotional == null && makerFee == null && takerFee == null
                && defaultStp == null;
    }
}
