package io.orderbook.app.client.trading;

import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** A trade in a market as anyone may see it. */
public record PublicTrade(String market, long tradeId, BigDecimal price, BigDecimal quantity, Side takerSide,
                          Instant time) {
}
