package io.orderbook.application.orders;

import io.orderbook.domain.model.Market;
import java.util.Objects;

/**
 * A market with its two assets, which is what turning decimal text into the engine's exact units needs: base
 * quantities have the base asset's scale, prices and quote amounts the quote asset's.
 *
 * @param market the market
 * @param base   its base asset (what is bought and sold)
 * @param quote  its quote asset (what prices are in)
 * @param live   false once the market is deleted; its orders and trades still refer to it
 */
public record TradedMarket(Market market, Asset base, Asset quote, boolean live) {

    /** Checks that the assets are the market's own. */
    public TradedMarket {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (base.id() != market.baseAsset() || quote.id() != market.quoteAsset() || base.scale() != market.baseScale()) {
            throw new IllegalArgumentException("assets do not match market " + market.symbol());
        }
    }

    /**
     * The market's id.
     *
     * @return the engine id of the market
     */
    public int id() {
        return market.id();
    }

    /**
     * The market's symbol.
     *
     * @return the market's symbol, e.g. {@code BTC-USDT}
     */
    public String symbol() {
        return market.symbol();
    }
}
