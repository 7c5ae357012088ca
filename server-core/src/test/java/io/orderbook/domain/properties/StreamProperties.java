package io.orderbook.domain.properties;

import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.quicktheories.QuickTheory.qt;

/**
 * Runs a property over generated scenarios (command streams, book operations) with QuickTheories and, when it
 * fails, also minimises the smallest failing scenario step by step, so the report ends with a short listing
 * that still breaks the same property.
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

    static <T, S extends StepScenario<T, S>> void forAll(Gen<S> scenarios, int examples, Consumer<S> property) {
        AtomicReference<Failure<S>> smallest = new AtomicReference<>();
        try {
            qt().withExamples(examples).withShrinkCycles(SHRINK_CYCLES).forAll(scenarios).checkAssert(scenario -> {
                try {
                    property.accept(scenario);
                } catch (AssertionError | RuntimeException failure) {
                    Failure<S> sofar = smallest.get();
                    if (sofar == null || scenario.steps().size() <= sofar.scenario.steps().size()) {
                        smallest.set(new Failure<>(scenario, failure));
                    }
                    throw failure;
                }
            });
        } catch (AssertionError reported) {
            if (smallest.get() == null) {
                throw reported;
            }
            Failure<S> minimal = minimise(smallest.get(), property);
            throw new AssertionError(reported.getMessage()
                    + "\n\nMinimised failing scenario (" + minimal.scenario.steps().size() + " steps):\n"
                    + minimal.scenario.listing() + "fails with:\n" + minimal.failure.getMessage(), minimal.failure);
        }
    }

    private record Failure<S>(S scenario, Throwable failure) {

        String kind() {
            return failure instanceof PropertyViolation violation ? violation.kind() : failure.getClass().getName();
        }
    }

    /** Removes ever smaller runs of steps while the same property keeps failing. */
    private static <T, S extends StepScenario<T, S>> Failure<S> minimise(Failure<S> start, Consumer<S> property) {
        long deadline = System.currentTimeMillis() + MINIMISER_MILLIS;
        int runs = 0;
        Failure<S> best = start;
        if (start.failure instanceof PropertyViolation violation && violation.stepIndex() >= 0
                && violation.stepIndex() < start.scenario.steps().size()) {
            Failure<S> truncated = attempt(start, start.scenario.steps().subList(0, violation.stepIndex() + 1),
                    property);
            runs++;
            if (truncated != null) {
                best = truncated;
            }
        }
        int chunk = Math.max(1, best.scenario.steps().size() / 2);
        while (runs < MINIMISER_RUNS && System.currentTimeMillis() < deadline) {
            boolean removedAny = false;
            for (int from = 0; from < best.scenario.steps().size()
                    && runs < MINIMISER_RUNS && System.currentTimeMillis() < deadline; ) {
                List<T> candidate = new ArrayList<>(best.scenario.steps());
                candidate.subList(from, Math.min(from + chunk, candidate.size())).clear();
                Failure<S> smaller = attempt(best, candidate, property);
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

    /** The failure of {@code steps} if it fails the same way as {@code current}, else null. */
    private static <T, S extends StepScenario<T, S>> Failure<S> attempt(Failure<S> current, List<T> steps,
                                                                      Consumer<S> property) {
        S candidate = current.scenario.withSteps(steps);
        try {
            property.accept(candidate);
            return null;
        } catch (AssertionError | RuntimeException failure) {
            Failure<S> result = new Failure<>(candidate, failure);
            return result.kind().equals(current.kind()) ? result : null;
        }
    }
}
