package io.orderbook.adapters.http.markets;

import io.orderbook.adapters.persistence.trading.MarketRepository.TradeRow;
import io.orderbook.application.markets.DecimalUnits;
import io.orderbook.application.markets.MarketTrades;
import io.orderbook.domain.model.Side;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A market's recent trades ({@code MarketTrades}), newest first. Each carries the market's Ed25519 signature over
 * its canonical message (see {@code TradeSignatures.canonicalMessage} and the OpenAPI document).
 */
record MarketTradesResponse(String symbol, List<Trade> trades) {

    /**
     * One trade. {@code signature} is Base64, or null for a trade stored before trades were signed.
     */
    public record Trade(long id, String price, String quantity, String quoteQuantity, Side takerSide,
                        long makerOrderId, long takerOrderId, Instant executedAt, String signature) {
    }

    static MarketTradesResponse of(MarketTrades trades) {
        int baseScale = trades.market().base().scale();
        int quoteScale = trades.market().quote().scale();
        return new MarketTradesResponse(trades.market().symbol(),
                trades.trades().stream().map(trade -> trade(trade, baseScale, quoteScale)).toList());
    }

    private static Trade trade(TradeRow trade, int baseScale, int quoteScale) {
        return new Trade(trade.id(), DecimalUnits.format(trade.price(), quoteScale),
                DecimalUnits.format(trade.quantity(), baseScale), DecimalUnits.format(trade.quoteQuantity(), quoteScale),
                trade.takerSide(), trade.makerOrderId(), trade.takerOrderId(), trade.executedAt(),
                trade.signature() == null ? null : Base64.getEncoder().encodeToString(trade.signature()));
    }
}
