package io.orderbook.adapters.http.orders;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Instant;

/**
 * The body of {@code POST /orders} ({@code OrderCreate}). Amounts are decimal strings in whole units: price in
 * the quote asset per one base unit, quantity in the base asset, quoteAmount in the quote asset.
 */
public record PlaceOrderRequest(String market, Side side, OrderType type, TimeInForce timeInForce, String price,
                                String quantity, String quoteAmount, Instant expireAt, SelfTradePrevention stp,
                                String clientOrderId) {
}
