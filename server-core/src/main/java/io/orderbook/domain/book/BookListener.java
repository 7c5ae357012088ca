package io.orderbook.domain.book;

/**
 * Receives what happens to resting orders while the book matches. Called synchronously, after the
 * book's own state is updated; a listener must not call back into the book.
 */
public interface BookListener {

    /**
     * A trade of {@code lots} at the maker's price. Both orders' quantities already include the fill;
     * a maker whose open quantity reached zero has already left the book.
     *
     * @param maker      the resting order
     * @param taker      the incoming order
     * @param priceTicks the maker's price, in ticks
     * @param lots       quantity traded, in lots; positive
     */
    void trade(BookOrder maker, BookOrder taker, long priceTicks, long lots);

    /**
     * A resting order left the book without trading: its expiry passed, or self-trade prevention removed it.
     *
     * @param maker  the order that left
     * @param reason why it left
     */
    void makerRemoved(BookOrder maker, MakerRemoval reason);

    /** Why a resting order left the book during matching. */
    enum MakerRemoval {
        /** Its good-till-date expiry had passed when a taker reached it. */
        EXPIRED,
        /** Self-trade prevention cancelled it. */
        SELF_TRADE
    }
}
