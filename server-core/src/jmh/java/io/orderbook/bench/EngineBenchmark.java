package io.orderbook.bench;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.MatchingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Throughput in commands per second: each invocation replays the {@value WorkloadState#COMMANDS}-command
 * stream on a fresh engine (or book) prepared outside the measured time.
 *
 * <p>The book-alone stream has one operation fewer per command the engine rejected (the book never sees
 * those), but is still divided by {@value WorkloadState#COMMANDS}: its figure errs low by the rejection rate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class EngineBenchmark {

    /** Validation, balance checks (reserve, settle, release), fees, matching and events. */
    @Benchmark
    @OperationsPerInvocation(WorkloadState.COMMANDS)
    public void engineWithBalances(WorkloadState.Engine state) {
        MatchingEngine engine = state.engine;
        for (Command command : state.workload.commands) {
            engine.apply(command);
        }
    }

    /** Matching and book maintenance only. */
    @Benchmark
    @OperationsPerInvocation(WorkloadState.COMMANDS)
    public void bookAlone(WorkloadState.Book state) {
        state.workload.book.replay(state.book, 0, state.operations);
    }
}
