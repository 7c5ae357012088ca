package io.orderbook.adapters.http.markets;

import io.orderbook.application.markets.MarketChanges;
import io.orderbook.domain.model.SelfTradePrevention;

/** The body of {@code PATCH /markets/{symbol}} ({@code MarketPatch}); absent or null fields stay unchanged. */
record PatchMarketRequest(String tickSize, String lotSize, String minNotional, String makerFee,
                                 String takerFee, SelfTradePrevention defaultStp) {

    MarketChanges toChanges() {
        return new MarketChanges(tickSize, lotSize, minNotional, makerFee, takerFee, defaultStp);
    }
}
