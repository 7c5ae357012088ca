package io.orderbook.application.orders;

import io.orderbook.domain.model.Side;
import java.time.Instant;

/**
 * One user's side of a trade: nothing about the other side. A user who traded with themselves has two.
 *
 * @param orderId   the user's order
 * @param side      the user's side
 * @param fee       what the user paid, in quote minor units
 * @param signature the market's Ed25519 signature over the trade, or null while trades are not signed
 */
public record OwnTrade(long tradeId, int marketId, long orderId, Side side, Liquidity liquidity, long price,
                       long quantity, long quoteQuantity, long fee, Instant executedAt, byte[] signature) {
}
