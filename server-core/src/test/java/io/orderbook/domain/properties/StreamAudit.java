package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.List;

/** Watches a replay command by command and throws {@link PropertyViolation} when its property breaks. */
interface StreamAudit {

    /** Called once before the first command, after the markets exist. */
    default void start(MatchingEngine engine) {
    }

    /** Called after {@code command} was applied, with the events it produced in order. */
    void after(Command command, List<EngineEvent> events, MatchingEngine engine);
}
