package io.orderbook.domain.model;

/** What happens when a taker would trade against a resting order of the same user. */
public enum SelfTradePrevention {
    /** Self-trades are allowed. */
    NONE,
    /** The taker's remaining quantity is expired; the resting order stays. */
    EXPIRE_TAKER,
    /** The resting order is cancelled and the taker goes on matching. */
    EXPIRE_MAKER,
    /** Both the resting order and the taker's remaining quantity are cancelled. */
    EXPIRE_BOTH
}
