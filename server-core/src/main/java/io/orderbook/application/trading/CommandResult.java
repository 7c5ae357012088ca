package io.orderbook.application.trading;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;

import java.util.List;

/**
 * One command and the events it produced, in order.
 *
 * @param sequence position of the command in the engine's history, starting at 1 after each (re)start
 */
public record CommandResult(long sequence, Command command, List<EngineEvent> events) {

    public CommandResult {
        events = List.copyOf(events);
    }
}
