package io.orderbook.loadtest;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the trading load test's cores go: the server's threads by what they do, PostgreSQL (all its processes,
 * background ones and autovacuum included), the Redis server, this load generator, and the rest of the machine; and
 * how much write-ahead log
 * PostgreSQL wrote (its checkpoints come every {@code max_wal_size} of it). On a machine that runs out of CPU
 * the throughput is the cores divided by the CPU time per request, so this says which component to work on. The
 * transactions of the server's database per request are counted too: a per-request read or commit shows there. On a
 * shared VM the CPU time per request moves with the machine too (every component at once), so compare runs
 * alternated on one machine.
 */
final class TradingLoadCpu {
    private static final String HTTP = "server virtual threads (HTTP)";
    private static final String SEQUENCER = "server sequencer";
    private static final String KAFKA = "server Kafka (embedded broker, events, price feed)";
    private static final String REDIS_CLIENT = "server Redis client";
    private static final String GC = "server GC";
    private static final String JIT = "server JIT";
    private static final String OTHER = "server other (and ended threads)";
    private static final String POSTGRES = "PostgreSQL";
    private static final String REDIS = "Redis server";
    private static final String GENERATOR = "load generator";
    private static final String REST = "rest of the machine";

    private final long serverPid;
    private final Connection database;
    private final OperatingSystemMXBean self = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param serverPid the server's process
     * @param database  a connection to the server's database, for its WAL position and transactions
     */
    TradingLoadCpu(long serverPid, Connection database) {
        this.serverPid = serverPid;
        this.database = database;
    }

    /**
     * CPU nanoseconds by component (in a stable order), bytes of write-ahead log and transactions of the server's
     * database, so far or between two snapshots. The WAL is PostgreSQL's, all databases (the others are idle in a
     * run). PostgreSQL counts a backend's transactions when it reports its statistics (at most once a second), so
     * over a phase of 30 s the count is good to a few percent.
     */
    record Usage(Map<String, Long> cpuNanos, long walBytes, long transactions) {

        /** What was used from {@code before} to this snapshot. */
        Usage since(Usage before) {
            Map<String, Long> used = new LinkedHashMap<>();
            cpuNanos.forEach((component, nanos) -> used.put(component, nanos - before.cpuNanos.getOrDefault(component, 0L)));
            return new Usage(used, walBytes - before.walBytes, transactions - before.transactions);
        }

        /** Per component, milliseconds of CPU per 1,000 requests, the cores busy, the WAL and the transactions. */
        String perThousandRequests(long requests, double seconds) {
            StringBuilder text = new StringBuilder("CPU ms per 1,000 requests: ");
            long total = 0;
            for (Map.Entry<String, Long> entry : cpuNanos.entrySet()) {
                total += entry.getValue();
                text.append(String.format(Locale.ROOT, "%s %.1f, ", entry.getKey(), entry.getValue() / 1e6 * 1000 / requests));
            }
            return text.append(String.format(Locale.ROOT, "| machine %.1f = %.2f cores busy; PostgreSQL wrote %,.0f "
                    + "bytes of WAL per request and ran %.0f transactions per 1,000 requests",
                    total / 1e6 * 1000 / requests, total / 1e9 / seconds, walBytes / (double) requests,
                    transactions * 1000.0 / requests)).toString();
        }
    }

    /** What was used so far. */
    Usage snapshot() {
        Map<String, Long> used = new LinkedHashMap<>();
        for (String component : List.of(HTTP, SEQUENCER, KAFKA, REDIS_CLIENT, GC, JIT, OTHER)) {
            used.put(component, 0L);
        }
        Map<String, Long> threads = ProcCpu.threadNanos(Long.toString(serverPid), TradingLoadCpu::serverThreadGroup);
        threads.forEach((group, nanos) -> used.merge(group, nanos, Long::sum));
        // A thread that ended (an idle carrier, say) takes its time out of the live threads' sum, not the process's.
        long live = threads.values().stream().mapToLong(Long::longValue).sum();
        used.merge(OTHER, Math.max(0, ProcCpu.processNanos(serverPid) - live), Long::sum);
        used.put(POSTGRES, ProcCpu.postgresNanos());
        used.put(REDIS, ProcCpu.processesNamed("redis-server").stream().mapToLong(ProcCpu::processNanos).sum());
        used.put(GENERATOR, self.getProcessCpuTime());
        long ours = used.values().stream().mapToLong(Long::longValue).sum();
        used.put(REST, ProcCpu.machineBusyNanos() - ours);
        return postgresCounters(used);
    }

    /** The WAL position and the database's transactions so far, with {@code cpuNanos}. */
    private Usage postgresCounters(Map<String, Long> cpuNanos) {
        try (Statement select = database.createStatement();
             ResultSet rows = select.executeQuery("""
                     select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::int8, xact_commit + xact_rollback
                     from pg_stat_database where datname = current_database()""")) {
            rows.next();
            return new Usage(cpuNanos, rows.getLong(1), rows.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's WAL position and transactions", e);
        }
    }

    /** The server's threads by their kernel names (at most 15 characters): virtual threads run on the carriers. */
    private static String serverThreadGroup(String name) {
        if (name.startsWith("ForkJoinPool-") || name.endsWith("Poller")) {
            return HTTP; // carriers and pollers of the virtual threads: HTTP requests, and the request log's writer
        }
        if (name.equals("sequencer")) {
            return SEQUENCER;
        }
        if (name.startsWith("redisson-")) {
            return REDIS_CLIENT;
        }
        String kind = ProcCpu.gcOrJit(name);
        if (kind != null) {
            return kind.equals("GC") ? GC : JIT;
        }
        for (String kafka : List.of("data-plane-", "kafka-", "trading-event", "price-", "group-coordina", "quorum-",
                "raft-", "broker-", "controller-", "ExpirationReap", "LogDirFailure", "share-", "transaction-")) {
            if (name.startsWith(kafka)) {
                return KAFKA;
            }
        }
        return OTHER;
    }
}
