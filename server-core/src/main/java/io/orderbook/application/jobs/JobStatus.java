package io.orderbook.application.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * A job as administrators see it.
 *
 * @param name     the job's name
 * @param schedule its cron schedule; empty when disabled
 * @param lastRun  its latest run anywhere in the cluster
 * @param nextRun  its next fire time; empty when disabled
 */
public record JobStatus(String name, Optional<CronSchedule> schedule, Optional<JobRun> lastRun,
                        Optional<Instant> nextRun) {
}
