package io.orderbook.app.ticket;

/** How the ticket's amount is given. */
enum AmountMode {
    QUANTITY("Quantity"),
    QUOTE("Quote amount"),
    PERCENT("% of balance");

    private final String label;

    AmountMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
