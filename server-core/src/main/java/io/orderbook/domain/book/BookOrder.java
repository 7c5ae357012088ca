package io.orderbook.domain.book;

import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;

/**
 * An order as the book sees it: price in ticks, quantities in lots, and its place in a price level's queue.
 *
 * <p>Mutable on purpose: the book updates quantities in place on every fill so the hot path allocates
 * nothing. Subclasses may carry what other layers need (the engine adds reservations and order type).
 */
public class BookOrder {
    /** Price of a buy that accepts any price. */
    public static final long MARKET_BUY_PRICE = Long.MAX_VALUE;
    /** Price of a sell that accepts any price. */
    public static final long MARKET_SELL_PRICE = 0;
    /** Expiry of an order that does not expire. */
    public static final long NEVER = Long.MAX_VALUE;
    /** Quote budget of an order whose spending is bounded only by its price and quantity. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final long id;
    private final long userId;
    private final Side side;
    private final SelfTradePrevention selfTradePrevention;
    private final long expireAt;
    long price;
    long openLots;
    long filledLots;
    long budget;

    PriceLevel level;
    BookOrder prev;
    BookOrder next;

    /**
     * @param price    limit price in ticks, or {@link #MARKET_BUY_PRICE} / {@link #MARKET_SELL_PRICE}
     * @param openLots quantity still to fill, in lots
     * @param budget   most quote value (excluding fees) a buy may trade for, or {@link #UNLIMITED}
     * @param expireAt time from which a resting order no longer trades, or {@link #NEVER}
     */
    public BookOrder(long id, long userId, Side side, long price, long openLots, long budget, long expireAt,
                     SelfTradePrevention selfTradePrevention) {
        this.id = id;
        this.userId = userId;
        this.side = side;
        this.price = price;
        this.openLots = openLots;
        this.budget = budget;
        this.expireAt = expireAt;
        this.selfTradePrevention = selfTradePrevention;
    }

    public final long id() {
        return id;
    }

    public final long userId() {
        return userId;
    }

    public final Side side() {
        return side;
    }

    /** Limit price in ticks. */
    public final long price() {
        return price;
    }

    /** Quantity still to fill, in lots. */
    public final long openLots() {
        return openLots;
    }

    /** Quantity filled so far, in lots. */
    public final long filledLots() {
        return filledLots;
    }

    /** Quote value this order may still trade for, or {@link #UNLIMITED}. */
    public final long budget() {
        return budget;
    }

    public final long expireAt() {
        return expireAt;
    }

    public final SelfTradePrevention selfTradePrevention() {
        return selfTradePrevention;
    }

    /** Sets the filled quantity of an order rebuilt from a snapshot, before it is restored into a book. */
    protected final void restoreFilledLots(long lots) {
        if (level != null || lots < 0) {
            throw new IllegalStateException("filled quantity can only be restored before the order rests");
        }
        filledLots = lots;
    }

    /** Whether the order is resting in a book. */
    public final boolean isResting() {
        return level != null;
    }

    /** Whether this order accepts a trade at the given price of the opposite side. */
    final boolean crosses(long makerPrice) {
        return side == Side.BUY ? makerPrice <= price : makerPrice >= price;
    }
}
