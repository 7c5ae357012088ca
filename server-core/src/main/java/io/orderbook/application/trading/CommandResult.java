package io.orderbook.application.trading;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;

import java.util.List;
import java.util.Objects;

/**
 * One command, the context it came with, and what became of it: the events it produced, in order, or why the
 * sequencer answered it without applying it.
 *
 * @param sequence position of the command in the engine's history, starting at 1 after each (re)start; for
 *                 {@link Status#REPLAYED} that of the first answer, for a refusal 0
 * @param command  the command as submitted
 * @param context  what came with it ({@link CommandContext#NONE} if nothing)
 * @param events   what the engine did; empty when the sequencer refused the command
 * @param status   how the sequencer handled it
 */
public record CommandResult(long sequence, Command command, CommandContext context, List<EngineEvent> events,
                            Status status) {

    /**
     * Copies the events, so the result cannot change afterwards.
     *
     * @throws NullPointerException if the command, context, status or events are null
     */
    public CommandResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(status, "status");
        events = List.copyOf(events);
    }

    /**
     * A command the engine applied, without context.
     *
     * @param sequence position of the command in the engine's history
     * @param command  the command
     * @param events   what the engine did, in order
     */
    public CommandResult(long sequence, Command command, List<EngineEvent> events) {
        this(sequence, command, CommandContext.NONE, events, Status.APPLIED);
    }

    /** A command the sequencer refused before the engine saw it. */
    static CommandResult refused(Command command, CommandContext context, Status status) {
        return new CommandResult(0, command, context, List.of(), status);
    }

    /**
     * Whether the engine applied this command now (its events may still say the engine rejected it).
     *
     * @return true for {@link Status#APPLIED}; false for a replay or a refusal
     */
    public boolean applied() {
        return status == Status.APPLIED;
    }

    /** This result handed out again as the answer to a retry. */
    CommandResult asReplay() {
        return new CommandResult(sequence, command, context, events, Status.REPLAYED);
    }

    /** How the sequencer handled a command. */
    public enum Status {
        /** The engine applied the command; its events say whether the engine accepted or rejected it. */
        APPLIED,
        /**
         * A retry: the command carried an idempotency key already answered with the same fingerprint. This is
         * that first answer (its command, context and events); nothing was applied now.
         */
        REPLAYED,
        /** Refused before the engine: the user already has an order with this client order id. */
        DUPLICATE_CLIENT_ORDER_ID,
        /** Refused before the engine: the idempotency key was already used for a different request. */
        IDEMPOTENCY_KEY_REUSED
    }
}
