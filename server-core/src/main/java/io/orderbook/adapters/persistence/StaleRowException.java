package io.orderbook.adapters.persistence;

/**
 * An update was based on a copy of a row that someone else changed (or deleted) since it was read. Writing it
 * would silently undo their change, so nothing was written: read the row again, reapply, and retry.
 */
public final class StaleRowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StaleRowException(Throwable cause) {
        super("the row changed since it was read; read it again and retry", cause);
    }
}
