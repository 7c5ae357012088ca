package io.orderbook.application.jobs;

import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.jobs.JobRoutes;
import io.orderbook.adapters.http.marketdata.MarketDataRoutes;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.jobs.PostgresHousekeeping;
import io.orderbook.adapters.persistence.jobs.PostgresJobRunLog;
import io.orderbook.adapters.persistence.marketdata.PostgresMarketData;
import io.orderbook.adapters.scheduling.RedisJobClaims;
import io.orderbook.adapters.scheduling.RedisUserNotices;
import io.orderbook.application.marketdata.MarketDataStore;
import io.orderbook.application.prices.LatestPrices;
import io.orderbook.application.prices.PriceObserver;
import io.orderbook.application.requestlog.RequestLogRetention;
import io.orderbook.application.trading.TradingModule;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/**
 * The scheduled jobs wired for the composition root: the {@link JobScheduler} (cron schedules, once per fire time in
 * the cluster through Redis, history in PostgreSQL) with the server's housekeeping jobs, and their HTTP routes: the
 * administrators' {@code /jobs} and everyone's {@code /markets/stats}, {@code /markets/{symbol}/stats} and
 * {@code /markets/{symbol}/candles}. Nothing runs on schedule before {@link #start()}.
 */
public final class JobsModule implements AutoCloseable {

    /** Re-feeds the latest prices to the conditional orders. */
    public static final String PRICE_WATCHER = "price-watcher";
    /** Expires good-till-date orders. */
    public static final String ORDER_EXPIRY = "order-expiry";
    /** Marks expired API keys and tells their owners. */
    public static final String API_KEY_EXPIRY = "api-key-expiry";
    /** Deletes old request-log entries. */
    public static final String REQUEST_LOG_RETENTION = "request-log-retention";
    /** Candles and 24-hour statistics from the trades. */
    public static final String MARKET_STATS = "market-stats";
    /** Stores order book snapshots. */
    public static final String BOOK_SNAPSHOTS = "book-snapshots";
    /** Deletes old idempotency keys. */
    public static final String IDEMPOTENCY_KEY_PURGE = "idempotency-key-purge";
    /** Deletes old job runs from the history. */
    public static final String JOB_RUN_RETENTION = "job-run-retention";

    /** Every job, with its default schedule. */
    public static final Map<String, String> DEFAULT_SCHEDULES = defaultSchedules();

    private final JobScheduler scheduler;
    private final AutoCloseable noticeDelivery;
    private final HttpRoutes routes;

