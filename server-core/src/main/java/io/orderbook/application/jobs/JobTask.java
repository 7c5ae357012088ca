package io.orderbook.application.jobs;

import java.time.Instant;

/** The work of a job; the scheduler decides when and where it runs. */
@FunctionalInterface
public interface JobTask {

    /**
     * Does the work once.
     *
     * @param fireTime the fire time the run is for (for a manual run, when it was asked for)
     * @return a short summary for the run history, e.g. {@code "expired 3 orders"}
     * @throws Exception when the work failed; the run is recorded as FAILED with the exception's message
     */
    String run(Instant fireTime) throws Exception;
}
