package io.orderbook.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * CPU time of the whole PostgreSQL server on this machine: every process named {@code postgres} (backends of all
     * databases, the WAL writer, the checkpointer, autovacuum workers) plus what the postmaster's children that ended
     * used (the kernel adds a reaped child's time to its parent's), so a backend or autovacuum worker that comes or
     * goes between two snapshots is counted for what it used between them.
     */
    static long postgresNanos() {
        List<Long> pids = processesNamed("postgres");
        long nanos = 0;
        for (long pid : pids) {
            String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
            nanos += statNanos(stat);
            if (!pids.contains(parentOf(stat))) {
                nanos += reapedChildrenNanos(stat); // the postmaster
            }
        }
        return nanos;
    }

    /**
     * CPU time that all cores of the machine spent busy (not idle, not waiting for I/O) so far; only the difference
     * between two calls means anything. It is the cores times a monotonic clock less the idle and iowait times of
     * /proc/stat, which the kernel measures exactly. Its user and system times come from timer ticks instead, and
     * those miss the short bursts between idle periods of a machine that is not fully busy (the open loop's): summed
     * up they fell below the exact times of the processes, and the rest of the machine came out negative.
     */
    static long machineBusyNanos() {
        long now = System.nanoTime();
        List<String> lines = read(Path.of("/proc/stat")).lines().toList();
        long cores = lines.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
        if (lines.isEmpty() || cores == 0) {
            return 0;
        }
        // cpu user nice system idle iowait ...: idle is field 4, iowait 5.
        String[] fields = lines.getFirst().trim().split("\\s+");
        long idleTicks = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return now * cores - idleTicks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** User plus system time from the text of a {@code /proc/.../stat}, 0 if empty. */
    private static long statNanos(String stat) {
        return ticksNanos(stat, 14, 15);
    }

    /** User plus system time of the children that ended and were waited for (cutime and cstime), 0 if empty. */
    private static long reapedChildrenNanos(String stat) {
        return ticksNanos(stat, 16, 17);
    }

    /** The parent's process id from the text of a {@code /proc/.../stat}, -1 if empty. */
    private static long parentOf(String stat) {
        String[] fields = fieldsAfterName(stat);
        return fields.length == 0 ? -1 : Long.parseLong(fields[1]);
    }

    // Two fields of stat(5), counted from 1 as its manual does, in clock ticks, as nanoseconds.
    private static long ticksNanos(String stat, int first, int second) {
        String[] fields = fieldsAfterName(stat);
        if (fields.length == 0) {
            return 0;
        }
        long ticks = Long.parseLong(fields[first - 3]) + Long.parseLong(fields[second - 3]);
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    // The fields after "pid (comm)", from state (field 3) on; the name may contain spaces and parentheses.
    private static String[] fieldsAfterName(String stat) {
        int end = stat.lastIndexOf(')');
        return end < 0 ? new String[0] : stat.substring(end + 2).split(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
