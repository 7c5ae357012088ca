package io.orderbook.app.client.trading;

import io.orderbook.application.orders.Liquidity;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** The user's side of one trade ({@code Fill}); the fee is in {@code feeAsset}. */
public record Fill(long tradeId, String market, long orderId, Side side, Liquidity liquidity, BigDecimal price,
                   BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal fee, String feeAsset, Instant executedAt) {
}
