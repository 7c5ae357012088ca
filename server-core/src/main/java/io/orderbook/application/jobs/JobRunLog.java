package io.orderbook.application.jobs;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The history of job runs that every instance of the cluster reads and writes (PostgreSQL). */
public interface JobRunLog {

    /**
     * Records that a run starts; empty when this job's fire time (for this trigger) is already recorded, i.e.
     * another instance has it.
     */
    Optional<JobRun> started(String job, Instant fireTime, JobRun.Trigger trigger, String instance, Instant startedAt);

    /** Records how a started run ended and returns it. */
    JobRun finished(long runId, Instant finishedAt, JobRun.Result result, String message);

    /** Each job's latest run (by start), by job name. */
    Map<String, JobRun> latest();

    /** A job's runs, newest first. */
    Page<JobRun> runs(String job, PageRequest page);

    /** Deletes runs started before {@code cutoff}; returns how many. */
    long deleteStartedBefore(Instant cutoff);
}