    /**
     * Job settings; {@link #defaults()} gives the recommended values.
     *
     * @param schedules               each job's schedule by name ({@link #DEFAULT_SCHEDULES} has every name); an
     *                                empty one disables the job
     * @param idempotencyKeyRetention how long the answers of {@code Idempotency-Key} requests are kept
     * @param bookSnapshotDepth       price levels per side in a book snapshot
     * @param bookSnapshotRetention   how long book snapshots are kept
     * @param jobRunRetention         how long the run history is kept
     * @param runLease                longest a run holds its job's cluster lock
     */
    public record Settings(Map<String, Optional<CronSchedule>> schedules, Duration idempotencyKeyRetention,
                           int bookSnapshotDepth, Duration bookSnapshotRetention, Duration jobRunRetention,
                           Duration runLease) {

        /**
         * Checks the settings and copies the schedules.
         *
         * @throws IllegalArgumentException if the schedules do not name exactly the jobs of
         *                                  {@link #DEFAULT_SCHEDULES}, or a depth or duration is not positive
         * @throws NullPointerException     if {@code schedules} is null or holds null
         */
        public Settings {
            schedules = Map.copyOf(schedules);
            if (!schedules.keySet().equals(DEFAULT_SCHEDULES.keySet())) {
                throw new IllegalArgumentException("schedules must name exactly the jobs " + DEFAULT_SCHEDULES.keySet());
            }
            positive(idempotencyKeyRetention, "idempotencyKeyRetention");
            if (bookSnapshotDepth < 1) {
                throw new IllegalArgumentException("bookSnapshotDepth must be positive");
            }
            positive(bookSnapshotRetention, "bookSnapshotRetention");
            positive(jobRunRetention, "jobRunRetention");
            positive(runLease, "runLease");
        }

        /**
         * The recommended settings.
         *
         * @return the default schedules; idempotency keys kept a day, 20 levels kept a week, history a week, 15 min
         *         lease
         */
        public static Settings defaults() {
            Map<String, Optional<CronSchedule>> schedules = new LinkedHashMap<>();
            DEFAULT_SCHEDULES.forEach((name, cron) -> schedules.put(name, Optional.of(CronSchedule.parse(cron))));
            return new Settings(schedules, Duration.ofHours(24), 20, Duration.ofDays(7), Duration.ofDays(7),
                    Duration.ofMinutes(15));
        }

        private static void positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    /**
     * Builds the jobs and the scheduler; call {@link #start()} to run them on schedule.
     *
     * @param database     the PostgreSQL store of the run history, snapshots, statistics and housekeeping
     * @param redisson     the Redis client for fire-time claims, run locks and user notices
     * @param trading      the node's trading: its sequencer expires orders and is read for book snapshots, its
     *                     catalog resolves market symbols, its streams carry notices to users
     * @param latestPrices the latest price per token, re-fed to {@code observer} by the price watcher
     * @param observer     the conditional orders' price observer
     * @param retention    the request-log retention
     * @param settings     schedules, retentions and the run lease
     * @param clock        the time for schedules and retentions
     * @param instance     this server instance's name in the run history
     */
    public JobsModule(Database database, RedissonClient redisson, TradingModule trading, LatestPrices latestPrices,
                      PriceObserver observer, RequestLogRetention retention, Settings settings, Clock clock,
                      String instance) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(settings, "settings");
        PostgresHousekeeping housekeeping = new PostgresHousekeeping(database);
        MarketDataStore marketData = new PostgresMarketData(database);
        JobRunLog history = new PostgresJobRunLog(database);
        RedisUserNotices notices = new RedisUserNotices(redisson);
        this.noticeDelivery = notices.deliverTo(trading.streams());
        Map<String, JobTask> tasks = new LinkedHashMap<>();
        tasks.put(PRICE_WATCHER, new PriceWatcherJob(latestPrices, observer));
        tasks.put(ORDER_EXPIRY, new OrderExpiryJob(trading.sequencer(), clock, Duration.ofSeconds(30)));
        tasks.put(API_KEY_EXPIRY, new ApiKeyExpiryJob(housekeeping, notices, clock));
        tasks.put(REQUEST_LOG_RETENTION, fire -> "deleted " + retention.purge() + " entries");
        tasks.put(MARKET_STATS, fire -> "merged " + marketData.update(clock.instant()) + " trades");
        tasks.put(BOOK_SNAPSHOTS, new BookSnapshotJob(trading.sequencer(), housekeeping, settings.bookSnapshotDepth(),
                settings.bookSnapshotRetention(), clock));
        tasks.put(IDEMPOTENCY_KEY_PURGE, fire -> "deleted " + housekeeping.deleteCreatedBefore(
                clock.instant().minus(settings.idempotencyKeyRetention())) + " keys");
        tasks.put(JOB_RUN_RETENTION, fire -> "deleted " + history.deleteStartedBefore(
                clock.instant().minus(settings.jobRunRetention())) + " runs");
        List<ScheduledJob> jobs = new ArrayList<>();
        tasks.forEach((name, task) -> jobs.add(new ScheduledJob(name, settings.schedules().get(name), task)));
        this.scheduler = new JobScheduler(jobs, new RedisJobClaims(redisson, instance), history, clock, instance,
                settings.runLease());
        HttpRoutes jobRoutes = new JobRoutes(scheduler);
        HttpRoutes marketDataRoutes = new MarketDataRoutes(marketData, trading.markets(), clock);
        this.routes = group -> {
            marketDataRoutes.addTo(group);
            jobRoutes.addTo(group);
        };
    }

    /**
     * Starts running the jobs on their schedules.
     *
     * @return this module
     */
    public JobsModule start() {
        scheduler.start();
        return this;
    }

    /**
     * The scheduler, for running jobs by hand and reading their statuses.
     *
     * @return the module's scheduler
     */
    public JobScheduler scheduler() {
        return scheduler;
    }

    /**
     * {@code /jobs} and the market statistics and candles under {@code /api/v1}. Add them before the market routes:
     * {@code /markets/stats} must be matched before {@code /markets/{symbol}}.
     *
     * @return the routes, to add to the server's route group
     */
    public HttpRoutes routes() {
        return routes;
    }

    /** Stops the schedule (waiting briefly for running jobs) and the notices. */
    @Override
    public void close() {
        try {
            scheduler.close();
        } finally {
            try {
                noticeDelivery.close();
            } catch (Exception e) {
                // Only a Redis listener: the client is closed right after.
            }
        }
    }

    private static Map<String, String> defaultSchedules() {
        Map<String, String> schedules = new LinkedHashMap<>();
        schedules.put(PRICE_WATCHER, "*/5 * * * * *");
        schedules.put(ORDER_EXPIRY, "* * * * * *");
        schedules.put(API_KEY_EXPIRY, "0 * * * * *");
        schedules.put(REQUEST_LOG_RETENTION, "0 30 3 * * *");
        schedules.put(MARKET_STATS, "*/10 * * * * *");
        schedules.put(BOOK_SNAPSHOTS, "0 * * * * *");
        schedules.put(IDEMPOTENCY_KEY_PURGE, "0 15 * * * *");
        schedules.put(JOB_RUN_RETENTION, "0 45 3 * * *");
        return java.util.Collections.unmodifiableMap(schedules);
    }
}
