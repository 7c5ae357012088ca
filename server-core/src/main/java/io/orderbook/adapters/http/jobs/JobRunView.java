package io.orderbook.adapters.http.jobs;

import io.orderbook.application.jobs.JobRun;
import java.time.Duration;
import java.time.Instant;

/** One run of a job ({@code JobRun} in the API document); {@code finishedAt} and {@code durationMillis} null while running. */
record JobRunView(long id, String job, Instant fireTime, JobRun.Trigger trigger, String instance,
                         Instant startedAt, Instant finishedAt, Long durationMillis, JobRun.Result result,
                         String message) {

    static JobRunView of(JobRun run) {
        return new JobRunView(run.id(), run.job(), run.fireTime(), run.trigger(), run.instance(), run.startedAt(),
                run.finishedAt().orElse(null), run.duration().map(Duration::toMillis).orElse(null), run.result(),
                run.message().orElse(null));
    }
}
