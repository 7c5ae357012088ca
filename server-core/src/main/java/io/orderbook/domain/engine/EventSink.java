package io.orderbook.domain.engine;

/** Receives the engine's events in order, on the engine's thread. */
@FunctionalInterface
public interface EventSink {

    void accept(EngineEvent event);

    /** A sink that drops everything. */
    EventSink NONE = event -> { };
}
