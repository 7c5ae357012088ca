package io.orderbook.loadtest;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent by each part of a load run, so that a throughput limit can be put down to the component that
 * uses the cores: this JVM's threads grouped by what they do (the broker runs in this JVM in the tests), its GC and
 * JIT threads, the rest of the process's time (threads that ended meanwhile), the process that publishes the
 * events, PostgreSQL (all its processes, background ones and autovacuum included) and the Redis server (both shared
 * with whatever else uses them); all but the Java threads from {@code /proc} on Linux.
 */
final class ComponentCpu {
    private final long producerPid;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean process =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** @param producerPid the process that publishes the events */
    ComponentCpu(long producerPid) {
        this.producerPid = producerPid;
    }

    /** CPU nanoseconds used so far, by component, in a stable order. */
    Map<String, Long> snapshot() {
        Map<String, Long> used = new LinkedHashMap<>();
        for (String component : List.of("consumer", "store writer", "firing", "broker", "producers", "Redis client",
                "other JVM threads", "JVM GC", "JVM JIT", "JVM other (ended threads)", "producer process",
                "PostgreSQL", "Redis server")) {
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
        Map<String, Long> jvmThreads = ProcCpu.threadNanos("self", ComponentCpu::jvmThreadGroup);
        long gc = jvmThreads.getOrDefault("JVM GC", 0L);
        long jit = jvmThreads.getOrDefault("JVM JIT", 0L);
        used.put("JVM GC", gc);
        used.put("JVM JIT", jit);
        used.put("JVM other (ended threads)", Math.max(0, process.getProcessCpuTime() - onThreads - gc - jit));
        used.put("producer process", ProcCpu.processNanos(producerPid));
        used.put("PostgreSQL", ProcCpu.postgresNanos());
        used.put("Redis server", ProcCpu.processesNamed("redis-server").stream().mapToLong(ProcCpu::processNanos).sum());
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

    /** The JVM's own threads (not Java threads) by their kernel names; the rest is counted from the Java threads. */
    private static String jvmThreadGroup(String name) {
        String kind = ProcCpu.gcOrJit(name);
        return kind == null ? "other" : "JVM " + kind;
    }
}
