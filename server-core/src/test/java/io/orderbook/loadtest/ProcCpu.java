package io.orderbook.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPU time of processes and threads of this machine, read from {@code /proc} (Linux), for the load runs' accounts
 * of where the cores went. Whatever cannot be read counts as 0: the accounts are for people, not for checks.
 */
final class ProcCpu {
    /** Linux's clock ticks per second for {@code /proc/.../stat}, 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcCpu() {
    }

    /** User plus system time of a local process, 0 if it is gone or not readable. */
    static long processNanos(long pid) {
        return statNanos(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /**
     * A process's CPU time by thread group: each thread's name (as the kernel keeps it, at most 15 characters) is
     * given to {@code groupOf}; threads that ended are not counted.
     *
     * @param pid a process id, or "self"
     */
    static Map<String, Long> threadNanos(String pid, Function<String, String> groupOf) {
        Map<String, Long> used = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks.toList()) {
                used.merge(groupOf.apply(read(task.resolve("comm")).strip()), statNanos(read(task.resolve("stat"))),
                        Long::sum);
            }
        } catch (IOException e) {
            return Map.of();
        }
        return used;
    }

    /** A HotSpot thread's kind by its kernel name: "GC" or "JIT", or null for any other thread. */
    static String gcOrJit(String kernelName) {
        if (kernelName.startsWith("GC Thread") || kernelName.startsWith("G1 ")) {
            return "GC";
        }
        if (kernelName.startsWith("C1 CompilerThre") || kernelName.startsWith("C2 CompilerThre")) {
            return "JIT";
        }
        return null;
    }

    /** The ids of the processes with this name ({@code /proc/<pid>/comm}). */
    static List<Long> processesNamed(String name) {
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            return all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> read(p.resolve("comm")).strip().equals(name))
                    .map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The process ids of the PostgreSQL backends connected to the connection's database. */
    static List<Long> backendsOfDatabase(Connection connection) {
        List<Long> pids = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the PostgreSQL backends", e);
        }
        return pids;
    }

    /** CPU time that all cores of the machine spent busy (not idle, not waiting for I/O), from /proc/stat. */
    static long machineBusyNanos() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
        long busy = 0;
        // cpu user nice system idle iowait irq softirq steal ...: all but idle (4) and iowait (5).
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy * 1_000_000_000L / TICKS_PER_SECOND;
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
