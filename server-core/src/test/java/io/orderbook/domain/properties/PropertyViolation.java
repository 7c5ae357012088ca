package io.orderbook.domain.properties;

/**
 * A broken property. {@code kind} names the property so that minimising a failing stream can keep to the
 * same failure instead of drifting to another one; {@code stepIndex} is the step that broke it, if known.
 */
final class PropertyViolation extends AssertionError {
    private final String kind;
    private final String detail;
    private final int stepIndex;

    PropertyViolation(String kind, String detail) {
        this(kind, detail, -1, null);
    }

    PropertyViolation(String kind, String detail, int stepIndex, Throwable cause) {
        super("[" + kind + "] " + detail, cause);
        this.kind = kind;
        this.detail = detail;
        this.stepIndex = stepIndex;
    }

    String kind() {
        return kind;
    }

    String detail() {
        return detail;
    }

    /** Index of the step (command) after which the property failed, or -1. */
    int stepIndex() {
        return stepIndex;
    }

    /** Fails with {@code kind} unless the condition holds. */
    static void check(boolean condition, String kind, String detail) {
        if (!condition) {
            throw new PropertyViolation(kind, detail);
        }
    }
}
