package io.orderbook.application.markets;

import io.orderbook.adapters.persistence.trading.MarketRepository.TradeRow;

import java.util.List;

/**
 * A market's recent trades, newest first, each with its signature by the market's key.
 *
 * @param market the market, with the public key that verifies the signatures
 * @param trades the trades, newest first; prices and quantities in minor units
 */
public record MarketTrades(MarketView market, List<TradeRow> trades) {

    /** Copies the trades, so the list cannot change afterwards. */
    public MarketTrades {
        trades = List.copyOf(trades);
    }
}
