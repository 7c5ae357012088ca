package io.orderbook.application.requestlog;

/** A stats query whose time range, once its defaults are filled in, is empty or longer than allowed. */
public final class InvalidStatsRange extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the range, for the client
     */
    public InvalidStatsRange(String message) {
        super(message);
    }
}
