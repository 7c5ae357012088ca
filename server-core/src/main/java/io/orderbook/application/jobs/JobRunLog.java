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
     *
     * @param job       the job's name
     * @param fireTime  the fire time the run is for
     * @param trigger   what started it
     * @param instance  the server instance that runs it
     * @param startedAt when it starts
     * @return the recorded run, {@code RUNNING}; empty when the fire time is taken
     */
    Optional<JobRun> started(String job, Instant fireTime, JobRun.Trigger trigger, String instance, Instant startedAt);

    /**
     * Records how a started run ended.
     *
     * @param runId      the id {@link #started} gave the run
     * @param finishedAt when it ended
     * @param result     how it ended
     * @param message    the task's summary or the failure, cut to {@link JobRun#MAX_MESSAGE} characters; may be null
     * @return the run as recorded now
     */
    JobRun finished(long runId, Instant finishedAt, JobRun.Result result, String message);

    /**
     * Each job's latest run (by start).
     *
     * @return the runs by job name; a job that never ran is absent
     */
    Map<String, JobRun> latest();

    /**
     * A job's runs, newest first.
     *
     * @param job  the job's name
     * @param page which page of the history
     * @return the page of runs, with the total count
     */
    Page<JobRun> runs(String job, PageRequest page);

    /**
     * Deletes runs started before {@code cutoff}.
     *
     * @param cutoff the oldest start time kept
     * @return how many runs were deleted
     */
    long deleteStartedBefore(Instant cutoff);
}
