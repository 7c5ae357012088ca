package io.orderbook.app.client.admin;

/** The server does not offer scheduled jobs (an older server, or one without the jobs module). */
public final class JobsUnavailableException extends RuntimeException {

    public JobsUnavailableException(String message) {
        super(message);
    }
}
