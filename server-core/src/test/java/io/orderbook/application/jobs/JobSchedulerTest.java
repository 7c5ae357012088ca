package io.orderbook.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.jobs.PostgresJobRunLog;
import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.adapters.scheduling.RedisJobClaims;
import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** The scheduler against the real Redis and PostgreSQL: cron fire times, once per cluster, failures recorded. */
class JobSchedulerTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();

    private final TestClock clock = new TestClock(Instant.parse("2030-01-02T03:04:05Z"));
    private final PostgresJobRunLog history = new PostgresJobRunLog(db.database());

    private JobScheduler scheduler(String instance, RedissonClient client, Clock clock, ScheduledJob... jobs) {
        return new JobScheduler(List.of(jobs), new RedisJobClaims(client, instance), history, clock, instance,
                Duration.ofMinutes(1));
    }

    private static ScheduledJob job(String name, String cron, JobTask task) {
        return new ScheduledJob(name, Optional.of(CronSchedule.parse(cron)), task);
    }

    private static List<Optional<JobRun>> join(List<CompletableFuture<Optional<JobRun>>> runs) {
        return runs.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void runsAtTheCronFireTimesOfTheClockAndRecordsEachRun() {
        List<Instant> fired = new CopyOnWriteArrayList<>();
        try (JobScheduler scheduler = scheduler("node-a", redis.client(), clock,
                job("every-ten-seconds", "*/10 * * * * *", fireTime -> {
                    fired.add(fireTime);
                    return "fired";
                }))) {
            assertThat(join(scheduler.runDue())).isEmpty();
            clock.set(Instant.parse("2030-01-02T03:04:09.999Z"));
            assertThat(join(scheduler.runDue())).isEmpty();
            clock.set(Instant.parse("2030-01-02T03:04:10Z"));
            assertThat(join(scheduler.runDue())).hasSize(1);
            clock.set(Instant.parse("2030-01-02T03:04:15Z"));
            assertThat(join(scheduler.runDue())).isEmpty();
            // Asleep past several fire times: the latest one runs, the missed ones are not made up.
            clock.set(Instant.parse("2030-01-02T03:04:41Z"));
            assertThat(join(scheduler.runDue())).hasSize(1);

            assertThat(fired).containsExactly(Instant.parse("2030-01-02T03:04:10Z"), Instant.parse("2030-01-02T03:04:40Z"));
            List<JobRun> runs = history.runs("every-ten-seconds", PageRequest.first(10)).items();
            assertThat(runs).extracting(JobRun::fireTime)
                    .containsExactly(Instant.parse("2030-01-02T03:04:40Z"), Instant.parse("2030-01-02T03:04:10Z"));
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.result()).isEqualTo(JobRun.Result.OK);
                assertThat(run.message()).contains("fired");
                assertThat(run.instance()).isEqualTo("node-a");
                assertThat(run.trigger()).isEqualTo(JobRun.Trigger.SCHEDULE);
                assertThat(run.duration()).isPresent();
            });
            assertThat(scheduler.statuses()).singleElement().satisfies(status -> {
                assertThat(status.nextRun()).contains(Instant.parse("2030-01-02T03:04:50Z"));
                assertThat(status.lastRun().map(JobRun::fireTime)).contains(Instant.parse("2030-01-02T03:04:40Z"));
            });
        }
    }

    @Test
    void twoInstancesSharingRedisAndTheDatabaseRunEachFireTimeExactlyOnce() throws Exception {
        ConcurrentHashMap<Instant, AtomicInteger> runsPerFireTime = new ConcurrentHashMap<>();
        JobTask task = fireTime -> {
            runsPerFireTime.computeIfAbsent(fireTime, t -> new AtomicInteger()).incrementAndGet();
            return "ok";
        };
        RedissonClient otherNode = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        try (JobScheduler a = scheduler("node-a", redis.client(), clock, job("shared", "* * * * * *", task));
             JobScheduler b = scheduler("node-b", otherNode, clock, job("shared", "* * * * * *", task))) {
            int fireTimes = 30;
            for (int i = 0; i < fireTimes; i++) {
                clock.advance(Duration.ofSeconds(1));
                // Both nodes see the fire time at the same moment.
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<List<Optional<JobRun>>> onA = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return join(a.runDue());
                });
                CompletableFuture<List<Optional<JobRun>>> onB = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return join(b.runDue());
                });
                go.countDown();
                onA.get();
                onB.get();
            }
            assertThat(runsPerFireTime).hasSize(fireTimes);
            assertThat(runsPerFireTime.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            List<JobRun> runs = history.runs("shared", PageRequest.first(100)).items();
            assertThat(runs).hasSize(fireTimes);
            assertThat(runs).extracting(JobRun::instance).containsOnly("node-a", "node-b");
        } finally {
            otherNode.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailureIsRecordedWithItsMessageAndTheScheduleGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        try (JobScheduler scheduler = scheduler("node-a", redis.client(), clock, job("flaky", "*/5 * * * * *", fireTime -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the disk is full");
            }
            return "recovered";
        }))) {
            clock.advance(Duration.ofSeconds(5));
            JobRun failed = join(scheduler.runDue()).getFirst().orElseThrow();
            clock.advance(Duration.ofSeconds(5));
            JobRun ok = join(scheduler.runDue()).getFirst().orElseThrow();

            assertThat(failed.result()).isEqualTo(JobRun.Result.FAILED);
            assertThat(failed.message()).contains("IllegalStateException: the disk is full");
            assertThat(ok.result()).isEqualTo(JobRun.Result.OK);
            assertThat(ok.message()).contains("recovered");
        }
    }

    @Test
    void aRunNowWhileTheJobRunsOnAnotherInstanceIsSkippedAndRecorded() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobTask slow = fireTime -> {
            running.countDown();
            release.await();
            return "slow";
        };
        RedissonClient otherNode = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        try (JobScheduler a = scheduler("node-a", redis.client(), clock, job("slow", "0 0 * * * *", slow));
             JobScheduler b = scheduler("node-b", otherNode, clock, job("slow", "0 0 * * * *", slow))) {
            CompletableFuture<JobRun> first = CompletableFuture.supplyAsync(() -> a.runNow("slow"));
            running.await();
            clock.advance(Duration.ofMillis(1));
            JobRun second = b.runNow("slow");
            release.countDown();

            assertThat(second.result()).isEqualTo(JobRun.Result.SKIPPED);
            assertThat(second.trigger()).isEqualTo(JobRun.Trigger.MANUAL);
            assertThat(first.get().result()).isEqualTo(JobRun.Result.OK);
        } finally {
            release.countDown();
            otherNode.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void theTimerRunsAShortScheduleOnTheSystemClock() {
        List<Instant> fired = new CopyOnWriteArrayList<>();
        try (JobScheduler scheduler = scheduler("node-a", redis.client(), Clock.systemUTC(),
                job("every-second", "* * * * * *", fireTime -> {
                    fired.add(fireTime);
                    return "tick";
                })).start()) {
            Eventually.await(Duration.ofSeconds(5), "three runs", () -> fired.size() >= 3);
        }
        List<Instant> seen = new ArrayList<>(fired);
        assertThat(seen).allSatisfy(fireTime -> assertThat(fireTime.getNano()).isZero());
        assertThat(seen).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void disabledJobsDoNotRunOnScheduleButCanBeRunByHand() {
        AtomicInteger calls = new AtomicInteger();
        try (JobScheduler scheduler = scheduler("node-a", redis.client(), clock,
                new ScheduledJob("disabled", Optional.empty(), fireTime -> "run " + calls.incrementAndGet()))) {
            clock.advance(Duration.ofDays(1));
            assertThat(join(scheduler.runDue())).isEmpty();
            JobRun manual = scheduler.runNow("disabled");
            assertThat(manual.message()).contains("run 1");
            assertThat(scheduler.statuses().getFirst().nextRun()).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
