package io.orderbook.adapters.http.orders;

import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.time.Instant;

/**
 * The body of {@code POST /orders} ({@code OrderCreate}). Amounts are decimal strings in whole units: price in
 * the quote asset per one base unit, quantity in the base asset, quoteAmount in the quote asset.
 *
 * @param market        the market's symbol
 * @param side          buy or sell
 * @param type          the order type
 * @param timeInForce   how long the order lives; absent: IOC for market orders, GTD with {@code expireAt}, else GTC
 * @param price         the limit price; not for market orders
 * @param quantity      the quantity; a market buy may give {@code quoteAmount} instead
 * @param quoteAmount   for a market buy, how much quote asset to spend
 * @param expireAt      when a GTD order expires
 * @param stp           self-trade prevention: what happens when the order would trade with the caller's own; null for the engine's default
 * @param clientOrderId the caller's own id for the order, 1 to 64 visible ASCII characters, unique per caller
 */
public record PlaceOrderRequest(String market, Side side, OrderType type, TimeInForce timeInForce, String price,
                                String quantity, String quoteAmount, Instant expireAt, SelfTradePrevention stp,
                                String clientOrderId) {
}
