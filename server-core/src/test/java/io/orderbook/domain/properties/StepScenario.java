package io.orderbook.domain.properties;

import java.util.List;

/**
 * A generated scenario that a property replays step by step. Any subsequence of its steps is again a valid
 * scenario, which is what lets a failing one be cut down (see {@link StreamProperties}).
 */
interface StepScenario<T, S extends StepScenario<T, S>> {

    List<T> steps();

    /** The same scenario with other steps. */
    S withSteps(List<T> steps);

    /** Every step, one per line, numbered. */
    String listing();
}
