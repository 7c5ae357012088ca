package io.orderbook.domain.engine;

/** Receives the engine's events in order, on the engine's thread. */
@FunctionalInterface
public interface EventSink {

    /**
     * Takes one event, on the engine's thread while the command that caused it is being applied.
     *
     * @param event the event, never null
     */
    void accept(EngineEvent event);

    /** A sink that drops everything. */
    EventSink NONE = event -> { };
}
