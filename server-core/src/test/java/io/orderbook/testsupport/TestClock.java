package io.orderbook.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that stands still until a test moves it, for exact timestamps in assertions. */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** A clock at a fixed, whole-second instant. */
    public static TestClock atFixedInstant() {
        return new TestClock(Instant.parse("2030-01-02T03:04:05Z"));
    }

    /** A clock at the current time truncated to microseconds, the precision PostgreSQL stores. */
    public static TestClock atSystemTime() {
        return new TestClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("TestClock is always UTC");
    }
}
