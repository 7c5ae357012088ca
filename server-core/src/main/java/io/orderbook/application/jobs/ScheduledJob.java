package io.orderbook.application.jobs;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named job and its schedule.
 *
 * @param name     lower-case words joined by dashes, e.g. {@code order-expiry}; unique in a scheduler
 * @param schedule when it runs; empty when it is disabled (it can still be run by hand)
 * @param task     the work
 */
public record ScheduledJob(String name, Optional<CronSchedule> schedule, JobTask task) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Checks the name and that every component is present.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the name is not lower-case words joined by dashes, or longer than 64
     */
    public ScheduledJob {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches() || name.length() > 64) {
            throw new IllegalArgumentException("a job name is lower-case words joined by dashes: " + name);
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(task, "task");
    }
}
