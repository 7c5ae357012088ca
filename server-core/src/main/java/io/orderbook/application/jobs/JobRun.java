package io.orderbook.application.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a job, as the cluster-wide history keeps it.
 *
 * @param id         the history's id of the run
 * @param job        the job's name
 * @param fireTime   the fire time it ran for (manual runs: when asked)
 * @param trigger    whether the schedule or an administrator started it
 * @param instance   the server instance that ran it
 * @param startedAt  when it started
 * @param finishedAt when it ended; empty while running
 * @param result     how it ended
 * @param message    the task's summary, or why it failed or was skipped
 */
public record JobRun(long id, String job, Instant fireTime, Trigger trigger, String instance, Instant startedAt,
                     Optional<Instant> finishedAt, Result result, Optional<String> message) {

    /** Longest message kept; longer ones are cut. */
    public static final int MAX_MESSAGE = 1000;

    /**
     * Checks that every component is present (the optional ones as {@link Optional}s).
     *
     * @throws NullPointerException if a component other than {@code id} is null
     */
    public JobRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(fireTime, "fireTime");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
    }

    /**
     * How long it ran.
     *
     * @return the time from start to end; empty while running
     */
    public Optional<Duration> duration() {
        return finishedAt.map(end -> Duration.between(startedAt, end));
    }

    /** What started a run. */
    public enum Trigger {
        /** Its fire time came on the job's schedule. */
        SCHEDULE,
        /** An administrator ran it by hand. */
        MANUAL
    }

    /** How a run ended (or that it has not yet). */
    public enum Result {
        /** Started and not yet ended. */
        RUNNING,
        /** The task completed; the message is its summary. */
        OK,
        /** The task threw; the message is the exception's. */
        FAILED,
        /** The fire time was claimed but the previous run of the job was still going somewhere in the cluster. */
        SKIPPED
    }
}
