package io.orderbook.adapters.persistence;

/**
 * Which slice of an ordered result to return.
 *
 * @param offset rows to skip, at least 0
 * @param limit  rows to return, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(long offset, int limit) {

    /** Bounds a single query's result so a client cannot ask for the whole table at once. */
    public static final int MAX_LIMIT = 1000;

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if {@code offset} is negative or {@code limit} is out of range
     */
    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * The first rows.
     *
     * @param limit rows to return, 1 to {@value #MAX_LIMIT}
     * @return a request at offset 0
     */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    /** {@return the page after this one, with the same limit} */
    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}
