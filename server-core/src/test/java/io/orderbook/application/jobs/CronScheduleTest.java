package io.orderbook.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void nextFireTimesAreWholeSecondsStrictlyAfterTheInstantInUtc() {
        CronSchedule everyFive = CronSchedule.parse("*/5 * * * * *");
        assertThat(everyFive.nextAfter(Instant.parse("2030-01-02T03:04:05Z"))).contains(Instant.parse("2030-01-02T03:04:10Z"));
        assertThat(everyFive.nextAfter(Instant.parse("2030-01-02T03:04:05.999Z"))).contains(Instant.parse("2030-01-02T03:04:10Z"));
        assertThat(everyFive.nextAfter(Instant.parse("2030-01-02T03:04:09.5Z"))).contains(Instant.parse("2030-01-02T03:04:10Z"));
        CronSchedule daily = CronSchedule.parse("0 30 3 * * *");
        assertThat(daily.nextAfter(Instant.parse("2030-01-02T03:30:00Z"))).contains(Instant.parse("2030-01-03T03:30:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2030-01-02T01:00:00Z"))).contains(Instant.parse("2030-01-02T03:30:00Z"));
    }

    @Test
    void refusesExpressionsThatAreNotSixValidFields() {
        assertThatThrownBy(() -> CronSchedule.parse("*/5 * * * *")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("six fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * * *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CronSchedule.parse("a b c d e f")).isInstanceOf(IllegalArgumentException.class);
    }
}
