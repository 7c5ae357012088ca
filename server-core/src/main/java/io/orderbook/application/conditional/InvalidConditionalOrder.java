package io.orderbook.application.conditional;

/** A conditional order the service refuses to arm, with the request field at fault. */
public final class InvalidConditionalOrder extends RuntimeException {
    private final String field;

    public InvalidConditionalOrder(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
