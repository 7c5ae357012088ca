package io.orderbook.adapters.http.prices;

import io.orderbook.application.prices.PriceBar;
import java.time.Instant;
import java.util.List;

/**
 * A token's one-second bars ({@code PriceBars} in the API document), oldest first; {@code nextFrom} is the
 * {@code from} of the next page when this one is full, else null.
 */
record PriceBarsView(String token, List<BarView> bars, Instant nextFrom) {

    static PriceBarsView of(String token, List<PriceBar> bars, int limit) {
        Instant nextFrom = bars.size() < limit ? null : bars.getLast().second().plusSeconds(1);
        return new PriceBarsView(token, bars.stream().map(BarView::of).toList(), nextFrom);
    }

    /** One second's first, highest, lowest and last prices, as published (decimal strings). */
    public record BarView(Instant second, String open, String high, String low, String close) {

        static BarView of(PriceBar bar) {
            return new BarView(bar.second(), bar.open().price().toPlainString(), bar.high().toPlainString(),
                    bar.low().toPlainString(), bar.close().price().toPlainString());
        }
    }
}
