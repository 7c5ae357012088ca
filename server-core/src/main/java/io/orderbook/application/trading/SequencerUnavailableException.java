package io.orderbook.application.trading;

/** A command was not applied because its batch could not be made durable or the sequencer is stopped. */
public final class SequencerUnavailableException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message why the command was not applied
     * @param cause   the underlying failure (the journal's, the engine's, a timeout), or null when there is none,
     *                e.g. because the sequencer is stopped
     */
    public SequencerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
