package io.orderbook.domain.model;

/**
 * Why a command was refused. A refused command has no effect on books or balances, with one exception: a
 * take or amend whose target is found past its good-till-date expiry first expires that order.
 */
public enum RejectReason {
    /** No listed market has the command's market id. */
    UNKNOWN_MARKET,
    /** The asset id is outside the range of asset ids. */
    UNKNOWN_ASSET,
    /**
     * The order the command names is unknown, no longer open (or closable, for a close), or not the user's own. The
     * engine forgets ended orders, so for the user's own order this can also mean {@link #ORDER_NOT_OPEN}: the order
     * history tells.
     */
    UNKNOWN_ORDER,
    /**
     * The user's own order has ended (filled, cancelled or expired) and a cancel or amend has nothing to act on.
     * Given while the engine still holds the ended order: one with fills, during its close period, or one the
     * amend found past its expiry.
     */
    ORDER_NOT_OPEN,
    /** The new order's id belongs to an open or still closable order. */
    DUPLICATE_ORDER_ID,
    /** The user id is not that of a trader (traders' ids are positive). */
    INVALID_USER,
    /** The quantity is zero or negative, or given where the order is sized by quote amount. */
    INVALID_QUANTITY,
    /** The quantity is not a multiple of the market's lot size. */
    QUANTITY_NOT_LOT_MULTIPLE,
    /** A limit price that is zero or negative. */
    INVALID_PRICE,
    /** The price is not a multiple of the market's tick size. */
    PRICE_NOT_TICK_MULTIPLE,
    /** A market order carried a limit price. */
    PRICE_NOT_ALLOWED,
    /** A quote amount was given where only a base quantity is allowed (limit orders, sells). */
    QUOTE_AMOUNT_NOT_ALLOWED,
    /** The order's value is below the market's minimum notional. */
    BELOW_MIN_NOTIONAL,
    /** A quantity, price or amount so large that exact arithmetic would overflow. */
    AMOUNT_TOO_LARGE,
    /** The available balance does not cover what the order must reserve, or the withdrawal. */
    INSUFFICIENT_FUNDS,
    /** A post-only (LIMIT_MAKER) order would have taken liquidity. */
    POST_ONLY_WOULD_TAKE,
    /** A fill-or-kill order could not be filled completely at once. */
    FOK_NOT_FILLABLE,
    /** A market order found nothing to trade against. */
    NO_LIQUIDITY,
    /** The time in force does not fit the order type (e.g. a market order with GTC). */
    INVALID_TIME_IN_FORCE,
    /** A GTD order without an expiry time, or an expiry time on a non-GTD order. */
    INVALID_EXPIRE_TIME,
    /** A GTD order's expiry time is not after the command's timestamp. */
    EXPIRE_TIME_IN_PAST,
    /** A user tried to take their own resting order. */
    CANNOT_TAKE_OWN_ORDER,
    /** The order has already been closed. */
    ALREADY_CLOSED,
    /** The amount of a deposit or withdrawal is zero or negative. */
    INVALID_AMOUNT,
    /** The market is halted: it takes no new orders, amends, takes or closes. */
    MARKET_HALTED,
    /** A market with this id or symbol is already listed. */
    MARKET_EXISTS,
    /** The market change or removal would strand or underfund its orders (see {@code Command.UpdateMarket}). */
    MARKET_HAS_ORDERS,
    /** A market update tried to change its symbol, assets or base scale. */
    MARKET_FIELD_IMMUTABLE
}
