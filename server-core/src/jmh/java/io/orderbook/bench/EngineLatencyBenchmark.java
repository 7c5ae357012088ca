package io.orderbook.bench;

import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.MatchingEngine;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.concurrent.TimeUnit;

/**
 * Per-command latency: the same replay as {@link EngineBenchmark}, with {@link System#nanoTime()} read
 * before and after every command and the difference recorded in an HdrHistogram (recording happens outside
 * the timed window). Only measurement iterations are recorded; the percentiles are printed at the end of
 * the run, overall and per command kind.
 *
 * <p>Each sample includes the cost of one {@code nanoTime()} call (measured and printed alongside), and
 * JIT-compiled code, GC pauses and scheduler noise as they happen: the tail is the real tail of this JVM on
 * this machine. The throughput this benchmark reports is lower than {@link EngineBenchmark}'s by the timer
 * and recording overhead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class EngineLatencyBenchmark {
    private static final String[] KIND_NAMES = {"GTC", "IOC", "cancel", "move", "reduce"};

    /** Histograms per command kind, filled during measurement iterations only. */
    @State(Scope.Thread)
    public static class Latencies {
        final Histogram[] byKind = new Histogram[KIND_NAMES.length];
        boolean recording;
        long replays;

        public Latencies() {
            for (int i = 0; i < byKind.length; i++) {
                byKind[i] = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            }
        }

        @Setup(Level.Iteration)
        public void startIteration(IterationParams iteration) {
            recording = iteration.getType() == IterationType.MEASUREMENT;
        }

        void record(byte kind, long nanos) {
            if (recording) {
                byKind[kind].recordValue(nanos);
            }
        }

        @TearDown(Level.Trial)
        public void report(BenchmarkParams benchmark) {
            Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            for (Histogram h : byKind) {
                all.add(h);
            }
            StringBuilder text = new StringBuilder();
            text.append(String.format("%n%s: latency per command in ns, %,d samples (measurement iterations only),"
                    + " System.nanoTime() around each command%n", benchmark.getBenchmark(), all.getTotalCount()));
            text.append(String.format("  %-8s %9s %8s %8s %8s %8s %8s %10s %8s%n",
                    "kind", "samples", "p50", "p90", "p99", "p99.9", "p99.99", "max", "mean"));
            line(text, "all", all);
            for (int i = 0; i < byKind.length; i++) {
                line(text, KIND_NAMES[i], byKind[i]);
            }
            Histogram timer = timerOverhead();
            text.append(String.format("  timer overhead (two back-to-back nanoTime() calls, part of every sample):"
                            + " p50 %d ns, p99 %d ns, p99.9 %d ns, mean %.1f ns%n",
                    timer.getValueAtPercentile(50), timer.getValueAtPercentile(99),
                    timer.getValueAtPercentile(99.9), timer.getMean()));
            System.out.print(text);
        }

        private static void line(StringBuilder text, String name, Histogram h) {
            if (h.getTotalCount() == 0) {
                return;
            }
            text.append(String.format("  %-8s %9d %8d %8d %8d %8d %8d %10d %8.1f%n", name, h.getTotalCount(),
                    h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue(), h.getMean()));
        }

        private static Histogram timerOverhead() {
            Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            for (int round = 0; round < 2; round++) {
                h.reset();
                for (int i = 0; i < 5_000_000; i++) {
                    long t0 = System.nanoTime();
                    long t1 = System.nanoTime();
                    h.recordValue(t1 - t0);
                }
            }
            return h;
        }
    }

    @Benchmark
    @OperationsPerInvocation(WorkloadState.COMMANDS)
    public void engineWithBalances(WorkloadState.Engine state, Latencies latencies) {
        MatchingEngine engine = state.engine;
        Command[] commands = state.workload.commands;
        byte[] kinds = state.workload.kinds;
        for (int i = 0; i < commands.length; i++) {
            long start = System.nanoTime();
            engine.apply(commands[i]);
            long end = System.nanoTime();
            latencies.record(kinds[i], end - start);
        }
    }

    @Benchmark
    @OperationsPerInvocation(WorkloadState.COMMANDS)
    public void bookAlone(WorkloadState.Book state, Latencies latencies) {
        OrderBook book = state.book;
        BookStream stream = state.workload.book;
        for (int i = stream.prefillOps(), end = stream.size(); i < end; i++) {
            long start = System.nanoTime();
            stream.apply(book, i);
            long stop = System.nanoTime();
            latencies.record(stream.operation(i), stop - start);
        }
    }
}
