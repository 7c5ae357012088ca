package io.orderbook.application.conditional;

/** A conditional order the service refuses to arm, with the request field at fault. */
public final class InvalidConditionalOrder extends RuntimeException {
    private final String field;

    /**
     * @param field   the request field at fault, as the client wrote it (e.g. {@code quantity.orderId})
     * @param message what is wrong with it, for people
     */
    public InvalidConditionalOrder(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** @return the request field at fault */
    public String field() {
        return field;
    }
}
