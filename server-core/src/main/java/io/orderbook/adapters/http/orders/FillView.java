package io.orderbook.adapters.http.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderbook.application.orders.Liquidity;
import io.orderbook.domain.model.Side;
import java.time.Instant;

/**
 * The caller's side of one trade ({@code Fill}): their order, side and fee, never anything of the other side.
 * The fee is in the market's quote asset ({@code feeAsset}); {@code signature} (base64 Ed25519 by the market's
 * key) appears once trades are signed.
 */
public record FillView(long tradeId, String market, long orderId, Side side, Liquidity liquidity, String price,
                       String quantity, String quoteQuantity, String fee, String feeAsset, Instant executedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {
}
