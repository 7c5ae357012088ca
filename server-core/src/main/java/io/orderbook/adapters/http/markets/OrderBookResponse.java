package io.orderbook.adapters.http.markets;

import io.orderbook.application.markets.DecimalUnits;
import io.orderbook.application.markets.OrderBookView;
import io.orderbook.domain.engine.BookLevel;
import java.util.List;

/** A market's book ({@code OrderBook}): aggregated levels, best first, prices and quantities as decimal strings. */
record OrderBookResponse(String symbol, List<Level> bids, List<Level> asks) {

    /** One price level: its total open quantity and how many orders rest there. */
    public record Level(String price, String quantity, int orders) {
    }

    static OrderBookResponse of(OrderBookView book) {
        int baseScale = book.market().base().scale();
        int quoteScale = book.market().quote().scale();
        return new OrderBookResponse(book.market().symbol(), levels(book.bids(), baseScale, quoteScale),
                levels(book.asks(), baseScale, quoteScale));
    }

    private static List<Level> levels(List<BookLevel> levels, int baseScale, int quoteScale) {
        return levels.stream().map(level -> new Level(DecimalUnits.format(level.price(), quoteScale),
                DecimalUnits.format(level.quantity(), baseScale), level.orders())).toList();
    }
}
