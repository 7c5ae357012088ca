package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.model.Market;

import java.util.List;

/**
 * A generated scenario: the markets an engine starts with and the commands it is fed, in order.
 * Prints as a numbered listing so a failing stream can be read and replayed.
 */
record CommandStream(List<Market> markets, List<Command> commands)
        implements StepScenario<Command, CommandStream> {

    CommandStream {
        markets = List.copyOf(markets);
        commands = List.copyOf(commands);
    }

    @Override
    public List<Command> steps() {
        return commands;
    }

    @Override
    public CommandStream withSteps(List<Command> newCommands) {
        return new CommandStream(markets, newCommands);
    }

    /** A short description for QuickTheories' list of other falsifying values. */
    String summary() {
        long users = commands.stream().filter(Command.AdjustBalance.class::isInstance)
                .mapToLong(c -> ((Command.AdjustBalance) c).userId()).distinct().count();
        return "CommandStream[" + commands.size() + " commands, " + users + " funded users, markets "
                + markets.stream().map(m -> m.symbol() + "(maker " + m.makerFeePpm() + " ppm, taker "
                + m.takerFeePpm() + " ppm, stp " + m.defaultStp() + ")").toList() + "]";
    }

    /** Every market and command, one per line. */
    @Override
    public String listing() {
        StringBuilder text = new StringBuilder();
        markets.forEach(m -> text.append("  market ").append(m).append('\n'));
        for (int i = 0; i < commands.size(); i++) {
            text.append(String.format("  %4d %s%n", i, commands.get(i)));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
