package io.orderbook.app.client.admin;

import java.time.Instant;

/**
 * A job the server runs on a schedule.
 *
 * @param name       its name, e.g. {@code market-stats}
 * @param schedule   its cron expression, or null when it is disabled
 * @param lastRunAt  when its last run started, or null when it has not run yet
 * @param lastResult how that run ended ({@code OK}, {@code RUNNING}, {@code SKIPPED}, {@code FAILED: message}),
 *                   or null
 * @param nextRunAt  when it runs next, or null when it is disabled
 */
public record ScheduledJob(String name, String schedule, Instant lastRunAt, String lastResult, Instant nextRunAt) {

    /**
     * A run's result as the screen shows it.
     *
     * @param result  the run's result ({@code OK}, {@code FAILED}...), or null when there was no run
     * @param message what the run said, or null
     * @return the result, with the message after a colon when there is one; null without a result
     */
    public static String result(String result, String message) {
        if (result == null) return null;
        return message == null || message.isBlank() ? result : result + ": " + message;
    }
}
