package io.orderbook.adapters.http.markets;

import io.orderbook.application.markets.DecimalUnits;
import io.orderbook.application.markets.MarketView;
import io.orderbook.domain.model.SelfTradePrevention;
import java.time.Instant;
import java.util.Base64;

/**
 * A market ({@code Market}): amounts as decimal strings in human units, fee rates as fractions, and the public key
 * that verifies its trade signatures (Base64 of its X.509 encoding).
 */
record MarketResponse(String symbol, String base, String quote, int baseScale, int quoteScale, String tickSize,
                             String lotSize, String minNotional, String makerFee, String takerFee,
                             SelfTradePrevention defaultStp, boolean halted, String publicKey, Instant createdAt,
                             Instant updatedAt) {

    static final int FEE_SCALE = 6;

    static MarketResponse of(MarketView market) {
        int baseScale = market.base().scale();
        int quoteScale = market.quote().scale();
        return new MarketResponse(market.symbol(), market.base().code(), market.quote().code(), baseScale, quoteScale,
                DecimalUnits.format(market.tickSize(), quoteScale), DecimalUnits.format(market.lotSize(), baseScale),
                DecimalUnits.format(market.minNotional(), quoteScale),
                DecimalUnits.format(market.makerFeePpm(), FEE_SCALE), DecimalUnits.format(market.takerFeePpm(), FEE_SCALE),
                market.defaultStp(), market.halted(), Base64.getEncoder().encodeToString(market.publicKey()),
                market.createdAt(), market.updatedAt());
    }
}
