package io.orderbook.adapters.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * Writes and reads the request log with plain JDBC: inserts go in batches (one transaction, multi-row
 * statements), reads filter, page and aggregate in SQL. Each method runs in its own transaction or joins
 * the one running on this thread (see {@link Database#inTransaction}).
 */
public final class RequestLogRepository {

    /** Rows per retention DELETE, so a large purge never holds locks or WAL for long. */
    private static final int DEFAULT_DELETE_CHUNK_SIZE = 10_000;
    /** The longest range {@link #countPerMinute} answers: a week of minutes. */
    static final Duration MAX_STATS_RANGE = Duration.ofDays(7);

    private static final String COLUMNS =
            "id, occurred_at, method, path, status, latency_micros, user_id, api_key_id, client_ip, request_id, error_code";

    private final Database database;
    private final int deleteChunkSize;

    /**
     * A repository on {@code database}.
     *
     * @param database the database holding {@code request_log}
     */
    public RequestLogRepository(Database database) {
        this(database, DEFAULT_DELETE_CHUNK_SIZE);
    }

    RequestLogRepository(Database database, int deleteChunkSize) {
        this.database = Objects.requireNonNull(database, "database");
        this.deleteChunkSize = deleteChunkSize;
    }

    /**
     * Stores all entries in one transaction; their {@code id} is ignored and assigned by the database.
     *
     * @param entries the entries; none is a no-op
     */
    public void insertAll(List<RequestLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        database.runInTransaction(session -> session.doWork(connection -> insertAll(connection, entries)));
    }

    // COPY costs PostgreSQL markedly less per row than batched INSERTs, and the log takes one row per request.
    private static void insertAll(Connection connection, List<RequestLogEntry> entries) throws SQLException {
        StringBuilder csv = new StringBuilder(entries.size() * 160);
        for (RequestLogEntry entry : entries) {
            csv.append(entry.occurredAt()).append(',');
            quoted(csv, entry.method()).append(',');
            quoted(csv, entry.path()).append(',');
            csv.append(entry.status()).append(',').append(entry.latencyMicros()).append(',');
            entry.userId().ifPresent(csv::append);
            csv.append(',');
            entry.apiKeyId().ifPresent(csv::append);
            csv.append(',');
            entry.clientIp().ifPresent(text -> quoted(csv, text));
            csv.append(',');
            entry.requestId().ifPresent(text -> quoted(csv, text));
            csv.append(',');
            entry.errorCode().ifPresent(text -> quoted(csv, text));
            csv.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy request_log (occurred_at, method, path, status, latency_micros, user_id, api_key_id,
                                      client_ip, request_id, error_code) from stdin with (format csv)""",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("could not stream the request log batch", e);
        }
    }

    /** A CSV field in quotes (so an empty text stays empty, not NULL), with quotes doubled. */
    private static StringBuilder quoted(StringBuilder csv, String text) {
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        return csv.append('"');
    }

    /**
     * Finds entries, newest first.
     *
     * @param filter which entries match
     * @param page   which slice of the matching entries to return
     * @return the slice and how many entries match in all
     */
    public Page<RequestLogEntry> find(RequestLogFilter filter, PageRequest page) {
        Where where = Where.of(filter);
        return database.inTransaction(session -> session.doReturningWork(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from request_log" + where.sql)) {
                where.bind(count, 1);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<RequestLogEntry> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from request_log"
                    + where.sql + " order by occurred_at desc, id desc limit ? offset ?")) {
                int next = where.bind(select, 1);
                select.setInt(next, page.limit());
                select.setLong(next + 1, page.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(entryOf(rows));
                    }
                }
            }
            return new Page<>(items, total, page);
        }));
    }

    /**
     * Requests per minute with their error counts, for every minute the filter's time range touches, oldest
     * first; minutes without requests are included with zeros so charts need no gap filling.
     *
     * @param filter must have both ends of its time range, at most {@link #MAX_STATS_RANGE} apart
     * @return one count per minute from the start's minute up to the end, oldest first
     * @throws IllegalArgumentException if the time range lacks an end or is longer than a week
     */
    public List<RequestLogMinute> countPerMinute(RequestLogFilter filter) {
        Instant from = filter.from().orElseThrow(() -> new IllegalArgumentException("per-minute counts need a start time"));
        Instant to = filter.to().orElseThrow(() -> new IllegalArgumentException("per-minute counts need an end time"));
        if (Duration.between(from, to).compareTo(MAX_STATS_RANGE) > 0) {
            throw new IllegalArgumentException("per-minute counts cover at most " + MAX_STATS_RANGE.toDays() + " days");
        }
        Where where = Where.of(filter);
        Map<Instant, RequestLogMinute> counted = database.inTransaction(session -> session.doReturningWork(connection -> {
            Map<Instant, RequestLogMinute> byMinute = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select date_trunc('minute', occurred_at, 'UTC') as minute,
                           count(*),
                           count(*) filter (where status between 400 and 499),
                           count(*) filter (where status >= 500),
                           avg(latency_micros)
                    from request_log""" + where.sql + " group by 1")) {
                where.bind(select, 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Instant minute = rows.getObject(1, OffsetDateTime.class).toInstant();
                        byMinute.put(minute, new RequestLogMinute(minute, rows.getLong(2), rows.getLong(3),
                                rows.getLong(4), rows.getDouble(5)));
                    }
                }
            }
            return byMinute;
        }));
        List<RequestLogMinute> minutes = new ArrayList<>();
        for (Instant minute = from.truncatedTo(ChronoUnit.MINUTES); minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            minutes.add(counted.getOrDefault(minute, new RequestLogMinute(minute, 0, 0, 0, 0)));
        }
        return minutes;
    }

    /**
     * Deletes entries that occurred before {@code cutoff} (retention), in chunks that each commit on their
     * own unless a transaction is already running on this thread.
     *
     * @param cutoff entries that occurred before this instant are deleted
     * @return how many entries were deleted
     */
    public long deleteOlderThan(Instant cutoff) {
        long deleted = 0;
        int chunk;
        do {
            chunk = database.inTransaction(session -> session.doReturningWork(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("""
                        delete from request_log where id in (
                            select id from request_log where occurred_at < ? limit ?)""")) {
                    delete.setObject(1, utc(cutoff));
                    delete.setInt(2, deleteChunkSize);
                    return delete.executeUpdate();
                }
            }));
            deleted += chunk;
        } while (chunk == deleteChunkSize);
        return deleted;
    }

    private static RequestLogEntry entryOf(ResultSet rows) throws SQLException {
        return new RequestLogEntry(
                rows.getLong("id"),
                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rows.getString("method"),
                rows.getString("path"),
                rows.getInt("status"),
                rows.getLong("latency_micros"),
                Optional.ofNullable(rows.getObject("user_id", Long.class)),
                Optional.ofNullable(rows.getObject("api_key_id", Long.class)),
                Optional.ofNullable(rows.getString("client_ip")),
                Optional.ofNullable(rows.getString("request_id")),
                Optional.ofNullable(rows.getString("error_code")));
    }

    // pgjdbc takes OffsetDateTime, not Instant, for timestamptz parameters.
    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A WHERE clause built from a filter, with its parameters in order. */
    private record Where(String sql, List<Object> parameters) {

        static Where of(RequestLogFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            filter.apiKeyId().ifPresent(id -> add(conditions, parameters, "api_key_id = ?", id));
            filter.userId().ifPresent(id -> add(conditions, parameters, "user_id = ?", id));
            filter.statusFrom().ifPresent(status -> add(conditions, parameters, "status >= ?", status));
            filter.statusTo().ifPresent(status -> add(conditions, parameters, "status <= ?", status));
            filter.pathPrefix().ifPresent(prefix ->
                    add(conditions, parameters, "path like ? escape '!'", escapeLike(prefix) + "%"));
            filter.from().ifPresent(from -> add(conditions, parameters, "occurred_at >= ?", utc(from)));
            filter.to().ifPresent(to -> add(conditions, parameters, "occurred_at < ?", utc(to)));
            String sql = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
            return new Where(sql, List.copyOf(parameters));
        }

        private static void add(List<String> conditions, List<Object> parameters, String condition, Object parameter) {
            conditions.add(condition);
            parameters.add(parameter);
        }

        /** Makes {@code %} and {@code _} in a user's path prefix literal. */
        private static String escapeLike(String text) {
            return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        }

        /** Binds the parameters from {@code firstIndex} on and returns the next free index. */
        int bind(PreparedStatement statement, int firstIndex) throws SQLException {
            int index = firstIndex;
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
            return index;
        }
    }
}
