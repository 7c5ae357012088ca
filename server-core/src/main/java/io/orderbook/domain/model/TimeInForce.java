package io.orderbook.domain.model;

/** How long an order stays working. */
public enum TimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Immediate or cancel: whatever does not fill at once is expired. */
    IOC,
    /** Fill or kill: fills completely at once or is rejected without any effect. */
    FOK,
    /** Good till date: rests until its expiry time. */
    GTD;

    /**
     * Whether an order with this time in force may rest in the book.
     *
     * @return true for {@link #GTC} and {@link #GTD}
     */
    public boolean rests() {
        return this == GTC || this == GTD;
    }
}
