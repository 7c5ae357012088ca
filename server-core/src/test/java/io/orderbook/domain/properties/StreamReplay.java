package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds a {@link CommandStream} to a fresh engine, one command at a time, and lets audits check each step.
 * A failure names the command that broke the property and what it produced.
 */
final class StreamReplay {
    private StreamReplay() {
    }

    /** The events of each command, in order. */
    record Outcome(List<List<EngineEvent>> eventsPerCommand, MatchingEngine engine) {

        List<EngineEvent> allEvents() {
            return eventsPerCommand.stream().flatMap(List::stream).toList();
        }
    }

    static Outcome run(CommandStream stream, StreamAudit... audits) {
        List<EngineEvent> buffer = new ArrayList<>();
        MatchingEngine engine = new MatchingEngine(buffer::add);
        stream.markets().forEach(engine::addMarket);
        for (StreamAudit audit : audits) {
            audit.start(engine);
        }
        List<List<EngineEvent>> perCommand = new ArrayList<>(stream.commands().size());
        for (int i = 0; i < stream.commands().size(); i++) {
            Command command = stream.commands().get(i);
            buffer.clear();
            try {
                engine.apply(command);
                List<EngineEvent> events = List.copyOf(buffer);
                perCommand.add(events);
                for (StreamAudit audit : audits) {
                    audit.after(command, events, engine);
                }
            } catch (PropertyViolation violation) {
                throw new PropertyViolation(violation.kind(), describe(i, command, buffer) + violation.detail(), i,
                        violation.getCause());
            } catch (RuntimeException unexpected) {
                // An exception escaping the engine is itself a failure; name it by its type.
                throw new PropertyViolation("engine threw " + unexpected.getClass().getSimpleName(),
                        describe(i, command, buffer) + unexpected, i, unexpected);
            }
        }
        return new Outcome(perCommand, engine);
    }

    private static String describe(int index, Command command, List<EngineEvent> events) {
        StringBuilder text = new StringBuilder("at command ").append(index).append(": ").append(command)
                .append("\n  which produced:\n");
        events.forEach(event -> text.append("    ").append(event).append('\n'));
        return text.append("  ").toString();
    }
}
