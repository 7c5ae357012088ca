package io.orderbook.loadtest;

import com.sun.management.OperatingSystemMXBean;
import io.orderbook.adapters.persistence.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by each part of a load run, so that a throughput limit can be put down to the component that
 * uses the cores: this JVM's threads grouped by what they do (the broker runs in this JVM in the tests), its GC and
 * JIT threads, the rest of the process's time (threads that ended meanwhile), the process that publishes the
 * events, the PostgreSQL backends of the run's database and the Redis server (shared with whatever else uses it);
 * all but the Java threads from {@code /proc} on Linux.
 */
final class ComponentCpu {
    /** Linux's clock ticks per second for {@code /proc/<pid>/stat}, 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private final Database database;
    private final long producerPid;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean process =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param database    the run's database, whose backends are counted
     * @param producerPid the process that publishes the events
     */
    ComponentCpu(Database database, long producerPid) {
        this.database = database;
        this.producerPid = producerPid;
    }

    /** CPU nanoseconds used so far, by component, in a stable order. */
    Map<String, Long> snapshot() {
        Map<String, Long> used = new LinkedHashMap<>();
        for (String component : List.of("consumer", "store writer", "firing", "broker", "producers", "Redis client",
                "other JVM threads", "JVM GC", "JVM JIT", "JVM other (ended threads)", "producer process",
                "PostgreSQL backends", "Redis server")) {
            used.put(component, 0L);
        }
        long onThreads = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                used.merge(componentOf(info.getThreadName()), nanos, Long::sum);
                onThreads += nanos;
            }
        }
        long gc = jvmThreadsNamed("GC Thread", "G1 ");
        long jit = jvmThreadsNamed("C1 CompilerThre", "C2 CompilerThre");
        used.put("JVM GC", gc);
        used.put("JVM JIT", jit);
        used.put("JVM other (ended threads)", Math.max(0, process.getProcessCpuTime() - onThreads - gc - jit));
        used.put("producer process", processNanos(producerPid));
        used.put("PostgreSQL backends", backendsOfThisDatabase().stream().mapToLong(ComponentCpu::processNanos).sum());
        used.put("Redis server", redisServer().stream().mapToLong(ComponentCpu::processNanos).sum());
        return used;
    }

    /** Per component, milliseconds of CPU per 1,000 events between two snapshots. */
    static String perThousandEvents(Map<String, Long> before, Map<String, Long> after, long events, double seconds) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long nanos = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            total += nanos;
            text.append(String.format("%s %.1f  ", entry.getKey(), nanos / 1e6 * 1000 / events));
        }
        return String.format("%s| total %.1f ms per 1,000 events = %.2f cores busy over the %.1f s", text,
                total / 1e6 * 1000 / events, total / 1e9 / seconds, seconds);
    }

    private static String componentOf(String thread) {
        if (thread.equals("price-consumer") || thread.startsWith("kafka-coordinator-heartbeat")) {
            return "consumer";
        }
        if (thread.equals("price-store")) {
            return "store writer";
        }
        if (thread.startsWith("ForkJoinPool-")) {
            return "firing"; // carriers of the virtual threads that place and finish claimed orders
        }
        if (thread.startsWith("kafka-producer-network-thread") || thread.equals("main")) {
            return "producers"; // network threads of the JVM's producers (dead letters); main waits for the run
        }
        if (thread.startsWith("redisson-")) {
            return "Redis client";
        }
        if (thread.startsWith("data-plane-") || thread.startsWith("kafka-") || thread.startsWith("raft-")
                || thread.startsWith("controller-") || thread.startsWith("broker-") || thread.contains("Coordinator")
                || thread.startsWith("group-coordinator") || thread.startsWith("ExpirationReaper")
                || thread.startsWith("LogDirFailureHandler") || thread.startsWith("quorum-")) {
            return "broker";
        }
        return "other JVM threads";
    }

    /** CPU of this JVM's own (non-Java) threads whose name starts with one of the prefixes, from /proc/self/task. */
    private static long jvmThreadsNamed(String... prefixes) {
        long nanos = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name = read(task.resolve("comm")).strip();
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        nanos += statNanos(read(task.resolve("stat")));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return nanos;
    }

    private List<Long> backendsOfThisDatabase() {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery(
                     "select pid from pg_stat_activity where datname = current_database()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the PostgreSQL backends", e);
        }
        return pids;
    }

    private static List<Long> redisServer() {
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            return all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> read(p.resolve("comm")).strip().equals("redis-server"))
                    .map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** User plus system time of a local process, 0 if it is gone or not readable. */
    private static long processNanos(long pid) {
        return statNanos(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** User plus system time from the text of a {@code /proc/.../stat}, 0 if empty. */
    private static long statNanos(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        // Fields after "pid (comm)": state is field 3, utime 14 and stime 15.
        String[] fields = stat.substring(end + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
