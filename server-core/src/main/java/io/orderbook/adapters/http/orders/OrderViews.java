package io.orderbook.adapters.http.orders;

import io.orderbook.application.orders.DecimalAmount;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.OrderOutcome;
import io.orderbook.application.orders.OrderRecord;
import io.orderbook.application.orders.OrderUpdate;
import io.orderbook.application.orders.OwnTrade;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.model.OrderType;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Turns orders, fills and events into their JSON views, amounts as decimal text with each asset's scale (prices
 * and quote amounts in the quote asset's, quantities in the base asset's). Shared by the REST routes and the
 * WebSocket streams so both speak the same shapes.
 */
public final class OrderViews {
    private final MarketCatalog catalog;

    /**
     * Views that look markets up in {@code catalog}.
     *
     * @param catalog the markets, for symbols and asset scales
     */
    public OrderViews(MarketCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The view of a stored order.
     *
     * @param o the order as stored
     * @return its view, amounts as decimal text
     */
    public OrderView order(OrderRecord o) {
        TradedMarket m = market(o.marketId());
        boolean quoteSized = o.type() == OrderType.MARKET && o.quoteAmount() > 0;
        return new OrderView(o.id(), o.userId(), m.symbol(), o.clientOrderId(), o.side(), o.type(), o.timeInForce(),
                o.type() == OrderType.MARKET ? null : quote(m, o.price()), quoteSized ? null : base(m, o.quantity()),
                quoteSized ? quote(m, o.quoteAmount()) : null,
                o.expireAt() == null ? null : Instant.ofEpochMilli(o.expireAt()), o.stp(), o.status(), o.endReason(),
                base(m, o.filledQuantity()), base(m, o.openQuantity()), o.closed(), o.closingOrderId(), o.createdAt(),
                o.updatedAt());
    }

    /**
     * The answer to an order command.
     *
     * @param outcome the command's durable outcome
     * @return the order as the command left it, with the caller's fills and events
     */
    public OrderResultView result(OrderOutcome outcome) {
        return new OrderResultView(
                outcome.order().map(this::state).orElse(new OrderStateView(outcome.orderId(), null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null)),
                outcome.closingOrder().map(this::state).orElse(null),
                outcome.fills().stream().map(this::fill).toList(),
                outcome.orderEvents().stream().map(this::event).toList());
    }

    OrderStateView state(OrderUpdate o) {
        TradedMarket m = market(o.marketId());
        boolean market = o.type() == OrderType.MARKET;
        boolean quoteSized = market && o.quoteAmount() != null && o.quoteAmount() > 0;
        return new OrderStateView(o.orderId(), m.symbol(), o.clientOrderId(), o.side(), o.type(), o.timeInForce(),
                o.price() == null || market ? null : quote(m, o.price()),
                o.quantity() == null || quoteSized ? null : base(m, o.quantity()),
                quoteSized ? quote(m, o.quoteAmount()) : null,
                o.expireAt() == null ? null : Instant.ofEpochMilli(o.expireAt()), o.stp(), o.status(), o.endReason(),
                o.filledQuantity() == null ? null : base(m, o.filledQuantity()),
                o.openQuantity() == null ? null : base(m, o.openQuantity()),
                o.closed() ? Boolean.TRUE : null, o.closingOrderId());
    }

    /**
     * The view of one of the caller's trades.
     *
     * @param t the trade as the owner's side of it
     * @return the fill, amounts as decimal text
     */
    public FillView fill(OwnTrade t) {
        TradedMarket m = market(t.marketId());
        return new FillView(t.tradeId(), m.symbol(), t.orderId(), t.side(), t.liquidity(), quote(m, t.price()),
                base(m, t.quantity()), quote(m, t.quoteQuantity()), quote(m, t.fee()), m.quote().code(),
                t.executedAt(), t.signature() == null ? null : Base64.getEncoder().encodeToString(t.signature()));
    }

    /**
     * An event about one of the caller's orders; trades are reported as fills instead.
     *
     * @param event the engine's event about an order
     * @return the event's view
     * @throws IllegalArgumentException if the event is not about an order (e.g. a trade)
     */
    public OrderEventView event(EngineEvent event) {
        Instant time = Instant.ofEpochMilli(event.timestamp());
        return switch (event) {
            case EngineEvent.OrderAccepted e -> {
                TradedMarket m = market(e.marketId());
                boolean quoteSized = e.quoteAmount() > 0;
                yield new OrderEventView("ACCEPTED", e.orderId(), m.symbol(), null,
                        e.type() == OrderType.MARKET ? null : quote(m, e.price()),
                        quoteSized ? null : base(m, e.quantity()), null, null, null, null, time);
            }
            case EngineEvent.OrderPartiallyFilled e -> quantities("PARTIALLY_FILLED", e.orderId(), e.marketId(), null,
                    e.filledQuantity(), e.openQuantity(), time);
            case EngineEvent.OrderFilled e -> quantities("FILLED", e.orderId(), e.marketId(), null,
                    e.filledQuantity(), 0, time);
            case EngineEvent.OrderCancelled e -> quantities("CANCELLED", e.orderId(), e.marketId(), e.reason().name(),
                    e.filledQuantity(), e.openQuantity(), time);
            case EngineEvent.OrderExpired e -> quantities("EXPIRED", e.orderId(), e.marketId(), e.reason().name(),
                    e.filledQuantity(), e.openQuantity(), time);
            case EngineEvent.OrderAmended e -> {
                TradedMarket m = market(e.marketId());
                yield new OrderEventView("AMENDED", e.orderId(), m.symbol(), null, quote(m, e.price()),
                        base(m, e.quantity()), null, base(m, e.openQuantity()), e.priorityKept(), null, time);
            }
            case EngineEvent.OrderClosed e -> new OrderEventView("CLOSED", e.orderId(), null, null, null, null, null,
                    null, null, e.closingOrderId() == 0 ? null : e.closingOrderId(), time);
            default -> throw new IllegalArgumentException("not an order event: " + event.getClass().getSimpleName());
        };
    }

    private OrderEventView quantities(String type, long orderId, int marketId, String reason, long filled, long open,
                                      Instant time) {
        TradedMarket m = market(marketId);
        return new OrderEventView(type, orderId, m.symbol(), reason, null, null, base(m, filled), base(m, open), null,
                null, time);
    }

    /**
     * The market of a stored order or event. It exists, since the engine only knows markets the tables list; one
     * added a moment ago may be missing from the catalog's copy, which is then read again.
     *
     * @param marketId the market's id
     * @return the market
     */
    public TradedMarket market(int marketId) {
        return catalog.byId(marketId).or(() -> {
            catalog.refresh();
            return catalog.byId(marketId);
        }).orElseThrow(() -> new IllegalStateException("unknown market id " + marketId));
    }

    /**
     * A price or quote amount of the market as decimal text.
     *
     * @param m     the market
     * @param minor the amount in minor units of the quote asset
     * @return the amount with as many decimals as the quote asset's scale
     */
    public String quoteText(TradedMarket m, long minor) {
        return quote(m, minor);
    }

    /**
     * A base quantity of the market as decimal text.
     *
     * @param m     the market
     * @param minor the quantity in minor units of the base asset
     * @return the quantity with as many decimals as the base asset's scale
     */
    public String baseText(TradedMarket m, long minor) {
        return base(m, minor);
    }

    private static String quote(TradedMarket m, long minor) {
        return DecimalAmount.format(minor, m.quote().scale());
    }

    private static String base(TradedMarket m, long minor) {
        return DecimalAmount.format(minor, m.base().scale());
    }
}
