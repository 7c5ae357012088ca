package io.orderbook.domain.properties;

/**
 * A broken property. {@code kind} names the property so that minimising a failing stream can keep to the
 * same failure instead of drifting to another one; {@code commandIndex} is the command that broke it, if known.
 */
final class PropertyViolation extends AssertionError {
    private final String kind;
    private final String detail;
    private final int commandIndex;

    PropertyViolation(String kind, String detail) {
        this(kind, detail, -1, null);
    }

    PropertyViolation(String kind, String detail, int commandIndex, Throwable cause) {
        super("[" + kind + "] " + detail, cause);
        this.kind = kind;
        this.detail = detail;
        this.commandIndex = commandIndex;
    }

    String kind() {
        return kind;
    }

    String detail() {
        return detail;
    }

    /** Index of the command after which the property failed, or -1. */
    int commandIndex() {
        return commandIndex;
    }

    /** Fails with {@code kind} unless the condition holds. */
    static void check(boolean condition, String kind, String detail) {
        if (!condition) {
            throw new PropertyViolation(kind, detail);
        }
    }
}
