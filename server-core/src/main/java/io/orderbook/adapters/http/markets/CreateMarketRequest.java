package io.orderbook.adapters.http.markets;

import io.orderbook.application.markets.NewMarket;
import io.orderbook.domain.model.SelfTradePrevention;

/** The body of {@code POST /markets} ({@code MarketCreate}): amounts as decimal strings in human units. */
record CreateMarketRequest(String symbol, String base, String quote, String tickSize, String lotSize,
                                  String minNotional, String makerFee, String takerFee,
                                  SelfTradePrevention defaultStp) {

    NewMarket toNewMarket() {
        return new NewMarket(symbol, base, quote, tickSize, lotSize, minNotional, makerFee, takerFee, defaultStp);
    }
}
