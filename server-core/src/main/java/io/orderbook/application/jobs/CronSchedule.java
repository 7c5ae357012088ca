package io.orderbook.application.jobs;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * When a job runs: a cron expression with six fields, {@code second minute hour day-of-month month day-of-week}
 * (Spring's syntax, e.g. {@code *}{@code /5 * * * * *} every five seconds, {@code 0 30 3 * * *} daily at 03:30),
 * evaluated in UTC. Parsing and evaluation are cron-utils'.
 */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ExecutionTime executionTime) {
        this.expression = expression;
        this.executionTime = executionTime;
    }

    /**
     * Parses a six-field cron expression.
     *
     * @param expression the expression; surrounding and repeated whitespace is ignored
     * @return the schedule
     * @throws IllegalArgumentException with a message fit for an operator when the expression is not valid
     */
    public static CronSchedule parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.strip().replaceAll("\\s+", " ");
        if (trimmed.split(" ").length != 6) {
            throw new IllegalArgumentException("'" + expression + "' is not a cron expression of six fields"
                    + " (second minute hour day-of-month month day-of-week), e.g. '0 */5 * * * *'");
        }
        try {
            return new CronSchedule(trimmed, ExecutionTime.forCron(PARSER.parse(trimmed).validate()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a valid cron expression: " + e.getMessage(), e);
        }
    }

    /**
     * The first fire time strictly after {@code instant}.
     *
     * @param instant the time to look after
     * @return the next fire time, in whole seconds, or empty if the expression never fires again
     */
    public Optional<Instant> nextAfter(Instant instant) {
        // cron-utils keeps the fraction of a second it is given; fire times are whole seconds.
        return executionTime.nextExecution(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC))
                .map(next -> next.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The expression as configured.
     *
     * @return the expression, trimmed, with single spaces between its fields
     */
    public String expression() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
