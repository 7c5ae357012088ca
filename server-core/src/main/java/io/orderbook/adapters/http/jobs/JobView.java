package io.orderbook.adapters.http.jobs;

import io.orderbook.application.jobs.CronSchedule;
import io.orderbook.application.jobs.JobStatus;
import java.time.Instant;

/** A job ({@code Job} in the API document); {@code cron} and {@code nextRunAt} are null when it is disabled. */
record JobView(String name, boolean enabled, String cron, Instant nextRunAt, JobRunView lastRun) {

    static JobView of(JobStatus status) {
        return new JobView(status.name(), status.schedule().isPresent(),
                status.schedule().map(CronSchedule::expression).orElse(null), status.nextRun().orElse(null),
                status.lastRun().map(JobRunView::of).orElse(null));
    }
}
