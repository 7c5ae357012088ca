package io.orderbook.adapters.persistence;

/**
 * A write broke a unique constraint (a username, an API key prefix or a token hash already taken).
 * {@link #constraint()} names the constraint, e.g. {@code users_username_key}, so callers can map it
 * to a precise error without parsing messages.
 */
public final class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The violated constraint or unique index, or {@code "unknown"}. */
    private final String constraint;

    DuplicateKeyException(String constraint, Throwable cause) {
        super("unique constraint violated: " + constraint, cause);
        this.constraint = constraint;
    }

    /** {@return the violated constraint or unique index, or {@code "unknown"} if the driver did not say} */
    public String constraint() {
        return constraint;
    }
}
