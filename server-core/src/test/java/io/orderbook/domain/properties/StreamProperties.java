package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.quicktheories.QuickTheory.qt;

/**
 * Runs a property over generated command streams with QuickTheories and, when it fails, also minimises the
 * smallest failing stream command by command, so the report ends with a short stream that still breaks the
 * same property.
 *
 * <p>Reproduce a failure with the seed QuickTheories prints: {@code -DQT_SEED=<seed>}.
 */
final class StreamProperties {
    /** QuickTheories' own shrinking works on the random draws; the command-level minimiser does the rest. */
    private static final int SHRINK_CYCLES = 200;
    private static final int MINIMISER_RUNS = 4_000;
    private static final long MINIMISER_MILLIS = 20_000;

    private StreamProperties() {
    }

    static void forAll(Gen<CommandStream> streams, int examples, Consumer<CommandStream> property) {
        Failure[] smallest = new Failure[1];
        try {
            qt().withExamples(examples).withShrinkCycles(SHRINK_CYCLES).forAll(streams).checkAssert(stream -> {
                try {
                    property.accept(stream);
                } catch (AssertionError | RuntimeException failure) {
                    if (smallest[0] == null || stream.commands().size() <= smallest[0].stream.commands().size()) {
                        smallest[0] = new Failure(stream, failure);
                    }
                    throw failure;
                }
            });
        } catch (AssertionError reported) {
            if (smallest[0] == null) {
                throw reported;
            }
            Failure minimal = minimise(smallest[0], property);
            AssertionError failure = new AssertionError(reported.getMessage()
                    + "\n\nMinimised failing stream (" + minimal.stream.commands().size() + " commands):\n"
                    + minimal.stream.listing() + "fails with:\n" + minimal.failure.getMessage(), minimal.failure);
            throw failure;
        }
    }

    private record Failure(CommandStream stream, Throwable failure) {

        String kind() {
            return failure instanceof PropertyViolation violation ? violation.kind() : failure.getClass().getName();
        }
    }

    /** Removes ever smaller runs of commands while the same property keeps failing. */
    private static Failure minimise(Failure start, Consumer<CommandStream> property) {
        long deadline = System.currentTimeMillis() + MINIMISER_MILLIS;
        int runs = 0;
        Failure best = start;
        if (start.failure instanceof PropertyViolation violation && violation.commandIndex() >= 0) {
            Failure truncated = attempt(start, start.stream.commands().subList(0, violation.commandIndex() + 1),
                    property);
            runs++;
            if (truncated != null) {
                best = truncated;
            }
        }
        int chunk = Math.max(1, best.stream.commands().size() / 2);
        while (runs < MINIMISER_RUNS && System.currentTimeMillis() < deadline) {
            boolean removedAny = false;
            for (int from = 0; from < best.stream.commands().size()
                    && runs < MINIMISER_RUNS && System.currentTimeMillis() < deadline; ) {
                List<Command> candidate = new ArrayList<>(best.stream.commands());
                candidate.subList(from, Math.min(from + chunk, candidate.size())).clear();
                Failure smaller = attempt(best, candidate, property);
                runs++;
                if (smaller != null) {
                    best = smaller;
                    removedAny = true;
                } else {
                    from += chunk;
                }
            }
            if (!removedAny) {
                if (chunk == 1) {
                    break;
                }
                chunk = Math.max(1, chunk / 2);
            }
        }
        return best;
    }

    /** The failure of {@code commands} if it fails the same way as {@code current}, else null. */
    private static Failure attempt(Failure current, List<Command> commands, Consumer<CommandStream> property) {
        CommandStream candidate = current.stream.withCommands(commands);
        try {
            property.accept(candidate);
            return null;
        } catch (AssertionError | RuntimeException failure) {
            Failure result = new Failure(candidate, failure);
            return result.kind().equals(current.kind()) ? result : null;
        }
    }
}
