package io.orderbook.application.orders;

import io.orderbook.domain.model.Market;
import java.util.Objects;

/**
 * A market with its two assets, which is what turning decimal text into the engine's exact units needs: base
 * quantities have the base asset's scale, prices and quote amounts the quote asset's.
 *
 * @param live false once the market is deleted; its orders and trades still refer to it
 */
public record TradedMarket(Market market, Asset base, Asset quote, boolean live) {

    public TradedMarket {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (base.id() != market.baseAsset() || quote.id() != market.quoteAsset() || base.scale() != market.baseScale()) {
            throw new IllegalArgumentException("assets do not match market " + market.symbol());
        }
    }

    public int id() {
        return market.id();
    }

    public String symbol() {
        return market.symbol();
    }
}
