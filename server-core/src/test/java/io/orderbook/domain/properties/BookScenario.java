package io.orderbook.domain.properties;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A random sequence of operations on one order book: limit orders (resting or immediate-or-cancel, some with
 * an expiry), market orders (some limited by a quote budget), cancels, quantity reductions, replacements,
 * takes, and the passing of time, by three users so that self-trade prevention comes up often.
 *
 * <p>Steps are raw draws that are only interpreted when run ("the k-th resting order", "a price near the mid"),
 * so any subsequence of steps is again a valid scenario.
 */
record BookScenario(long unitNotional, List<BookScenario.Step> steps)
        implements StepScenario<BookScenario.Step, BookScenario> {

    /** The operation a step performs, by the first draw modulo 100. */
    enum Kind {
        LIMIT(40), MARKET(50), CANCEL(62), REDUCE(72), REPLACE(87), TAKE(94), WAIT(100);

        private final int below;

        Kind(int below) {
            this.below = below;
        }

        static Kind of(int draw) {
            for (Kind kind : values()) {
                if (draw % 100 < kind.below) {
                    return kind;
                }
            }
            throw new AssertionError();
        }
    }

    /** One operation, as the random draws that choose its details. */
    record Step(int kind, int a, int b, int c, int d, int e) {

        Kind operation() {
            return Kind.of(kind);
        }

        @Override
        public String toString() {
            return operation() + "(" + a + ", " + b + ", " + c + ", " + d + ", " + e + ")";
        }
    }

    BookScenario {
        steps = List.copyOf(steps);
    }

    static Gen<BookScenario> scenarios(int minSteps, int maxSteps) {
        Gen<Integer> draw = Generate.range(0, 9_999);
        Gen<Integer> count = Generate.range(minSteps, maxSteps);
        Gen<Long> unitNotional = Generate.pick(List.of(1L, 3L, 10L));
        Gen<BookScenario> gen = in -> {
            long unit = unitNotional.generate(in);
            int size = count.generate(in);
            List<Step> steps = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                steps.add(new Step(draw.generate(in), draw.generate(in), draw.generate(in), draw.generate(in),
                        draw.generate(in), draw.generate(in)));
            }
            return new BookScenario(unit, steps);
        };
        return gen.describedAs(s -> "BookScenario[unitNotional " + s.unitNotional() + ", " + s.steps().size()
                + " steps]");
    }

    @Override
    public BookScenario withSteps(List<Step> newSteps) {
        return new BookScenario(unitNotional, newSteps);
    }

    @Override
    public String listing() {
        StringBuilder text = new StringBuilder("  unitNotional " + unitNotional + "\n");
        for (int i = 0; i < steps.size(); i++) {
            text.append(String.format("  %4d %s%n", i, steps.get(i)));
        }
        return text.toString();
    }
}
