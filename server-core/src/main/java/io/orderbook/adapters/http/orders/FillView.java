package io.orderbook.adapters.http.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderbook.application.orders.Liquidity;
import io.orderbook.domain.model.Side;
import java.time.Instant;

/**
 * The caller's side of one trade ({@code Fill}): their order, side and fee, never anything of the other side.
 * The fee is in the market's quote asset ({@code feeAsset}); {@code signature} (base64 Ed25519 by the market's
 * key) appears once trades are signed.
 *
 * @param tradeId       the trade's id, the same for both sides
 * @param market        the market's symbol
 * @param orderId       the caller's order that traded
 * @param side          the caller's side
 * @param liquidity     whether the caller's order was the maker or the taker
 * @param price         the trade price, decimal text in the quote asset
 * @param quantity      the traded quantity, decimal text in the base asset
 * @param quoteQuantity price times quantity, decimal text in the quote asset
 * @param fee           the caller's fee, decimal text in {@code feeAsset}
 * @param feeAsset      the code of the quote asset
 * @param executedAt    when the trade happened
 * @param signature     base64 Ed25519 signature by the market's key; omitted while the trade is unsigned
 */
public record FillView(long tradeId, String market, long orderId, Side side, Liquidity liquidity, String price,
                       String quantity, String quoteQuantity, String fee, String feeAsset, Instant executedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {
}
