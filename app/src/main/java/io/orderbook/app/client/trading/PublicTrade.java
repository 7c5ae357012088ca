package io.orderbook.app.client.trading;

import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trade in a market as anyone may see it.
 *
 * @param market    the market symbol
 * @param tradeId   the trade's id
 * @param price     the trade price, in the quote asset
 * @param quantity  the base quantity traded
 * @param takerSide the side of the order that arrived and traded (BUY lifted an ask)
 * @param time      when it happened
 */
public record PublicTrade(String market, long tradeId, BigDecimal price, BigDecimal quantity, Side takerSide,
                          Instant time) {
}
