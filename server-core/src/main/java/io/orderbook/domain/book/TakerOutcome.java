package io.orderbook.domain.book;

/** How an incoming order ended its matching. */
public enum TakerOutcome {
    /** Completely filled. */
    FILLED,
    /** Partly filled or not at all, and the rest now rests in the book. */
    RESTING,
    /** The rest found nothing more to trade against at its price (or its budget ran out) and did not rest. */
    UNFILLED,
    /** Self-trade prevention stopped the order; the rest did not rest. */
    SELF_TRADE
}
