package io.orderbook.app.client.admin;

import java.time.Instant;

/**
 * A job the server runs on a schedule.
 *
 * @param schedule   its cron expression or interval as the server describes it
 * @param lastRunAt  when it last ran, or null when it has not run yet
 * @param lastResult what that run did ({@code SUCCEEDED}, {@code FAILED: ...}), or null
 * @param nextRunAt  when it runs next, or null when it is not scheduled
 */
public record ScheduledJob(String name, String schedule, Instant lastRunAt, String lastResult, Instant nextRunAt) {
}
