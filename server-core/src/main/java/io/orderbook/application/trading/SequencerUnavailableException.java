package io.orderbook.application.trading;

/** A command was not applied because its batch could not be made durable or the sequencer is stopped. */
public final class SequencerUnavailableException extends RuntimeException {

    public SequencerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
