package io.orderbook.bench;

import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EventSink;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Counts events and rejections and hands every event to a {@link Blackhole}, so the JIT cannot drop the
 * event allocations a real sink (journal, publisher) would keep.
 */
final class CountingSink implements EventSink {
    Blackhole blackhole;
    long events;
    long rejections;

    @Override
    public void accept(EngineEvent event) {
        events++;
        if (event instanceof EngineEvent.CommandRejected) {
            rejections++;
        }
        if (blackhole != null) {
            blackhole.consume(event);
        }
    }

    void reset() {
        events = 0;
        rejections = 0;
    }
}
