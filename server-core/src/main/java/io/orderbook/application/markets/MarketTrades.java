package io.orderbook.application.markets;

import io.orderbook.adapters.persistence.trading.MarketRepository.TradeRow;

import java.util.List;

/** A market's recent trades, newest first, each with its signature by the market's key. */
public record MarketTrades(MarketView market, List<TradeRow> trades) {

    public MarketTrades {
        trades = List.copyOf(trades);
    }
}
