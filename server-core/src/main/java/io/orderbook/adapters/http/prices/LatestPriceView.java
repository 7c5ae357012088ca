package io.orderbook.adapters.http.prices;

import io.orderbook.application.prices.PriceTick;
import java.time.Instant;

/** A token's latest price ({@code LatestPrice} in the API document): its latest price event, the price as published. */
record LatestPriceView(String token, String price, Instant timestamp, String source, String eventId) {

    static LatestPriceView of(PriceTick tick) {
        return new LatestPriceView(tick.token(), tick.price().toPlainString(), tick.timestamp(), tick.source(),
                tick.eventId());
    }
}
