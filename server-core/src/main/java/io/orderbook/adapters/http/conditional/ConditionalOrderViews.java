package io.orderbook.adapters.http.conditional;

import io.orderbook.application.conditional.ConditionalOrder;
import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.domain.conditional.QuantityRule;
import io.orderbook.domain.conditional.TrailingOffset;

/** Turns stored conditional orders into {@link ConditionalOrderView}s, with amounts at their assets' scales. */
public final class ConditionalOrderViews {
    private final MarketCatalog catalog;

    /**
     * Views that look markets up in {@code catalog}.
     *
     * @param catalog the markets, for symbols and asset scales
     */
    public ConditionalOrderViews(MarketCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The order as the API shows it.
     *
     * @param order the stored conditional order
     * @return its view
     * @throws IllegalStateException if its market is not in the catalog
     */
    public ConditionalOrderView view(ConditionalOrder order) {
        TradedMarket market = catalog.byId(order.marketId())
                .orElseThrow(() -> new IllegalStateException("conditional order in unknown market " + order.marketId()));
        int quote = market.quote().scale();
        boolean byAmount = order.trailingOffset() == TrailingOffset.AMOUNT;
        boolean byPercent = order.trailingOffset() == TrailingOffset.PERCENT;
        return new ConditionalOrderView(order.id(), order.userId(), market.symbol(), order.kind().name(),
                order.side().name(), order.orderType().name(), price(order.triggerPrice(), quote),
                price(order.limitPrice(), quote), byAmount ? price(order.trailingDistance(), quote) : null,
                byPercent ? percent(order.trailingDistance()) : null,
                order.trailingBest() == null || order.trailingBest() == 0 ? null : price(order.trailingBest(), quote),
                quantity(order.quantity(), market), order.ocoId(), order.status().name(), order.reason(),
                price(order.firedPrice(), quote), order.firedEventId(), order.placedOrderId(), order.createdAt(),
                order.updatedAt(), order.triggeredAt());
    }

    private static ConditionalOrderView.QuantityView quantity(QuantityRule rule, TradedMarket market) {
        return switch (rule) {
            case QuantityRule.BaseQuantity q -> new ConditionalOrderView.QuantityView("BASE",
                    DecimalAmount.format(q.quantity(), market.base().scale()), null);
            case QuantityRule.QuoteNotional q -> new ConditionalOrderView.QuantityView("QUOTE",
                    DecimalAmount.format(q.amount(), market.quote().scale()), null);
            case QuantityRule.BalancePercent p -> new ConditionalOrderView.QuantityView("BALANCE_PERCENT",
                    percent(p.ppm()), null);
            case QuantityRule.FilledPercent p -> new ConditionalOrderView.QuantityView("FILLED_PERCENT",
                    percent(p.ppm()), p.orderId());
        };
    }

    private static String price(Long minor, int scale) {
        return minor == null ? null : DecimalAmount.format(minor, scale);
    }

    private static String percent(long ppm) {
        return DecimalAmount.format(ppm, ConditionalOrderInput.PERCENT_SCALE);
    }
}
