package io.orderbook.adapters.persistence.jobs;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.Jdbc;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.application.jobs.JobRun;
import io.orderbook.application.jobs.JobRunLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The job run history in PostgreSQL ({@code job_runs}), shared by every instance. */
public final class PostgresJobRunLog implements JobRunLog {

    private static final String COLUMNS =
            "id, job_name, fire_time, trigger, instance, started_at, finished_at, result, message";

    private final Database database;

    /**
     * A run log in {@code database}.
     *
     * @param database the server's database, already migrated
     */
    public PostgresJobRunLog(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<JobRun> started(String job, Instant fireTime, JobRun.Trigger trigger, String instance,
                                    Instant startedAt) {
        return Jdbc.query(database, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into job_runs"
                    + " (job_name, fire_time, trigger, instance, started_at, result) values (?, ?, ?, ?, ?, 'RUNNING')"
                    + " on conflict (job_name, fire_time, trigger) do nothing returning " + COLUMNS)) {
                insert.setString(1, job);
                insert.setTimestamp(2, Timestamp.from(fireTime));
                insert.setString(3, trigger.name());
                insert.setString(4, instance);
                insert.setTimestamp(5, Timestamp.from(startedAt));
                try (ResultSet rows = insert.executeQuery()) {
                    return rows.next() ? Optional.of(run(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public JobRun finished(long runId, Instant finishedAt, JobRun.Result result, String message) {
        String kept = message == null || message.length() <= JobRun.MAX_MESSAGE ? message
                : message.substring(0, JobRun.MAX_MESSAGE - 1) + "…";
        return Jdbc.query(database, connection -> {
            try (PreparedStatement update = connection.prepareStatement("update job_runs set finished_at = ?,"
                    + " result = ?, message = ? where id = ? returning " + COLUMNS)) {
                update.setTimestamp(1, Timestamp.from(finishedAt));
                update.setString(2, result.name());
                update.setString(3, kept);
                update.setLong(4, runId);
                try (ResultSet rows = update.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("job run " + runId + " is not in the history");
                    }
                    return run(rows);
                }
            }
        });
    }

    @Override
    public Map<String, JobRun> latest() {
        return Jdbc.query(database, connection -> {
            Map<String, JobRun> latest = new HashMap<>();
            // One index probe per job (skip scan by hand): fast however long the history is.
            try (PreparedStatement select = connection.prepareStatement("""
                    with recursive jobs(name) as (
                        (select job_name from job_runs order by job_name limit 1)
                        union all
                        select (select job_name from job_runs where job_name > jobs.name order by job_name limit 1)
                        from jobs where jobs.name is not null)
                    select r.* from jobs cross join lateral (
                        select %s from job_runs where job_name = jobs.name
                        order by started_at desc, id desc limit 1) r
                    where jobs.name is not null""".formatted(COLUMNS));
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JobRun run = run(rows);
                    latest.put(run.job(), run);
                }
            }
            return latest;
        });
    }

    @Override
    public Page<JobRun> runs(String job, PageRequest page) {
        return Jdbc.query(database, connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from job_runs where job_name = ?")) {
                count.setString(1, job);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<JobRun> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from job_runs"
                    + " where job_name = ? order by started_at desc, id desc offset ? limit ?")) {
                select.setString(1, job);
                select.setLong(2, page.offset());
                select.setInt(3, page.limit());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(run(rows));
                    }
                }
            }
            return new Page<>(items, total, page);
        });
    }

    @Override
    public long deleteStartedBefore(Instant cutoff) {
        return Jdbc.query(database, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from job_runs where started_at < ? and result <> 'RUNNING'")) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                return (long) delete.executeUpdate();
            }
        });
    }

    private static JobRun run(ResultSet rows) throws SQLException {
        Timestamp finished = rows.getTimestamp("finished_at");
        return new JobRun(rows.getLong("id"), rows.getString("job_name"), rows.getTimestamp("fire_time").toInstant(),
                JobRun.Trigger.valueOf(rows.getString("trigger")), rows.getString("instance"),
                rows.getTimestamp("started_at").toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant), JobRun.Result.valueOf(rows.getString("result")),
                Optional.ofNullable(rows.getString("message")));
    }
}
