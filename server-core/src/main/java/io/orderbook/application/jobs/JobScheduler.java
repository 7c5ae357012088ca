package io.orderbook.application.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on their cron schedules, once per fire time in the whole cluster, and records every run.
 *
 * <p>A timer thread wakes at the next fire time (at least once a second, so a clock that jumps is noticed) and
 * hands each due job to a worker thread. A run first claims its fire time ({@link JobClaims#claimFireTime}): only
 * the instance that wins runs it. It then records the run ({@link JobRunLog}), takes the job's run lock so that a
 * job never overlaps itself anywhere in the cluster (a run that finds it taken is recorded as SKIPPED), runs the
 * task and records how it ended: OK with the task's summary, or FAILED with the exception's message. A failure
 * never stops the schedule. Fire times missed while the instance was busy or asleep are not made up: the latest
 * due one runs.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    /** The timer wakes at least this often, so that a clock that jumps (or a test clock) is noticed. */
    private static final Duration MAX_SLEEP = Duration.ofSeconds(1);
    /** Bound on the fire times walked when catching up after a long sleep. */
    private static final int MAX_CATCH_UP = 100_000;

    private final Map<String, JobState> jobs = new LinkedHashMap<>();
    private final JobClaims claims;
    private final JobRunLog log;
    private final Clock clock;
    private final String instance;
    private final Duration runLease;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-timer").daemon().factory());
    private volatile boolean closed;

    /**
     * A scheduler for {@code jobs}, idle until {@link #start()}; each job's first fire time is the first after now.
     *
     * @param jobs     the jobs, with unique names
     * @param claims   the cluster-wide fire-time claims and run locks
     * @param log      the cluster-wide run history
     * @param clock    the time fire times are compared with
     * @param instance this server instance's name in the run history
     * @param runLease longest a run holds its job's lock; a run that takes longer may overlap the next one
     * @throws IllegalArgumentException if two jobs have the same name
     */
    public JobScheduler(List<ScheduledJob> jobs, JobClaims claims, JobRunLog log, Clock clock, String instance,
                        Duration runLease) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.runLease = Objects.requireNonNull(runLease, "runLease");
        Instant now = clock.instant();
        for (ScheduledJob job : jobs) {
            if (this.jobs.putIfAbsent(job.name(), new JobState(job, now)) != null) {
                throw new IllegalArgumentException("two jobs are named " + job.name());
            }
        }
    }

    /**
     * Starts the timer; until then nothing runs on schedule ({@link #runDue()} still works).
     *
     * @return this scheduler
     */
    public JobScheduler start() {
        timer.execute(this::tick);
        return this;
    }

    /**
     * Starts every job whose fire time has come (by the clock) and that is not already running on this instance.
     * The timer calls it; tests that move a test clock call it instead of starting the timer.
     *
     * @return one future per run started, completing with the recorded run, or empty when another instance had
     *         the fire time
     */
    public List<CompletableFuture<Optional<JobRun>>> runDue() {
        Instant now = clock.instant();
        List<CompletableFuture<Optional<JobRun>>> started = new ArrayList<>();
        for (JobState state : jobs.values()) {
            Optional<Instant> due = state.takeDue(now);
            if (due.isPresent() && !closed) {
                if (!state.running.compareAndSet(false, true)) {
                    LOG.debug("Job {} is still running here; fire time {} is left to the other instances",
                            state.job.name(), due.get());
                    continue;
                }
                started.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return fire(state.job, due.get(), JobRun.Trigger.SCHEDULE);
                    } finally {
                        state.running.set(false);
                    }
                }, workers));
            }
        }
        return started;
    }

    /**
     * Runs a job now, on the calling thread, still once in the cluster: when the job is running elsewhere the run is
     * recorded (and returned) as SKIPPED.
     *
     * @param name the job's name
     * @return the recorded run, ended
     * @throws IllegalArgumentException for an unknown job
     * @throws IllegalStateException    if another instance claimed the same moment for a manual run of the job
     */
    public JobRun runNow(String name) {
        JobState state = jobs.get(name);
        if (state == null) {
            throw new IllegalArgumentException("unknown job " + name);
        }
        Instant asked = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return fire(state.job, asked, JobRun.Trigger.MANUAL)
                .orElseThrow(() -> new IllegalStateException("job " + name + " was just run by hand elsewhere"));
    }

    /**
     * The jobs, in the order given, each with its last run in the cluster and its next fire time.
     *
     * @return one status per job
     */
    public List<JobStatus> statuses() {
        Map<String, JobRun> latest = log.latest();
        Instant now = clock.instant();
        List<JobStatus> statuses = new ArrayList<>(jobs.size());
        for (JobState state : jobs.values()) {
            ScheduledJob job = state.job;
            statuses.add(new JobStatus(job.name(), job.schedule(), Optional.ofNullable(latest.get(job.name())),
                    job.schedule().flatMap(schedule -> schedule.nextAfter(now))));
        }
        return statuses;
    }

    /**
     * The job with this name, if any.
     *
     * @param name the job's name
     * @return the job, or empty if no job has that name
     */
    public Optional<ScheduledJob> job(String name) {
        return Optional.ofNullable(jobs.get(name)).map(state -> state.job);
    }

    /**
     * The run history this scheduler writes to.
     *
     * @return the cluster-wide history given at construction
     */
    public JobRunLog history() {
        return log;
    }

    /** Stops the timer and waits briefly for running jobs to end. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Jobs still running at shutdown are interrupted");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.error("The job timer failed; it goes on", e);
        }
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        long sleep = MAX_SLEEP.toMillis();
        for (JobState state : jobs.values()) {
            if (state.next != null) {
                sleep = Math.min(sleep, Math.max(1, Duration.between(now, state.next).toMillis()));
            }
        }
        try {
            timer.schedule(this::tick, sleep, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // closed meanwhile
        }
    }

    /** Claims, records, locks, runs and records one fire time of a job; empty when another instance has it. */
    private Optional<JobRun> fire(ScheduledJob job, Instant fireTime, JobRun.Trigger trigger) {
        try {
            if (!claims.claimFireTime(job.name() + (trigger == JobRun.Trigger.MANUAL ? "-manual" : ""), fireTime)) {
                return Optional.empty();
            }
            Optional<JobRun> started = log.started(job.name(), fireTime, trigger, instance, clock.instant());
            if (started.isEmpty()) {
                return Optional.empty();
            }
            long runId = started.get().id();
            JobClaims.Held lock = claims.tryLock(job.name(), runLease);
            if (lock == null) {
                return Optional.of(log.finished(runId, clock.instant(), JobRun.Result.SKIPPED,
                        "the previous run was still running"));
            }
            JobRun.Result result;
            String message;
            try {
                message = job.task().run(fireTime);
                result = JobRun.Result.OK;
            } catch (Exception | Error e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("Job {} failed for fire time {}", job.name(), fireTime, e);
                result = JobRun.Result.FAILED;
                message = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
            } finally {
                lock.close();
            }
            return Optional.of(log.finished(runId, clock.instant(), result, message));
        } catch (RuntimeException e) {
            // Redis or the database failed around the task: this fire time is lost, the schedule goes on.
            LOG.error("Could not run job {} for fire time {}", job.name(), fireTime, e);
            throw e;
        }
    }

    /** A job and, when scheduled, its next fire time; {@code next} is changed by the timer thread only. */
    private static final class JobState {
        final ScheduledJob job;
        final AtomicBoolean running = new AtomicBoolean();
        volatile Instant next;

        JobState(ScheduledJob job, Instant now) {
            this.job = job;
            this.next = job.schedule().flatMap(schedule -> schedule.nextAfter(now)).orElse(null);
        }

        /** The latest fire time at or before {@code now} if one is due, moving {@code next} past {@code now}. */
        synchronized Optional<Instant> takeDue(Instant now) {
            if (next == null || next.isAfter(now)) {
                return Optional.empty();
            }
            CronSchedule schedule = job.schedule().orElseThrow();
            Instant due = next;
            Instant following = schedule.nextAfter(due).orElse(null);
            for (int i = 0; following != null && !following.isAfter(now) && i < MAX_CATCH_UP; i++) {
                due = following;
                following = schedule.nextAfter(due).orElse(null);
            }
            next = following != null && following.isAfter(now) ? following : schedule.nextAfter(now).orElse(null);
            return Optional.of(due);
        }
    }
}
