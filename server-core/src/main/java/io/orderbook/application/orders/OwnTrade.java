package io.orderbook.application.orders;

import io.orderbook.domain.model.Side;
import java.time.Instant;

/**
 * One user's side of a trade: nothing about the other side. A user who traded with themselves has two.
 *
 * @param tradeId       the trade's id, shared with the other side's record
 * @param marketId      the market it happened in
 * @param orderId       the user's order
 * @param side          the user's side
 * @param liquidity     whether the user's order was the maker (resting) or the taker
 * @param price         execution price, quote minor units per whole base unit
 * @param quantity      base quantity traded, base minor units
 * @param quoteQuantity quote value traded, quote minor units, fees excluded
 * @param fee           what the user paid, in quote minor units
 * @param executedAt    when the engine matched it
 * @param signature     the market's Ed25519 signature over the trade, or null while trades are not signed
 */
public record OwnTrade(long tradeId, int marketId, long orderId, Side side, Liquidity liquidity, long price,
                       long quantity, long quoteQuantity, long fee, Instant executedAt, byte[] signature) {
}
