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
     * A new order, not yet in a book, with nothing filled.
     *
     * @param id                  the order's id, unique within the book
     * @param userId              its owner, compared for self-trade prevention
     * @param side                buy or sell
     * @param price               limit price in ticks, or {@link #MARKET_BUY_PRICE} / {@link #MARKET_SELL_PRICE}
     * @param openLots            quantity still to fill, in lots
     * @param budget              most quote value (excluding fees) a buy may trade for, or {@link #UNLIMITED}
     * @param expireAt            time from which a resting order no longer trades, or {@link #NEVER}
     * @param selfTradePrevention what happens when it meets a resting order of the same user
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

    /**
     * The order's id.
     *
     * @return the id given at construction
     */
    public final long id() {
        return id;
    }

    /**
     * The order's owner.
     *
     * @return the user id given at construction
     */
    public final long userId() {
        return userId;
    }

    /**
     * The order's side.
     *
     * @return buy or sell
     */
    public final Side side() {
        return side;
    }

    /**
     * Limit price in ticks; changes when the order is replaced.
     *
     * @return the price, or {@link #MARKET_BUY_PRICE} / {@link #MARKET_SELL_PRICE}
     */
    public final long price() {
        return price;
    }

    /**
     * Quantity still to fill, in lots.
     *
     * @return the open lots; 0 once filled
     */
    public final long openLots() {
        return openLots;
    }

    /**
     * Quantity filled so far, in lots.
     *
     * @return the filled lots
     */
    public final long filledLots() {
        return filledLots;
    }

    /**
     * Quote value this order may still trade for.
     *
     * @return the remaining budget in quote minor units, or {@link #UNLIMITED}
     */
    public final long budget() {
        return budget;
    }

    /**
     * Time from which a resting order no longer trades.
     *
     * @return epoch milliseconds, or {@link #NEVER}
     */
    public final long expireAt() {
        return expireAt;
    }

    /**
     * What happens when this order, as taker, meets a resting order of the same user.
     *
     * @return the mode
     */
    public final SelfTradePrevention selfTradePrevention() {
        return selfTradePrevention;
    }

    /**
     * Sets the filled quantity of an order rebuilt from a snapshot, before it is restored into a book.
     *
     * @param lots the filled quantity, in lots; not negative
     * @throws IllegalStateException if the order already rests or {@code lots} is negative
     */
    protected final void restoreFilledLots(long lots) {
        if (level != null || lots < 0) {
            throw new IllegalStateException("filled quantity can only be restored before the order rests");
        }
        filledLots = lots;
    }

    /**
     * Whether the order is resting in a book.
     *
     * @return true while it sits in a price level's queue
     */
    public final boolean isResting() {
        return level != null;
    }

    /** Whether this order accepts a trade at the given price of the opposite side. */
    final boolean crosses(long makerPrice) {
        return side == Side.BUY ? makerPrice <= price : makerPrice >= price;
    }
}
