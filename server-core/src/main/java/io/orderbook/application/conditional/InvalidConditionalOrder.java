package io.orderbook.application.conditional;

/** A conditional order the service refuses to arm, with the request field at fault. */
public final class InvalidConditionalOrder extends RuntimeException {
    /** The request field at fault. */
    private final String field;

    /**
     * A refusal naming the field at fault.
     *
     * @param field   the request field at fault, as the client wrote it (e.g. {@code quantity.orderId})
     * @param message what is wrong with it, for people
     */
    public InvalidConditionalOrder(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /**
     * The request field at fault.
     *
     * @return the request field at fault
     */
    public String field() {
        return field;
    }
}
