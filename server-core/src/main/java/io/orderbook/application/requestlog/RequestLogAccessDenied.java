package io.orderbook.application.requestlog;

/** A user who is not an administrator asked for another user's request log entries. */
public final class RequestLogAccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which entries were asked for, for the client
     */
    public RequestLogAccessDenied(String message) {
        super(message, null, false, false);
    }
}
