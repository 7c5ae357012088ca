package io.orderbook.adapters.http.marketdata;

import io.orderbook.application.marketdata.Candle;
import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.TradedMarket;
import java.time.Instant;
import java.util.List;

/** A market's candles ({@code Candles} in the API document), oldest first; only buckets with trades appear. */
record CandlesView(String market, String interval, List<CandleView> candles) {

    /** One candle: prices and quote volume in the quote asset, volume in the base asset, as decimal strings. */
    public record CandleView(Instant openTime, Instant closeTime, String open, String high, String low, String close,
                             String volume, String quoteVolume, long trades) {

        static CandleView of(TradedMarket market, Candle candle) {
            int quote = market.quote().scale();
            int base = market.base().scale();
            return new CandleView(candle.openTime(), candle.closeTime(), DecimalAmount.format(candle.open(), quote),
                    DecimalAmount.format(candle.high(), quote), DecimalAmount.format(candle.low(), quote),
                    DecimalAmount.format(candle.close(), quote), DecimalAmount.format(candle.volume(), base),
                    DecimalAmount.format(candle.quoteVolume(), quote), candle.trades());
        }
    }
}
