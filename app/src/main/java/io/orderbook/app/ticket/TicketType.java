package io.orderbook.app.ticket;

/** What the ticket places: an order, or a conditional order that waits for a price. */
enum TicketType {
    LIMIT("Limit", false),
    MARKET("Market", false),
    POST_ONLY("Post-only", false),
    STOP_LOSS("Stop-loss", true),
    TAKE_PROFIT("Take-profit", true),
    TRAILING_STOP("Trailing stop", true),
    TRIGGER("Trigger", true);

    private final String label;
    private final boolean conditional;

    TicketType(String label, boolean conditional) {
        this.label = label;
        this.conditional = conditional;
    }

    /** Placed through {@code /conditional-orders}. */
    public boolean conditional() {
        return conditional;
    }

    /** Whether the ticket asks for a limit price. */
    public boolean hasPrice() {
        return this == LIMIT || this == POST_ONLY || this == TRIGGER;
    }

    @Override
    public String toString() {
        return label;
    }
}
