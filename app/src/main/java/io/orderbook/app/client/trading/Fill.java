package io.orderbook.app.client.trading;

import io.orderbook.application.orders.Liquidity;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The user's side of one trade ({@code Fill}); amounts in whole units.
 *
 * @param tradeId       the trade, shared with the other side's fill
 * @param market        the market symbol
 * @param orderId       the user's order that traded
 * @param side          whether the user bought or sold
 * @param liquidity     whether the user's order rested (maker) or took (taker)
 * @param price         the trade price, in the quote asset
 * @param quantity      the base quantity traded
 * @param quoteQuantity price times quantity, in the quote asset
 * @param fee           what the user paid, in {@code feeAsset}
 * @param feeAsset      the asset the fee was charged in
 * @param executedAt    when the trade happened
 */
public record Fill(long tradeId, String market, long orderId, Side side, Liquidity liquidity, BigDecimal price,
                   BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal fee, String feeAsset, Instant executedAt) {
}
